"""Destroy a report's data key: its text, mailbox, file names and files become unreadable for good."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from meldpunt.intake.models import Report
from meldpunt.vault.services import report_crypto_shred


class Command(BaseCommand):
    help = "Crypto-shred a report: destroy its data key and delete its sealed files. Cannot be undone."

    def add_arguments(self, parser):
        parser.add_argument("--report", required=True, help="The report's reference, e.g. M-2026-00042.")
        parser.add_argument("--reason", required=True, help="Why (kept in the audit trail).")
        parser.add_argument("--by", default="", help="User name of the staff member who decided it.")
        parser.add_argument("--no-input", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, **options):
        report = Report.objects.filter(reference=options["report"]).first()
        if report is None:
            raise CommandError(f"No report {options['report']!r}.")
        actor = None
        if options["by"]:
            actor = get_user_model().objects.filter(username=options["by"]).first()
            if actor is None:
                raise CommandError(f"No user {options['by']!r}.")
        if not options["no_input"]:
            answer = input(f"Destroy report {report.reference} for good? Type its reference to confirm: ")
            if answer.strip() != report.reference:
                raise CommandError("Not confirmed; nothing was changed.")
        result = report_crypto_shred(report=report, actor=actor, reason=options["reason"])
        if result.already:
            self.stdout.write(f"Report {report.reference} was already shredded.")
        else:
            self.stdout.write(self.style.SUCCESS(
                f"Report {report.reference} shredded: data key destroyed, {result.files} sealed file(s) deleted."
            ))
