"""The permission ladder's vocabulary. Each app lists a Row for every URL name it serves."""

from collections.abc import Callable
from dataclasses import dataclass, field

from meldpunt.accounts.models import Role

ANONYMOUS = "anonymous"
UNVERIFIED = "unverified"  # a CCI handler who gave the password but not the second factor
REPORTER = "reporter"  # an anonymous visitor whose mailbox is open
ASKER = "asker"  # an anonymous visitor whose advice question's mailbox is open (meldpunt/advice)
ROLES = [r.value for r in Role]
# Desk staff in a particular relation to the ladder's cases (set up in rows_cases.extend_context):
EXCLUDED_HANDLER = "excluded_handler"  # a CCI handler excluded from the CCI case (named in its report)
DESK_COLLEAGUE = "desk_colleague"  # a CCI handler of the same desk, the CCI case assigned to someone else
OTHER_DESK_HANDLER = "other_desk_handler"  # the external desk handler who handles the external case
# Translators in a particular relation to the ladder's translations (set up in rows_translating.extend_context):
ENDED_TRANSLATOR = "ended_translator"
EXTERNAL_TRANSLATOR = "external_translator"
EXTRA_DESK_STAFF = [EXCLUDED_HANDLER, DESK_COLLEAGUE, OTHER_DESK_HANDLER]
EXTRA_STAFF = [*EXTRA_DESK_STAFF, ENDED_TRANSLATOR, EXTERNAL_TRANSLATOR]
AUDIENCES = [ANONYMOUS, UNVERIFIED, REPORTER, ASKER, *ROLES, *EXTRA_STAFF]
EVERYONE = frozenset(AUDIENCES)
STAFF = frozenset(ROLES) | frozenset(EXTRA_STAFF)
DESK_CCI = frozenset({Role.CCI_HANDLER, Role.CCI_COORDINATOR})
DESK_EXTERNAL = frozenset({Role.EXTERNAL_HANDLER, Role.EXTERNAL_COORDINATOR})
DESK_COMPLAINTS = frozenset({Role.COMPLAINTS_SECRETARY, Role.COMPLAINTS_CHAIR})


@dataclass(frozen=True)
class Row:
    """Who may open `name` (a namespaced URL name); everyone else must be refused or sent to sign in."""

    name: str
    allowed: frozenset
    kwargs: Callable[[dict], dict] = field(default=lambda ctx: {})
    method: str = "get"
    data: Callable[[dict], dict] = field(default=lambda ctx: {})
    # True where being sent to a sign-in page is the page's own answer (signing out).
    ends_at_sign_in: bool = False
    # A second row for the same URL name with other objects (another manager's draft, another
    # desk's report) says what it checks here; the plain row for a name has none.
    variant: str = ""

    @property
    def key(self) -> str:
        return f"{self.name} [{self.variant}]" if self.variant else self.name
