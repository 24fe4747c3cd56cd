from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "meldpunt.vault"
    label = "vault"
    verbose_name = "Evidence vault"

    def ready(self):
        from meldpunt.intake import events

        from . import services

        # Files added on the report form are staged under the form's one-time token; they join the
        # report inside report_submit's own transaction.
        events.report_received.connect(services.on_report_received, dispatch_uid="vault.report_received")
