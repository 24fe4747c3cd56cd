from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from meldpunt.accounts.models import SealedTOTPDevice


class Command(BaseCommand):
    help = "Print the current six-digit code of a demo account's authenticator (demo and testing only)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("Only for the demo (DEBUG on).")
        device = SealedTOTPDevice.objects.select_related("sealed_seed").filter(user__username=username, name="demo authenticator").first()
        if device is None:
            raise CommandError(f"{username} has no demo authenticator.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():06d}")
