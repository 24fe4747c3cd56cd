from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from meldpunt.accounts import services
from meldpunt.accounts.models import Role, User
from meldpunt.organisation.models import Post


class Command(BaseCommand):
    help = (
        "Invite a staff member: create the account (no password yet) and print a one-time enrolment link. "
        "For an existing account, --reset prints a new link that replaces its password and second factor."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", help="Required for a new account.")
        parser.add_argument("--role", choices=[r.value for r in Role], help="Required for a new account.")
        parser.add_argument("--post", help="Code of the post or directorate (optional).")
        parser.add_argument("--reset", action="store_true", help="A new enrolment link for an existing account.")

    def handle(self, *args, username, email, role, post, reset, **options):
        try:
            if reset:
                user = User.objects.filter(username=username).first()
                if user is None:
                    raise CommandError(f"No account {username!r}.")
                url = services.invitation_issue(user=user, actor=None)
            else:
                if not email or not role:
                    raise CommandError("--email and --role are required for a new account.")
                post_obj = None
                if post:
                    post_obj = Post.objects.filter(code=post).first()
                    if post_obj is None:
                        raise CommandError(f"No post with code {post!r}.")
                user, url = services.staff_invite(username=username, email=email, role=role, actor=None, post=post_obj)
        except (services.InvitationError, ValidationError) as exc:
            raise CommandError(command_error(exc)) from exc
        print_link(self.stdout, f"{user.get_username()} ({user.get_role_display()})", user, url)


def command_error(exc: Exception) -> str:
    return "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)


def print_link(stdout, who: str, user, url: str) -> None:
    expires = user.invitations.get(used_at=None, revoked_at=None).expires_at
    stdout.write(f"{who}: one-time enrolment link, valid until {expires:%Y-%m-%d %H:%M %Z}:")
    stdout.write(url)
