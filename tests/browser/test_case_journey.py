"""In a real browser: one report from receipt to closure at the CCI, while its reporter follows it in
the mailbox (in French). Selectors use form actions and field names, not words, so the test holds in
any language."""

import pytest
from django.core import mail
from django.utils import timezone, translation

from cases.models import Case, CaseState
from meldpunt.audit.services import audit_verify
from meldpunt.intake.models import Minutes, PublicStatus, Report
from tests.cases.conftest import restore_migrated_data
from tests.conftest import make_staff

from .conftest import file_report, staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def migrated_data(transactional_db):
    restore_migrated_data()

NARRATIVE = "Mon chef de poste fait des remarques racistes sur les employés recrutés localement."
MINUTES = "Entretien par visioconférence. La personne décrit trois réunions où les remarques ont été faites."
FEEDBACK = "Nous avons entendu le chef de poste; une mesure disciplinaire a été prise."


def label(choice) -> str:
    with translation.override("fr"):
        return str(choice.label)


def status_of(reporter) -> str:
    reporter.goto("/mailbox/")
    return reporter.inner_text("dl.facts .status").strip()


def submit(page, form="main form"):
    page.click(f"{form} button[type=submit]")


def test_one_report_from_receipt_to_closure(new_page, post, category):
    coordinator_user = make_staff("cci_coordinator", username="marieke", post=post)
    handler_user = make_staff("cci_handler", username="sanne", post=post)

    # The reporter files in French and opens the mailbox with the receipt code.
    reporter = new_page(locale="fr")
    reporter.goto("/report/")
    file_report(reporter, category, post, NARRATIVE)
    code = reporter.inner_text("#receipt-code")
    report = Report.objects.get()
    reporter.goto("/mailbox/sign-in/")
    reporter.fill("input[name=code]", code)
    reporter.click("main button[type=submit]")
    assert status_of(reporter) == label(PublicStatus.RECEIVED)

    # The coordinator acknowledges with the standard text, prefilled in French and signed.
    coordinator = new_page(locale="nl")
    staff_sign_in(coordinator, coordinator_user)
    coordinator.click(f"main a:text('{report.reference}')")
    coordinator.click("a[href$='/message/acknowledgement/']")
    text = coordinator.input_value("textarea[name=body]")
    assert text.startswith("Merci pour votre signalement")
    coordinator.fill("textarea[name=body]", text + "\n\nMarieke, CCI")
    submit(coordinator)
    assert status_of(reporter) == label(PublicStatus.ACKNOWLEDGED)
    assert "Marieke, CCI" in reporter.inner_text("main")

    # A case is opened and assigned to a handler.
    submit(coordinator, "form[action$='/case/']")
    case = Case.objects.get()
    assert f"/staff/desk/cases/{case.pk}/" in coordinator.url
    coordinator.select_option("form[action$='/assign/'] select[name=handler]", str(handler_user.pk))
    submit(coordinator, "form[action$='/assign/']")
    assert Case.objects.get().handler == handler_user

    # The handler finds it in the worklist, starts triage and records the assessment.
    handler = new_page(locale="nl")
    staff_sign_in(handler, handler_user)
    handler.goto("/staff/desk/worklist/")
    handler.click(f"main a:text('{case.reference}')")
    handler.click("a[href$='/step/start_triage/']")
    submit(handler)
    assert status_of(reporter) == label(PublicStatus.ASSESSING)
    handler.click("a[href$='/assessment/']")
    handler.select_option("select[name=seriousness]", "serious")
    handler.select_option("select[name=retaliation_risk]", "high")
    handler.select_option("select[name=urgency]", "urgent")
    handler.fill("textarea[name=considerations]", "The reporter depends on the head of post; act quickly and protect them.")
    submit(handler)
    handler.click("a[href$='/step/choose_instrument/']")
    handler.select_option("select[name=instrument]", "conversation")
    submit(handler)
    assert status_of(reporter) == label(PublicStatus.ADDRESSING)

    # The reporter asks for a meeting; the handler records the minutes; the reporter accepts them.
    reporter.fill("textarea[name=note]", "Par visioconférence, le matin.")
    submit(reporter, "form[action$='/mailbox/meeting/']")
    handler.goto(f"/staff/desk/reports/{report.pk}/")
    assert "Par visioconférence, le matin." in handler.inner_text("main")
    handler.click("a[href*='/minutes/?meeting=']")
    handler.fill("textarea[name=body]", MINUTES)
    submit(handler)
    reporter.goto("/mailbox/")
    assert MINUTES in reporter.inner_text("main")
    submit(reporter, "form:has(input[name=answer][value=accept])")
    assert Minutes.objects.get().answer == Minutes.Answer.ACCEPTED
    assert label(Minutes.Answer.ACCEPTED) in reporter.inner_text("#meetings ~ article")

    # The decision, the feedback, and closure.
    handler.goto(f"/staff/desk/cases/{case.pk}/")
    # The person concerned, with the finding and the measure; the conversation's record.
    handler.click("a[href$='/persons/']")
    handler.fill("input[name=role]", "Chef de poste")
    handler.select_option("select[name=finding]", "established")
    handler.fill("input[name=finding_on]", str(timezone.localdate()))
    submit(handler, "form[action$='/persons/']")
    handler.select_option("select[name=measure]", "reprimand")
    handler.fill("input[name=taken_on]", str(timezone.localdate()))
    submit(handler, "form:has(input[name=action][value=add_measure])")
    handler.goto(f"/staff/desk/cases/{case.pk}/instrument/")
    for kind, text in (("with_whom", "The head of post."), ("follow_up", "A second conversation in three months.")):
        handler.select_option("select[name=kind]", kind)
        handler.fill("textarea[name=text]", text)
        submit(handler, "form[action$='/instrument/']")
    handler.goto(f"/staff/desk/cases/{case.pk}/")
    handler.click("a[href$='/step/decide/']")
    handler.fill("textarea[name=decision_reasons]", "Confirmed by two witnesses and the minutes.")
    # The decision goes with its message to the reporter: the feedback text, prefilled in French.
    handler.fill("textarea[name=reporter_message]", handler.input_value("textarea[name=reporter_message]").replace("[...]", FEEDBACK))
    submit(handler)
    assert status_of(reporter) == label(PublicStatus.DECIDED)
    handler.goto(f"/staff/desk/cases/{case.pk}/")
    handler.click("a[href$='/step/close/']")
    assert handler.input_value("textarea[name=reporter_message]")  # the closure message, prefilled
    handler.fill("textarea[name=reason]", "Measure taken, feedback given.")
    submit(handler)
    assert Case.objects.get().state == CaseState.CLOSED
    assert status_of(reporter) == label(PublicStatus.CLOSED)
    assert FEEDBACK in reporter.inner_text("main")

    # The record: every step in the history, the audit chain whole, and no report text in any email.
    assert [c.to_state for c in Case.objects.get().history.order_by("at")] == [
        "received", "triage", "addressing", "decided", "closed",
    ]
    assert audit_verify() == []
    for message in mail.outbox:
        assert NARRATIVE not in message.body and MINUTES not in message.body


def test_the_mailbox_with_meetings_has_no_serious_accessibility_violations(new_page, post, category, report_factory):
    from axe_playwright_python.sync_playwright import Axe

    from cases import services

    handler = make_staff("cci_handler", username="sanne", post=post)
    filed = report_factory(language="ar")
    services.meeting_minutes_record(report=filed.report, actor=handler, held_on=filed.report.received_at.date(), body="محضر اللقاء.")
    reporter = new_page(locale="ar")
    reporter.goto("/mailbox/sign-in/")
    reporter.fill("input[name=code]", filed.receipt_code)
    reporter.click("main button[type=submit]")
    results = Axe().run(reporter)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious
