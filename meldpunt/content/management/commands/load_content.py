from pathlib import Path

from django.core.management.base import BaseCommand

from meldpunt.content.services import content_load


class Command(BaseCommand):
    help = (
        "Load the shipped ministry content (content/<language>.po) into content units. Safe to run again: "
        "units edited here are kept and listed as conflicts unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Replace units edited here with the shipped text.")
        parser.add_argument("--directory", type=Path, help="Another folder of content files (default: content/).")

    def handle(self, *args, force, directory, **options):
        result = content_load(directory=directory, force=force)
        for conflict in result.conflicts:
            self.stdout.write(self.style.WARNING(f"Kept, edited here: {conflict}"))
        for name in result.missing_files:
            self.stdout.write(f"No content file for this language yet: {name}")
        self.stdout.write(f"Content: {result.summary()}.")
