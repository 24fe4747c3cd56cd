from django.core.management.base import BaseCommand, CommandError

from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_verify


class Command(BaseCommand):
    help = "Check the audit trail's hash chain: report every altered, removed or inserted event."

    def handle(self, *args, **options):
        problems = audit_verify()
        for line in problems:
            self.stderr.write(line)
        if problems:
            raise CommandError(f"Audit trail damaged: {len(problems)} problem(s).")
        self.stdout.write(f"Audit trail intact: {AuditEvent.objects.count()} events, chain unbroken.")
