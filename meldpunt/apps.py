from django.apps import AppConfig


class MeldpuntConfig(AppConfig):
    name = "meldpunt"
    verbose_name = "Meldpunt Integriteit"

    def ready(self):
        from . import checks  # noqa: F401  (registers the start-up checks)
