from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meldpunt.content.services import translations_import


class Command(BaseCommand):
    help = (
        "Take back a translated PO or XLIFF file. Units translated from today's Dutch become current; units "
        "translated from an older Dutch text are refused as current (kept as outdated where nothing current is lost)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        if not file.exists():
            raise CommandError(f"No such file: {file}")
        try:
            result = translations_import(path=file)
        except ValueError as error:
            raise CommandError(str(error)) from error
        for key in result.outdated:
            self.stdout.write(self.style.WARNING(f"Translated from an older Dutch text, not current: {key}"))
        for key in result.unknown:
            self.stdout.write(self.style.WARNING(f"No such unit: {key}"))
        self.stdout.write(
            f"{result.language}: {result.applied} units current, {result.unchanged} unchanged, "
            f"{len(result.outdated)} outdated, {len(result.unknown)} unknown."
        )
