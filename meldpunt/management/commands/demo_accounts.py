import base64

from django.conf import settings
from django.core.management.base import BaseCommand

from meldpunt.demo import DEMO_PASSWORD, STAFF, demo_totp_key


class Command(BaseCommand):
    help = "Print the demo staff accounts and how to pass their second factor."

    def handle(self, *args, **options):
        out = self.stdout.write
        out("")
        out(f"Demo staff accounts (password for all: {DEMO_PASSWORD}), sign in at {settings.SITE_URL}/staff/login/")
        out("Second factor: add the key to any authenticator app, or print the current code with")
        out("  DEBUG=1 .venv/bin/python manage.py totp_code <user name>")
        out("")
        out(f"  {'user name':<24}{'role':<32}TOTP key (base32)")
        for username, role, *_ in STAFF:
            key = base64.b32encode(bytes.fromhex(demo_totp_key(username))).decode()
            out(f"  {username:<24}{role.label:<32}{key}")
        out("")
        out(f"Reporters need no account: open {settings.SITE_URL}/ and make a report.")
        out("")
