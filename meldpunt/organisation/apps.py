from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate


def _seed_after_migrate(sender, using, verbosity=1, **kwargs):
    """A fresh install is ready for reports: `migrate` seeds the posts (organisation/seed.py)."""
    if not getattr(settings, "ORGANISATION_SEED_ON_MIGRATE", True) or using != "default":
        return
    from .services import organisation_seed

    result = organisation_seed()
    if verbosity and (result.regions_created or result.posts_created or result.names_filled):
        print(f"  Posts seeded: {result.posts_created} posts, {result.regions_created} regions created, "
              f"{result.names_filled} names filled.")


class OrganisationConfig(AppConfig):
    name = "meldpunt.organisation"
    label = "organisation"
    verbose_name = "Posts and directorates"

    def ready(self):
        post_migrate.connect(_seed_after_migrate, sender=self, dispatch_uid="organisation-seed")
