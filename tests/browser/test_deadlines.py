"""In a real browser: a reporter answers an aftercare check-in in Arabic and signals retaliation; the
coordinator sees the concern on the deadlines overview and suspends a report's deadlines. Selectors
use form actions and field names, not words."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases import services
from cases.aftercare import aftercare_scan
from cases.models import DeadlineChange, RetaliationConcern
from meldpunt.intake.models import AftercareCheckIn
from tests.cases.conftest import (
    give_feedback,
    person_with_outcome,
    record_instrument,
    restore_migrated_data,
    step_inputs,
)
from tests.conftest import file_report, make_staff

from .conftest import staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def migrated_data(transactional_db):
    restore_migrated_data()


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    return [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]


def close_case(report, coordinator, category):
    case = services.case_open(report=report, actor=coordinator)
    services.case_assess(case=case, actor=coordinator, category=category, seriousness="serious", retaliation_risk="medium",
                         urgency="normal", considerations="Considerations.")
    for step in ("start_triage", "choose_instrument", "decide"):
        if step == "decide":  # the person concerned and the instrument's record come first
            person_with_outcome(case, coordinator)
            case = record_instrument(case, coordinator)
        case = services.case_transition(case=case, transition=step, actor=coordinator, reason="Reason.", **step_inputs(step))
    give_feedback(case, coordinator)
    return services.case_transition(case=case, transition="close", actor=coordinator, **step_inputs("close"))


def test_aftercare_answer_opens_a_concern_that_the_coordinator_handles(new_page, post, category):
    coordinator = make_staff("cci_coordinator", username="marieke", post=post)
    filed = file_report(category=category, post=post, language="ar")
    close_case(filed.report, coordinator, category)
    aftercare_scan(now=timezone.now() + timedelta(days=100))
    checkin = AftercareCheckIn.objects.get()

    reporter = new_page(locale="ar")
    reporter.goto("/mailbox/sign-in/")
    reporter.fill("input[name=code]", filed.receipt_code)
    reporter.click("main button[type=submit]")
    form = f"form[action='/mailbox/aftercare/{checkin.pk}/']"
    assert reporter.locator(form).count() == 1
    assert serious_violations(reporter) == []
    reporter.click(f"{form} button[type=submit]")  # no choice made: asked again, nothing recorded
    assert reporter.locator(f"{form} .errorlist").count() == 1
    reporter.check(f"{form} input[name=answer][value=yes]")
    reporter.fill(f"{form} textarea[name=note]", "لم يُجدَّد عقدي.")
    reporter.click(f"{form} button[type=submit]")
    assert reporter.locator(form).count() == 0
    concern = RetaliationConcern.objects.get()

    staff = new_page(locale="nl")
    staff_sign_in(staff, coordinator)
    staff.goto("/staff/desk/deadlines/")
    assert filed.report.reference in staff.inner_text("#concerns ~ table")
    assert serious_violations(staff) == []
    staff.click(f"form[action='/staff/desk/deadlines/concerns/{concern.pk}/'] button[value=acknowledge]")
    concern.refresh_from_db()
    assert concern.acknowledged_at is not None


def test_the_coordinator_suspends_a_reports_deadlines(new_page, post, category):
    coordinator = make_staff("cci_coordinator", username="marieke", post=post)
    report = file_report(category=category, post=post).report
    staff = new_page(locale="nl")
    staff_sign_in(staff, coordinator)
    staff.goto(f"/staff/desk/reports/{report.pk}/deadlines/")
    assert serious_violations(staff) == []
    staff.check("input[name=action][value=suspend]")
    staff.click("main form button[type=submit]")  # no reason: refused, the choice kept
    assert staff.locator("input[name=action][value=suspend]").is_checked()
    staff.fill("textarea[name=reason]", "Wachten op het politieonderzoek.")
    staff.click("main form button[type=submit]")
    assert DeadlineChange.objects.get().action == "suspend"
    report.refresh_from_db()
    assert report.clocks_suspended_at is not None
