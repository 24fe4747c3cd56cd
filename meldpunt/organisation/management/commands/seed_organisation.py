from django.core.management.base import BaseCommand

from meldpunt.organisation.services import organisation_seed


class Command(BaseCommand):
    help = "Create the ministry's regions, posts and directorates if missing (also run by every migrate)."

    def handle(self, *args, **options):
        result = organisation_seed()
        self.stdout.write(
            f"Regions created: {result.regions_created}, posts created: {result.posts_created}, "
            f"names filled: {result.names_filled}"
        )
