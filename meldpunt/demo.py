"""Demo data for `make run`: one staff account per role (the posts are the real ones, seeded by migrate).

Loaded by `manage.py load_demo`, which calls `load(stdout)` in every app's demo module. Safe to run
again: everything is looked up by its code or user name first.
"""

import hashlib
from datetime import date

from django.db import transaction

from meldpunt.accounts.models import Role, SealedTOTPDevice, TranslatorProfile, User
from meldpunt.accounts.services import totp_device_create, totp_seed_set
from meldpunt.organisation.models import Post
from meldpunt.organisation.services import organisation_seed

DEMO_PASSWORD = "demo-meldpunt-2026"

# user name, role, post code, first name, last name
STAFF = [
    ("cci", Role.CCI_HANDLER, "dbo", "Sanne", "de Vries"),
    ("cci2", Role.CCI_HANDLER, "dbo", "Youssef", "El Amrani"),
    ("cci-coordinator", Role.CCI_COORDINATOR, "dbo", "Marieke", "Jansen"),
    ("external", Role.EXTERNAL_HANDLER, None, "Peter", "Bakker"),
    ("external-coordinator", Role.EXTERNAL_COORDINATOR, None, "Anouk", "Visser"),
    ("complaints", Role.COMPLAINTS_SECRETARY, "dbo", "Lotte", "Hendriks"),
    ("complaints-chair", Role.COMPLAINTS_CHAIR, None, "Hans", "Verbeek"),
    ("manager", Role.MANAGER, "rabat", "Karim", "Bennani"),
    ("manager2", Role.MANAGER, "beijing", "Li", "Wei"),
    ("counsellor", Role.COUNSELLOR, "cairo", "Amira", "Haddad"),
    ("counsellor-coordinator", Role.COUNSELLOR_COORDINATOR, "dbo", "Joost", "Smit"),
    ("admin", Role.ADMINISTRATOR, "dbo", "Eva", "Mulder"),
    ("translator", Role.TRANSLATOR, None, "Amal", "Saleh"),
]


def demo_totp_key(username: str) -> str:
    """A fixed TOTP key per demo account, so the demo's second factor can be typed from the README.

    Public on purpose (not a security use): load_demo only runs with DEBUG on, and only on demo accounts.
    """
    return hashlib.sha1(f"meldpunt-demo-totp:{username}".encode(), usedforsecurity=False).hexdigest()


def demo_email(username: str) -> str:
    return f"{username}@meldpunt.example"


@transaction.atomic
def load(stdout) -> None:
    organisation_seed()  # the real posts, as `migrate` seeds them (organisation/seed.py)
    for username, role, post_code, first, last in STAFF:
        user = User.objects.filter(username=username).first()
        if user is not None and user.email != demo_email(username):
            # Someone's own account that happens to share a demo name: never touch its role, password or
            # second factor (a public authenticator key would let anyone sign in as them).
            stdout.write(f"  skipped {username}: an existing account that is not a demo account")
            continue
        if user is None:
            user = User(username=username, role=role)
            user.set_password(DEMO_PASSWORD)
        user.role = role
        user.first_name, user.last_name = first, last
        user.email = demo_email(username)
        user.post = Post.objects.filter(code=post_code).first() if post_code else None
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.full_clean()
        user.save()
        device = SealedTOTPDevice.objects.filter(user=user, name="demo authenticator").first()
        if device is None:
            totp_device_create(user=user, name="demo authenticator", confirmed=True, key=demo_totp_key(username))
        else:
            totp_seed_set(device=device, key=demo_totp_key(username))
            SealedTOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        if role == Role.TRANSLATOR:  # a sworn translator who signed the confidentiality statement
            TranslatorProfile.objects.update_or_create(user=user, defaults={
                "kind": TranslatorProfile.Kind.SWORN_EXTERNAL, "languages": "ar,fr,nl,en",
                "statement_signed_on": date(2026, 11, 2), "statement_version": "2026-1",
            })
    stdout.write(f"  posts: {Post.objects.count()}, staff accounts: {len(STAFF)}")
