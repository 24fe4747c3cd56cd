from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "meldpunt.audit"
    label = "audit"
    verbose_name = "Audit trail"
