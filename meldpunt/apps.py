from django.apps import AppConfig


class MeldpuntConfig(AppConfig):
    name = "meldpunt"
    verbose_name = "Meldpunt Integriteit"
