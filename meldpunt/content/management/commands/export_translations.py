from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meldpunt.content.services import content_languages, translations_export


class Command(BaseCommand):
    help = "Write every content unit for one language as PO or XLIFF: Dutch source, English note, current text."

    def add_arguments(self, parser):
        parser.add_argument("language")
        parser.add_argument("--format", choices=["po", "xliff"], default="po")
        parser.add_argument("--output", type=Path, help="File to write (default: standard output).")

    def handle(self, *args, language, format, output, **options):
        if language not in content_languages():
            raise CommandError(f"{language!r} is not a language of the portal: {', '.join(content_languages())}.")
        text = translations_export(language=language, fmt=format)
        if output:
            output.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {output}.")
        else:
            self.stdout.write(text, ending="")
