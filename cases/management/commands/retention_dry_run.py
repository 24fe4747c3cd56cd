"""List what the nightly retention purge would crypto-shred and delete now, and why. Changes nothing."""

from django.core.management.base import BaseCommand

from cases.retention import expired_records


class Command(BaseCommand):
    help = "List the records past their retention period (what the nightly purge would remove), and why."

    def handle(self, *args, **options):
        items = expired_records()
        if not items:
            self.stdout.write("Nothing has passed its retention period.")
            return
        for item in items:
            self.stdout.write(f"{item.kind:15} {item.label:24} {item.reason}")
        self.stdout.write(f"{len(items)} line(s); nothing was changed (dry run).")
