import json

from django.core.management.base import BaseCommand, CommandError

from meldpunt.health import health_report


class Command(BaseCommand):
    help = "The /health/ answer on the command line (for the worker and beat containers' health checks)."

    def handle(self, *args, **options):
        report = health_report()
        self.stdout.write(json.dumps(report))
        if report["status"] != "ok":
            raise CommandError("unhealthy")
