from .core import EVERYONE, REPORTER, ROLES, Row

ROWS = [
    Row("intake:home", EVERYONE),
    Row("intake:report", EVERYONE),
    Row("intake:receipt", EVERYONE),
    Row("intake:mailbox-sign-in", EVERYONE),
    Row("intake:mailbox", frozenset({REPORTER})),
    Row("intake:mailbox-sign-out", EVERYONE, method="post"),
    Row("set_language", EVERYONE, method="post", data=lambda ctx: {"language": "fr"}),
    Row("accounts:login", EVERYONE),
    Row("accounts:logout", EVERYONE, method="post", ends_at_sign_in=True),
    # The second-factor page is for anyone who gave a password; verified users pass straight on.
    Row("accounts:second-factor", frozenset({"unverified", *ROLES})),
    Row("staff-home", frozenset(ROLES)),
]
