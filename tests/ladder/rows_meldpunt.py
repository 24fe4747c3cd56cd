from .core import EVERYONE, REPORTER, STAFF, Row

ROWS = [
    Row("intake:home", EVERYONE),
    Row("intake:report", EVERYONE),
    Row("intake:receipt", EVERYONE),
    Row("intake:mailbox-sign-in", EVERYONE),
    Row("intake:willingness", EVERYONE, method="post"),
    Row("intake:mailbox", frozenset({REPORTER})),
    Row("intake:mailbox-sign-out", EVERYONE, method="post"),
    # Meetings, minutes and consent: only the reporter whose mailbox is open, and only for their report.
    Row("intake:mailbox-meeting", frozenset({REPORTER}), method="post", data=lambda ctx: {"note": ""}),
    Row(
        "intake:mailbox-minutes-answer", frozenset({REPORTER}), method="post",
        kwargs=lambda ctx: {"minutes_id": ctx["cci_minutes"].pk}, data=lambda ctx: {"answer": "correct", "correction": ""},
    ),
    Row(
        "intake:mailbox-forwarding-consent", frozenset({REPORTER}), method="post",
        kwargs=lambda ctx: {"consent_id": ctx["cci_consent"].pk}, data=lambda ctx: {},
    ),
    Row(
        "intake:mailbox-aftercare-answer", frozenset({REPORTER}), method="post",
        kwargs=lambda ctx: {"checkin_id": ctx["cci_aftercare"].pk}, data=lambda ctx: {},
    ),
    Row("set_language", EVERYONE, method="post", data=lambda ctx: {"language": "fr"}),
    Row("accounts:login", EVERYONE),
    Row("accounts:logout", EVERYONE, method="post", ends_at_sign_in=True),
    # The second-factor page is for anyone who gave a password; verified users pass straight on.
    Row("accounts:second-factor", frozenset({"unverified", *STAFF})),
    Row("staff-home", STAFF),
]
