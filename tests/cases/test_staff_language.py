"""Staff read their emails and staff pages in their own staff language, Dutch or English, chosen on
their account page: a locally hired manager at a post is no longer reminded in Dutch."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cases.reminders import reminders_scan
from meldpunt import notifications
from meldpunt.accounts.models import Role
from meldpunt.accounts.selectors import staff_language
from meldpunt.audit.models import AuditEvent
from meldpunt.channels.models import ManagerDraft

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
STAFF_MAILS = sorted(
    path.name.removesuffix("_subject.txt")
    for folder in ("templates", "cases/templates", "vertrouwenspersonen/templates", "meldpunt/vault/templates")
    for path in (ROOT / folder / "notifications").glob("*_subject.txt")
    if not path.name.startswith("reporter_")
)
CONTEXT = {
    "count": 2, "what": "message", "hours": 72, "unassigned": 1,
    "drafts": [{"manager": "Els", "post": "Rabat", "started": "1 December 2026"}],
}


def rendered(template: str, language: str) -> tuple[str, str]:
    context = {"link": "/staff/x/", "site_url": settings.SITE_URL, **CONTEXT}
    with translation.override(language):
        subject = render_to_string(f"notifications/{template}_subject.txt", context).strip()
        body = render_to_string(f"notifications/{template}_body.txt", context).lstrip()
    return subject, body


def test_every_kind_of_staff_mail_is_checked():
    assert len(STAFF_MAILS) >= 16
    assert {"manager_draft_reminder", "weekly_digest", "staff_enrolment", "case_assigned"} <= set(STAFF_MAILS)


@pytest.mark.parametrize("template", STAFF_MAILS)
@pytest.mark.parametrize("preference", ["en", "nl"])
def test_every_staff_mail_is_in_the_recipients_staff_language(template, preference, staff_factory):
    reader = staff_factory(Role.CCI_HANDLER)
    reader.preferred_language = preference
    reader.save()
    mail.outbox.clear()
    # The caller does not know the reader's language: whatever it passes, staff read their own.
    assert notifications.deliver(recipient=reader.email, template=template, language="nl", link="/staff/x/", context=CONTEXT)
    sent = mail.outbox[-1]
    assert (sent.subject, sent.body) == rendered(template, preference)
    assert rendered(template, "en") != rendered(template, "nl"), f"{template} is not translated into Dutch"


def test_staff_language_is_dutch_or_english():
    class Someone:
        preferred_language = ""

    someone = Someone()
    assert staff_language(someone) == "nl" and staff_language(None) == "nl"
    someone.preferred_language = "en"
    assert staff_language(someone) == "en"
    someone.preferred_language = "fr"  # a preference from before: English reads sooner than Dutch
    assert staff_language(someone) == "en"


def test_a_manager_at_a_post_chooses_english_and_is_reminded_in_english(clock, no_digest, team, staff_factory, client_for, post):
    manager = staff_factory(Role.MANAGER, "amal", post=post)
    assert staff_language(manager) == "nl"
    page = client_for(manager).get(reverse("accounts:account")).content.decode()
    assert 'name="language"' in page and "English" in page and 'action="/staff/account/"' in page

    response = client_for(manager).post(reverse("accounts:account"), {"language": "en"})
    assert response.status_code == 302 and response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    manager.refresh_from_db()
    assert manager.preferred_language == "en"
    assert AuditEvent.objects.filter(action="account.staff_language_set", actor=manager).exists()

    team["handler"].preferred_language = "en"
    team["handler"].save()
    draft = ManagerDraft(manager=manager, post=post, created_at=timezone.now(), updated_at=timezone.now())
    draft.seal("narrative", "Draft text.")
    draft.save()
    mail.outbox.clear()
    clock.shift(timedelta(hours=25))
    reminders_scan()
    [reminder] = mail.outbox
    assert reminder.to == [manager.email]
    assert reminder.subject == rendered("manager_draft_reminder", "en")[0]

    # Three days on, the CCI is alerted: each reader in their own language, the post named in it too.
    mail.outbox.clear()
    clock.shift(timedelta(hours=48))
    reminders_scan()
    alerts = {m.to[0]: m for m in mail.outbox}
    assert alerts[team["handler"].email].subject == rendered("manager_draft_alert", "en")[0]
    assert alerts[team["coordinator"].email].subject == rendered("manager_draft_alert", "nl")[0]
    with translation.override("en"):
        assert str(post) in alerts[team["handler"].email].body
    with translation.override("nl"):
        assert str(post) in alerts[team["coordinator"].email].body


def test_a_language_that_is_not_a_staff_language_is_refused_and_nothing_changes(staff_factory, client_for):
    handler = staff_factory(Role.CCI_HANDLER)
    client = client_for(handler)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(reverse("accounts:account"), {"language": "fr"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    handler.refresh_from_db()
    assert handler.preferred_language == "nl"


def test_someone_without_a_staff_account_reads_the_language_they_wrote_in(staff_factory, client_for, django_capture_on_commit_callbacks):
    # An asker who wrote to the advice point in French and left an address is told of the answer in
    # French: only a staff account's own choice overrides the language the caller passes.
    from meldpunt.advice import services as advice

    question = advice.advice_question_ask(
        question="Un collègue fait des remarques sur mes origines.", contact="asker@example.org", language="fr", submission_token="fr-1",
    ).question
    cci = staff_factory(Role.CCI_HANDLER)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(cci).post(reverse("cases:advice-question", args=[question.pk]), {"body": "Merci, nous regardons."})
    [told] = mail.outbox
    assert told.to == ["asker@example.org"]
    assert told.subject == rendered("reporter_nudge", "fr")[0] != rendered("reporter_nudge", "nl")[0]


def test_a_shared_address_is_written_to_in_the_language_of_the_staff_member_who_holds_it_now(staff_factory):
    # A post's integrity mailbox passes from a manager who has left (and read English) to a new one who
    # reads Dutch: the departed account no longer decides the language of what the post is sent.
    departed = staff_factory(Role.MANAGER, "left-rabat")
    departed.email, departed.preferred_language, departed.is_active = "integrity.rabat@example.org", "en", False
    departed.save()
    current = staff_factory(Role.MANAGER, "now-rabat")
    current.email = "Integrity.Rabat@example.org"
    current.save()
    mail.outbox.clear()
    assert notifications.deliver(recipient="integrity.rabat@example.org", template="manager_draft_reminder", language="en", link="/staff/x/", context=CONTEXT)
    assert mail.outbox[-1].subject == rendered("manager_draft_reminder", "nl")[0]

    current.is_active = False  # once no one active holds it, the caller's language is used
    current.save()
    assert notifications.deliver(recipient="integrity.rabat@example.org", template="manager_draft_reminder", language="en", link="/staff/x/", context=CONTEXT)
    assert mail.outbox[-1].subject == rendered("manager_draft_reminder", "en")[0]
