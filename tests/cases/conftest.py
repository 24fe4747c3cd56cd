"""Helpers for the desk's tests: a desk team, and cases brought to any state the way handlers do it."""

import pytest
from django.utils import timezone

from cases import services
from cases.models import CaseState, Finding, Instrument, Measure, StandardMessage
from meldpunt.accounts.models import Role
from meldpunt.intake.models import Report


@pytest.fixture(autouse=True)
def cheap_receipt_hashes(settings):
    """The desk's tests file many reports; the strength of their receipt-code hashes is not under test here."""
    settings.RECEIPT_HASH_TIME_COST = 1
    settings.RECEIPT_HASH_MEMORY_KIB = 8


# A Tuesday morning: the reminder and reply-clock tests start here.
START = timezone.make_aware(timezone.datetime(2026, 3, 3, 9, 0))


@pytest.fixture
def clock():
    import time_machine

    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def no_digest(settings):
    settings.DIGEST_WEEKDAY = 6  # Sunday: the weekly digest out of the way of the tests that are not about it
    settings.DIGEST_HOUR = 23


@pytest.fixture
def team(staff_factory, post):
    """A CCI desk with a coordinator and two handlers, and an external desk with one of each."""
    return {
        "coordinator": staff_factory(Role.CCI_COORDINATOR, "marieke", post=post),
        "handler": staff_factory(Role.CCI_HANDLER, "sanne", post=post),
        "colleague": staff_factory(Role.CCI_HANDLER, "youssef", post=post),
        "external_coordinator": staff_factory(Role.EXTERNAL_COORDINATOR, "anouk", post=post),
        "external_handler": staff_factory(Role.EXTERNAL_HANDLER, "peter", post=post),
    }


def assess(case, actor, category):
    return services.case_assess(
        case=case, actor=actor, category=category, seriousness="serious", retaliation_risk="medium", urgency="normal",
        considerations="Several colleagues describe the same remarks; a conversation first.",
    )


def give_feedback(case, actor):
    for report in Report.objects.filter(case_link__case=case):
        services.report_message_send(
            report=report, actor=actor, kind=StandardMessage.Kind.FEEDBACK, body="We spoke with the manager concerned."
        )


def step_inputs(name: str) -> dict:
    return {
        "choose_instrument": {"instrument": Instrument.CONVERSATION, "instrument_reasons": ""},
        "change_instrument": {"instrument": Instrument.MEDIATION, "instrument_reasons": "Both agreed to mediation."},
        "decide": {
            "decision_reasons": "The remarks were confirmed by two witnesses.",
            "reporter_message": "The remarks you reported were confirmed; a measure was taken.",
        },
        "revise_decision": {
            "decision_reasons": "On appeal the measure became a transfer.",
            "reporter_message": "On appeal the decision was revised; a measure was taken.",
        },
        "close": {"reporter_message": "We have finished handling your report and the case is closed."},
    }.get(name, {})


# The way handlers bring a case into each state, from a new case.
PATH_TO = {
    CaseState.RECEIVED: [],
    CaseState.TRIAGE: ["start_triage"],
    CaseState.ADDRESSING: ["start_triage", "choose_instrument"],
    CaseState.DECIDED: ["start_triage", "choose_instrument", "decide"],
    CaseState.CLOSED: ["start_triage", "choose_instrument", "decide", "close"],
}


def person_with_outcome(case, actor, *, role="Head of section at the post", finding=Finding.ESTABLISHED, measures=(Measure.REPRIMAND,)):
    """A person concerned with a dated finding and measures, as a handler records them before deciding."""
    today = timezone.localdate()
    return services.person_concerned_add(
        case=case, actor=actor, name="", role=role, finding=finding, finding_on=today, measures=tuple((m, today) for m in measures),
    )


def record_instrument(case, actor):
    """The entries the case's instrument needs before the decision (cases.workflow.INSTRUMENT_RECORDS),
    with a hearing of every person whose finding is a breach, as a handler records them."""
    from cases import workflow
    from cases.models import Case, InstrumentEntry

    case = Case.objects.get(pk=case.pk)
    today = timezone.localdate()
    details = {kind: choices[-1] for kind, choices in workflow.DETAIL_OF_KIND.items()}  # external; without identity
    for kind in workflow.INSTRUMENT_RECORDS[case.instrument]:
        services.instrument_entry_add(
            case=case, actor=actor, kind=kind, text=f"Recorded: {kind}.", on=today, detail=details.get(kind, ""),
        )
    if case.instrument == Instrument.INVESTIGATION:
        for person in case.persons.filter(finding__in=workflow.HEARD_FINDINGS):
            services.instrument_entry_add(
                case=case, actor=actor, kind=InstrumentEntry.Kind.HEARING, on=today, person_id=person.pk,
                text="The findings were put to them.", response="They do not recognise the remarks.",
            )
    return Case.objects.get(pk=case.pk)


def walk(case, steps, actor, category):
    for name in steps:
        if name == "choose_instrument" and not case.assessed_at:
            case = assess(case, actor, category)
        if name == "decide" and not case.persons.exists():
            person_with_outcome(case, actor)
            case = record_instrument(case, actor)
        if name == "close":
            give_feedback(case, actor)
        case = services.case_transition(case=case, transition=name, actor=actor, reason="Reason given by the handler.", **step_inputs(name))
    return case


@pytest.fixture
def case_in(team, report_factory, category):
    """case_in(state): a new CCI case for a new report, brought to `state` by the coordinator."""

    def make(state=CaseState.RECEIVED, actor=None, **report_kwargs):
        actor = actor or team["coordinator"]
        report = report_factory(**report_kwargs).report
        case = services.case_open(report=report, actor=actor)
        return walk(case, PATH_TO[state], actor, category)

    return make


def reporter_client(report):
    """A browser session with the reporter's mailbox open, as after typing the receipt code."""
    import time

    from django.test import Client

    client = Client()
    session = client.session
    session["mailbox_report"] = str(report.pk)
    session["mailbox_until"] = time.time() + 600
    session.save()
    return client


def restore_migrated_data():
    """Categories come from a data migration, standard messages from the content files; a transactional
    test's flush removes them: put them back (serialized rollback does not restore them reliably across
    a mixed run)."""
    import importlib

    from django.apps import apps

    from meldpunt.content.services import content_load

    importlib.import_module("meldpunt.intake.migrations.0002_rijk_categories").add_categories(apps, None)
    importlib.import_module("meldpunt.intake.migrations.0013_category_names_twelve_languages").fill(apps, None)
    content_load()


@pytest.fixture
def migrated_data(transactional_db):
    restore_migrated_data()


# --- translations (tests/cases/test_translating.py, test_who_sees_which_translation.py) -------------------------

ARABIC = "مديري يوجه لي تعليقات عنصرية أمام زملائي كل أسبوع."


@pytest.fixture
def translator(db):
    """Amal, a translator with a signed confidentiality statement."""
    from tests.conftest import make_translator

    return make_translator("amal")


@pytest.fixture
def arabic_report(report_factory):
    return report_factory(language="ar", narrative=ARABIC).report
