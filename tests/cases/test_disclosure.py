"""Identity disclosure on the record (EU 2019/1937 art. 16): to whom and why, consent or a legal duty,
the reporter told beforehand (or, under a legal duty, the notice withheld with reasons), and a
coordinator's approval who did not ask. Without all of them the identity stays sealed."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from cases import disclosure
from cases.services import ActionRefused
from meldpunt.accounts.models import Role
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import IdentityDisclosure, Report

from .conftest import reporter_client

pytestmark = pytest.mark.django_db

NAME, CONTACT = "Amina El Idrissi", "amina@example.org"


@pytest.fixture
def named_report(case_in, team):
    case = case_in(is_anonymous=False, reporter_name=NAME, reporter_contact=CONTACT, language="fr")
    case.handler = team["handler"]
    case.save(update_fields=["handler"])
    return Report.objects.get(case_link__case=case)


def _ask(report, actor, **changes):
    values = dict(
        recipient_kind="investigator", recipient="External investigation bureau, lead investigator",
        purpose="The investigator must hear the reporter as a witness.", basis="consent",
        notice="Nous souhaitons transmettre votre nom à l'enquêteur externe, qui doit vous entendre comme témoin.",
    )
    values.update(changes)
    return disclosure.disclosure_request(report=report, actor=actor, **values)


def test_with_consent_the_reporter_answers_in_the_mailbox_and_a_coordinator_who_did_not_ask_approves(
    named_report, team, client_for, django_capture_on_commit_callbacks,
):
    handler, coordinator = team["handler"], team["coordinator"]
    # The handler fills in the request on the report's page; bad input keeps what was typed.
    page = client_for(handler).post(reverse("cases:disclosures", kwargs={"report_id": named_report.pk}),
                                    {"recipient_kind": "investigator", "recipient": "Bureau X", "purpose": "", "basis": "consent"})
    assert page.status_code == 400 and "Bureau X" in page.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        item = _ask(named_report, handler)
    assert item.state == "requested" and item.consent == "pending"
    with pytest.raises(ActionRefused, match="earlier request"):  # one question at a time in the mailbox
        _ask(named_report, handler)
    assert [m.to for m in mail.outbox] == [[coordinator.email]]  # the coordinator, told without content
    assert "Bureau" not in mail.outbox[0].body and NAME not in mail.outbox[0].body

    # Until approved, nobody reads the identity through the request: not the handler, not the coordinator.
    for who in (handler, coordinator):
        with pytest.raises(ActionRefused):
            disclosure.disclosure_identity_read(report=named_report, disclosure=item, actor=who)
    # Approval waits for the reporter's consent.
    with pytest.raises(ActionRefused, match="not yet given consent"):
        disclosure.disclosure_decide(report=named_report, disclosure_id=item.pk, actor=coordinator, approve=True)

    # The reporter reads the notice and the question in the mailbox, in French, and consents.
    reporter = reporter_client(named_report)
    mailbox = reporter.get(reverse("intake:mailbox"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "enquêteur externe" in mailbox
    answer_url = reverse("intake:mailbox-disclosure-answer", kwargs={"disclosure_id": item.pk})
    assert answer_url in mailbox
    assert reporter.post(answer_url, {}).status_code == 400  # no choice: asked again
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert reporter.post(answer_url, {"answer": "yes"}).status_code == 302
    assert reporter.post(answer_url, {"answer": "no"}).status_code == 302  # the first answer stands
    item.refresh_from_db()
    assert item.consent == "given"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([coordinator.email, handler.email])

    # The handler may not approve; the coordinator (who did not ask) does.
    with pytest.raises(ActionRefused):
        disclosure.disclosure_decide(report=named_report, disclosure_id=item.pk, actor=handler, approve=True)
    detail = reverse("cases:disclosure-detail", kwargs={"report_id": named_report.pk, "disclosure_id": item.pk})
    coordinator_client = client_for(coordinator)
    assert NAME not in coordinator_client.get(detail).content.decode()
    assert coordinator_client.post(detail, {"action": "approve"}).status_code == 302
    item.refresh_from_db()
    assert item.state == "approved" and item.decided_by == coordinator
    shown = client_for(handler).post(detail, {"action": "identity"}).content.decode()
    assert NAME in shown and CONTACT in shown
    actions = list(AuditEvent.objects.filter(action__startswith="identity_disclosure.").values_list("action", flat=True))
    assert actions == ["identity_disclosure.requested", "identity_disclosure.consent_answered",
                       "identity_disclosure.approved", "identity_disclosure.identity_read"]


def test_a_refusal_keeps_the_identity_sealed(named_report, team):
    item = _ask(named_report, team["handler"])
    reporter_client(named_report).post(reverse("intake:mailbox-disclosure-answer", kwargs={"disclosure_id": item.pk}), {"answer": "no"})
    with pytest.raises(ActionRefused, match="refused consent"):
        disclosure.disclosure_decide(report=named_report, disclosure_id=item.pk, actor=team["coordinator"], approve=True)
    disclosure.disclosure_decide(report=named_report, disclosure_id=item.pk, actor=team["coordinator"], approve=False)
    with pytest.raises(ActionRefused):
        disclosure.disclosure_identity_read(report=named_report, disclosure=item, actor=team["coordinator"])


def test_a_legal_duty_needs_its_ground_and_a_notice_or_recorded_reasons_for_withholding_it(named_report, team, staff_factory, post):
    coordinator = team["coordinator"]
    with pytest.raises(ActionRefused) as refused:
        _ask(named_report, coordinator, basis="legal_duty", recipient_kind="police", notice="")
    assert len(refused.value.reasons) == 2  # no legal ground, no notice and no reasons for withholding it
    with pytest.raises(ActionRefused, match="cannot be withheld"):
        _ask(named_report, coordinator, notice="", withhold_reasons="It would warn the suspect.")
    item = _ask(named_report, coordinator, basis="legal_duty", recipient_kind="police", notice="",
                legal_ground="Art. 160 Sv: duty to report certain crimes.",
                withhold_reasons="Telling the reporter now would warn the suspect, who lives with them.")
    assert item.notice is None and item.notice_withheld and item.consent == "not_asked"
    # Withheld: the reporter's mailbox does not show it.
    assert str(item.pk) not in reporter_client(named_report).get(reverse("intake:mailbox")).content.decode()
    # Four eyes: the coordinator who asked cannot approve; another coordinator can.
    with pytest.raises(ActionRefused, match="yourself"):
        disclosure.disclosure_decide(report=named_report, disclosure_id=item.pk, actor=coordinator, approve=True)
    second = staff_factory(Role.CCI_COORDINATOR, "bart", post=post)
    disclosure.disclosure_decide(report=named_report, disclosure_id=item.pk, actor=second, approve=True)
    assert disclosure.disclosure_identity_read(report=named_report, disclosure=item, actor=second)["name"] == NAME
    # The database holds the rule too.
    with pytest.raises(IntegrityError), transaction.atomic():
        IdentityDisclosure.objects.filter(pk=item.pk).update(decided_by=coordinator)


def test_an_anonymous_report_has_no_identity_to_pass_on_and_other_desks_see_nothing(case_in, team, named_report):
    anonymous = Report.objects.get(case_link__case=case_in(is_anonymous=True))
    with pytest.raises(ActionRefused, match="anonymous"):
        _ask(anonymous, team["coordinator"])
    item = _ask(named_report, team["handler"])
    with pytest.raises(ActionRefused):
        disclosure.disclosure_decide(report=named_report, disclosure_id=item.pk, actor=team["external_coordinator"], approve=True)
    assert disclosure.disclosures_for(user=team["external_coordinator"], report=named_report) == []
