from django.core.management.base import BaseCommand
from django.utils.module_loading import autodiscover_modules


class Command(BaseCommand):
    help = "Load the demo data of every app (each app's demo.load). Safe to run again."

    def handle(self, *args, **options):
        from django.apps import apps

        autodiscover_modules("demo")
        for config in apps.get_app_configs():
            module = getattr(config.module, "demo", None)
            if module is not None and hasattr(module, "load"):
                self.stdout.write(f"Demo data: {config.label}")
                module.load(self.stdout)
