from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _load_after_migrate(sender, using, verbosity=1, **kwargs):
    """Every `migrate` (and so every fresh install and deploy) loads the shipped content files; units an
    administrator edited are kept and reported (run `manage.py load_content` to see them)."""
    if using != "default":
        return
    from .services import content_load

    result = content_load()
    if verbosity and (result.created or result.updated or result.conflicts):
        print(f"  Content loaded: {result.summary()}")


class ContentConfig(AppConfig):
    name = "meldpunt.content"
    label = "content"
    verbose_name = "Ministry content"

    def ready(self):
        post_migrate.connect(_load_after_migrate, sender=self, dispatch_uid="content-load")
