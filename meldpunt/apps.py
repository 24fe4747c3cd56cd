from django.apps import AppConfig


class MeldpuntConfig(AppConfig):
    name = "meldpunt"
    verbose_name = "Meldpunt Integriteit"

    def ready(self):
        from . import checks  # noqa: F401  (registers the start-up checks)
        from .public_cache import connect_signals

        connect_signals()  # public pages render afresh when what they show changes
