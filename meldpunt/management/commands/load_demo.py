from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import autodiscover_modules


class Command(BaseCommand):
    help = "Load the demo data of every app (each app's demo.load). Safe to run again. Only with DEBUG on."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            # The demo accounts have a public password and authenticator keys computable from the source.
            raise CommandError("The demo data is for a developer's machine only: refused without DEBUG=1.")
        from django.apps import apps

        autodiscover_modules("demo")
        for config in apps.get_app_configs():
            module = getattr(config.module, "demo", None)
            if module is not None and hasattr(module, "load"):
                self.stdout.write(f"Demo data: {config.label}")
                module.load(self.stdout)
