from .core import EVERYONE, REPORTER, STAFF, Row

ROWS = [
    Row("intake:home", EVERYONE),
    Row("intake:report", EVERYONE),
    Row("intake:receipt", EVERYONE),
    # The slip file needs the code held for this browser; without it, it leads back to the receipt page.
    Row("intake:receipt-slip", EVERYONE),
    Row("intake:mailbox-sign-in", EVERYONE),
    Row("intake:lost-code", EVERYONE),
    # An unknown or used link explains itself to anyone (the token is the only key).
    Row("intake:new-code", EVERYONE, kwargs=lambda ctx: {"token": "not-a-real-token"}),
    Row("intake:willingness", EVERYONE, method="post"),
    Row("intake:mailbox", frozenset({REPORTER})),
    Row("intake:mailbox-sign-out", EVERYONE, method="post"),
    # The script's "keep my mailbox open": only an open mailbox is kept open (others get 403).
    Row("intake:mailbox-still-here", frozenset({REPORTER}), method="post"),
    Row("intake:mailbox-session-css", EVERYONE),  # the same timing rules for everyone, nothing personal
    # Meetings, minutes and consent: only the reporter whose mailbox is open, and only for their report.
    Row("intake:mailbox-meeting", frozenset({REPORTER}), method="post", data=lambda ctx: {"note": ""}),
    Row("intake:mailbox-addition", frozenset({REPORTER}), method="post", data=lambda ctx: {"addition": ""}),
    Row(
        "intake:mailbox-minutes-answer", frozenset({REPORTER}), method="post",
        kwargs=lambda ctx: {"minutes_id": ctx["cci_minutes"].pk}, data=lambda ctx: {"answer": "correct", "correction": ""},
    ),
    Row(
        "intake:mailbox-forwarding-consent", frozenset({REPORTER}), method="post",
        kwargs=lambda ctx: {"consent_id": ctx["cci_consent"].pk}, data=lambda ctx: {},
    ),
    Row(
        "intake:mailbox-disclosure-answer", frozenset({REPORTER}), method="post",
        kwargs=lambda ctx: {"disclosure_id": ctx["cci_disclosure"].pk}, data=lambda ctx: {},
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
    # A link that was never issued is refused for everyone (tests/security/test_staff_enrolment.py
    # walks a real one).
    Row("accounts:enrol", frozenset(), kwargs=lambda ctx: {"token": "not-an-issued-link"}),
    # A passkey at enrolment: only the session that opened a live link (test_staff_enrolment.py).
    Row("accounts:enrol-passkey-begin", frozenset(), method="post", kwargs=lambda ctx: {"token": "not-an-issued-link"}),
    Row("accounts:enrol-passkey-complete", frozenset(), method="post", kwargs=lambda ctx: {"token": "not-an-issued-link"}),
    Row("staff-home", STAFF),
    Row("health", EVERYONE),  # the load balancer asks without signing in; the answer says ok or not, nothing else
    Row("accounts:account", STAFF),
    # Passkeys (django-otp-webauthn's names): adding one needs a fully signed-in session; using one as
    # the second step needs the password first. Empty POSTs: the answer is a JSON error, not a refusal.
    Row("otp_webauthn:credential-registration-begin", STAFF, method="post"),
    Row("otp_webauthn:credential-registration-complete", STAFF, method="post"),
    Row("otp_webauthn:credential-authentication-begin", frozenset({"unverified", *STAFF}), method="post"),
    Row("otp_webauthn:credential-authentication-complete", frozenset({"unverified", *STAFF}), method="post"),
    Row("otp_webauthn:js-i18n-catalog", EVERYONE),
]
