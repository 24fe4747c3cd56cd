import json

from django.core.management.base import BaseCommand

from meldpunt.audit.services import audit_head_signed


class Command(BaseCommand):
    help = (
        "Print the audit chain's head (newest event id and hash, signed with the audit key) as one JSON line. "
        "Keep these lines outside the database (e.g. append to a file on another system); "
        "`verify_audit --published FILE` then detects a trail cut back or rewritten since."
    )

    def add_arguments(self, parser):
        parser.add_argument("--append", metavar="FILE", help="Also append the line to FILE.")

    def handle(self, *args, append=None, **options):
        line = json.dumps(audit_head_signed(), sort_keys=True)
        if append:
            with open(append, "a", encoding="utf-8") as out:
                out.write(line + "\n")
        self.stdout.write(line)
