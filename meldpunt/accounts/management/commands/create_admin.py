from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from meldpunt.accounts import services
from meldpunt.accounts.management.commands.invite_staff import command_error, print_link


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
        except (services.InvitationError, ValidationError) as exc:
            raise CommandError(command_error(exc)) from exc
        print_link(self.stdout, f"Administrator {user.get_username()} created", user, url)
