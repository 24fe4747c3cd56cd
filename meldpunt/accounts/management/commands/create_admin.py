from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from meldpunt.accounts import services


class Command(BaseCommand):
    help = (
        "Create the first administrator and print a one-time enrolment link (choose a password, bind an "
        "authenticator app). Refused once an active administrator exists: further staff are invited with "
        "invite_staff or from the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", required=True)

    def handle(self, *args, username, email, **options):
        try:
            user, url = services.first_admin_create(username=username, email=email)
        except services.InvitationError as exc:
            raise CommandError(str(exc)) from exc
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        expires = user.invitations.get(used_at=None, revoked_at=None).expires_at
        self.stdout.write(f"Administrator {user.get_username()} created. One-time enrolment link (valid until {expires:%Y-%m-%d %H:%M %Z}):")
        self.stdout.write(url)
