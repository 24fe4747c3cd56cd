"""In a real browser: an investigation with a hearing of the person concerned, two persons concerned
with different findings and measures, and closure with feedback, while the reporter follows in the
mailbox (in Spanish) how the report is being dealt with. Selectors use form actions and field names."""

import pytest
from django.utils import timezone, translation

from cases import services
from cases.models import Case, CaseState, OutcomeStatistic, PersonConcerned
from meldpunt.intake.models import PublicInstrument, PublicStatus
from meldpunt.intake.status import INSTRUMENT_EXPLANATIONS
from tests.cases.conftest import assess, restore_migrated_data
from tests.conftest import make_staff

from .conftest import staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FEEDBACK = "La investigación confirmó los hechos; se tomaron medidas."


@pytest.fixture(autouse=True)
def migrated_data(transactional_db):
    restore_migrated_data()


def submit(page, form):
    page.click(f"{form} button[type=submit]")


def add_person(page, case, role, finding):
    page.goto(f"/staff/desk/cases/{case.pk}/persons/")
    page.fill("input[name=role]", role)
    page.select_option("select[name=finding]", finding)
    page.fill("input[name=finding_on]", str(timezone.localdate()))
    submit(page, "form[action$='/persons/']")
    return PersonConcerned.objects.get(case=case, number=PersonConcerned.objects.filter(case=case).count())


def add_measure(page, measure):
    page.select_option("select[name=measure]", measure)
    page.fill("input[name=taken_on]", str(timezone.localdate()))
    submit(page, "form:has(input[name=action][value=add_measure])")


def record(page, case, kind, text, **extra):
    page.goto(f"/staff/desk/cases/{case.pk}/instrument/")
    page.select_option("select[name=kind]", kind)
    if kind in ("protocol_step", "interview", "hearing", "investigation_report", "conclusion"):
        page.fill("input[name=on]", str(timezone.localdate()))
    if "person" in extra:
        page.select_option("select[name=person]", str(extra["person"].pk))
    if "detail" in extra:
        page.select_option("select[name=detail]", extra["detail"])
    page.fill("textarea[name=text]", text)
    if "response" in extra:
        page.fill("textarea[name=response]", extra["response"])
    submit(page, "form[action$='/instrument/']")


def test_an_investigation_with_a_hearing_and_two_persons_concerned(new_page, post, category, report_factory):
    handler_user = make_staff("cci_handler", username="sanne", post=post)
    coordinator = make_staff("cci_coordinator", username="marieke", post=post)
    filed = report_factory(language="es", narrative="El jefe de sección y su adjunto hacen comentarios racistas.")
    case = services.case_open(report=filed.report, actor=coordinator)
    services.case_assign(case=case, handler=handler_user, actor=coordinator)
    case = services.case_transition(case=case, transition="start_triage", actor=handler_user)
    assess(case, handler_user, category)

    reporter = new_page(locale="es")
    reporter.goto("/mailbox/sign-in/")
    reporter.fill("input[name=code]", filed.receipt_code)
    reporter.click("main button[type=submit]")

    handler = new_page(locale="nl")
    staff_sign_in(handler, handler_user)
    handler.goto(f"/staff/desk/cases/{case.pk}/step/choose_instrument/")
    handler.select_option("select[name=instrument]", "investigation")
    handler.click("main form button[type=submit]")
    assert Case.objects.get().instrument == "investigation"

    # The reporter reads, in Spanish, that the report is being investigated, and nothing about whom.
    reporter.goto("/mailbox/")
    with translation.override("es"):
        assert str(PublicInstrument.INVESTIGATION.label) in reporter.inner_text("dl.facts")
        assert str(INSTRUMENT_EXPLANATIONS[PublicInstrument.INVESTIGATION]) in reporter.inner_text("main")
    assert "Jefe de sección" not in reporter.inner_text("main")

    # Two persons concerned, with different findings and measures.
    head = add_person(handler, case, "Jefe de sección", "established")
    add_measure(handler, "reprimand")
    add_measure(handler, "transfer")
    add_person(handler, case, "Adjunto", "not_established")
    add_measure(handler, "none")

    # Deciding before the hearing is refused, with what is missing, on the page itself.
    handler.goto(f"/staff/desk/cases/{case.pk}/step/decide/")
    handler.fill("textarea[name=decision_reasons]", "Established for the head of section, not for the deputy.")
    handler.fill("textarea[name=reporter_message]", handler.input_value("textarea[name=reporter_message]").replace("[...]", FEEDBACK))
    handler.click("main form button[type=submit]")
    refusal = handler.inner_text(".error-summary")
    assert "betrokkene 1" in refusal and "Jefe" not in refusal
    assert "Established for the head of section" in handler.input_value("textarea[name=decision_reasons]")  # kept

    # The investigation's record, with the hearing of person 1 and their response (hoor en wederhoor).
    record(handler, case, "investigator", "Bureau Integriteit", detail="internal")
    record(handler, case, "terms_of_reference", "Did the head of section and the deputy make racist remarks?")
    record(handler, case, "protocol_step", "Start letter sent to both persons concerned.")
    record(handler, case, "interview", "Interviews with three colleagues.")
    record(handler, case, "hearing", "The draft findings were put to the head of section.", person=head,
           response="He admits two of the remarks and apologises.")
    record(handler, case, "investigation_report", "Report delivered to the coordinator.")
    record(handler, case, "conclusion", "Breach established for the head of section; not for the deputy.")
    assert "He admits two of the remarks" in handler.inner_text("main")

    handler.goto(f"/staff/desk/cases/{case.pk}/step/decide/")
    handler.fill("textarea[name=decision_reasons]", "Established for the head of section, not for the deputy.")
    handler.fill("textarea[name=reporter_message]", handler.input_value("textarea[name=reporter_message]").replace("[...]", FEEDBACK))
    handler.click("main form button[type=submit]")
    assert Case.objects.get().state == CaseState.DECIDED

    # Closure with feedback, and a lesson for the organisation.
    handler.goto(f"/staff/desk/cases/{case.pk}/step/close/")
    handler.fill("textarea[name=lessons]", "Managers at posts need training on remarks about locally hired staff.")
    handler.click("main form button[type=submit]")
    assert Case.objects.get().state == CaseState.CLOSED

    reporter.goto("/mailbox/")
    with translation.override("es"):
        assert str(PublicStatus.CLOSED.label) in reporter.inner_text("dl.facts .status")
        assert str(PublicInstrument.INVESTIGATION.label) in reporter.inner_text("dl.facts")
    assert FEEDBACK in reporter.inner_text("main")
    assert sorted(OutcomeStatistic.objects.values_list("kind", "value")) == [
        ("finding", "established"), ("finding", "not_established"), ("measure", "none"), ("measure", "reprimand"), ("measure", "transfer"),
    ]
