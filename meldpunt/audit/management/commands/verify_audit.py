import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_verify


def read_published(path: str) -> list[dict]:
    """Published heads: JSON lines from export_audit_head, or the log lines of the daily publication."""
    heads = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        start = line.find("{")
        if start >= 0:
            try:
                heads.append(json.loads(line[start:]))
            except json.JSONDecodeError as exc:
                raise CommandError(f"{path}: not a published head: {line[:80]}") from exc
    return heads


class Command(BaseCommand):
    help = (
        "Check the audit trail's keyed hash chain: report every altered, removed or inserted event, a removed "
        "or moved head, and (with --published) every published head the trail no longer contains."
    )

    def add_arguments(self, parser):
        parser.add_argument("--published", metavar="FILE", help="Heads exported earlier (export_audit_head, or the log).")

    def handle(self, *args, published=None, **options):
        problems = audit_verify(published=read_published(published) if published else None)
        for line in problems:
            self.stderr.write(line)
        if problems:
            raise CommandError(f"Audit trail damaged: {len(problems)} problem(s).")
        self.stdout.write(f"Audit trail intact: {AuditEvent.objects.count()} events, chain unbroken.")
