from meldpunt.accounts.models import Role

from .core import (
    DESK_CCI,
    DESK_COLLEAGUE,
    DESK_COMPLAINTS,
    DESK_EXTERNAL,
    EVERYONE,
    EXCLUDED_HANDLER,
    EXTRA_DESK_STAFF,
    OTHER_DESK_HANDLER,
    Row,
)

DESKS = DESK_CCI | DESK_EXTERNAL | DESK_COMPLAINTS | frozenset(EXTRA_DESK_STAFF)
COORDINATORS = frozenset({Role.CCI_COORDINATOR, Role.EXTERNAL_COORDINATOR, Role.COMPLAINTS_CHAIR})
# The CCI case's team: its assigned handler and the desk's coordinator. Not the desk colleague (the
# case is assigned to someone else), not the excluded handler, not anyone of the external desk.
CCI_CASE_TEAM = frozenset({Role.CCI_HANDLER, Role.CCI_COORDINATOR})
EXTERNAL_CASE_TEAM = frozenset({OTHER_DESK_HANDLER, Role.EXTERNAL_COORDINATOR})
# The complaints committee's case: its secretary (assigned) and its chair; nobody of the other desks.
COMPLAINTS_CASE_TEAM = DESK_COMPLAINTS


def complaints_report(ctx):
    return {"report_id": ctx["complaints_report"].pk}


def complaints_case(ctx):
    return {"case_id": ctx["complaints_case"].pk}


def cci_report(ctx):
    return {"report_id": ctx["cci_report"].pk}


def cci_case(ctx):
    return {"case_id": ctx["cci_case"].pk}


ROWS = [
    Row("cases:inbox", DESKS),
    Row("cases:worklist", DESKS),
    Row("cases:desk-cases", COORDINATORS),
    Row("cases:figures", COORDINATORS),
    Row("cases:deadlines", COORDINATORS),
    Row("cases:concern-update", frozenset({Role.CCI_COORDINATOR}), kwargs=lambda ctx: {"concern_id": ctx["cci_concern"].pk}, method="post"),
    Row("cases:concern-detail", frozenset({Role.CCI_COORDINATOR}), kwargs=lambda ctx: {"concern_id": ctx["cci_concern"].pk}),
    Row("cases:figures-csv", COORDINATORS),
    Row("cases:figures-racism", COORDINATORS),
    Row("cases:figures-racism-csv", COORDINATORS),
    Row("cases:transparency-examples", frozenset({Role.CCI_COORDINATOR})),
    Row("cases:transparency-approve", frozenset({Role.CCI_COORDINATOR}), kwargs=lambda ctx: {"example_id": ctx["example"].pk}, method="post"),
    Row("transparency:page", EVERYONE),
    Row("cases:report-detail", CCI_CASE_TEAM, kwargs=cci_report),
    Row("cases:report-message", CCI_CASE_TEAM, kwargs=lambda ctx: {**cci_report(ctx), "kind": "more_information"}),
    # Posting without a reference asks to open a case; the report is in one already, so this is refused
    # with a message for the team, and with 403/404 for everyone else.
    Row("cases:report-case", CCI_CASE_TEAM, kwargs=cci_report, method="post"),
    # "Lost your code?": joining mailboxes and sending a named reporter a new code, the report's desk only.
    Row("cases:report-join", CCI_CASE_TEAM, kwargs=cci_report, method="post"),
    Row("cases:report-reissue", CCI_CASE_TEAM, kwargs=cci_report, method="post"),
    # Proposing a move to another desk: the report's team, with an empty form (refused with 400 for the
    # team, with 403/404 for everyone else); the move itself needs the reporter (tests/cases/test_moves.py).
    Row("cases:report-move", CCI_CASE_TEAM, kwargs=cci_report, method="post"),
    Row("cases:report-move", COMPLAINTS_CASE_TEAM, kwargs=complaints_report, method="post", variant="complaints desk"),
    Row("cases:report-forward", EXTERNAL_CASE_TEAM, kwargs=lambda ctx: {"report_id": ctx["external_report"].pk}, method="post"),
    Row("cases:minutes-record", CCI_CASE_TEAM, kwargs=cci_report),
    # Identity disclosure: the report's team asks and reads; the decision is checked in tests/cases/test_disclosure.py.
    Row("cases:disclosures", CCI_CASE_TEAM, kwargs=cci_report),
    # Early exclusion: only the coordinator of the report's desk lets the handlers see it.
    Row("cases:desk-involvement-clear", frozenset({Role.CCI_COORDINATOR}), kwargs=cci_report, method="post"),
    Row("cases:disclosure-detail", CCI_CASE_TEAM, kwargs=lambda ctx: {**cci_report(ctx), "disclosure_id": ctx["cci_disclosure"].pk}),
    # Only the coordinator of the report's own desk changes its deadlines; not its handler.
    Row("cases:report-deadlines", frozenset({Role.CCI_COORDINATOR}), kwargs=cci_report),
    Row("cases:report-deadlines", frozenset({Role.EXTERNAL_COORDINATOR}), kwargs=lambda ctx: {"report_id": ctx["external_report"].pk}, variant="external"),
    Row("cases:case-detail", CCI_CASE_TEAM, kwargs=cci_case),
    Row("cases:case-assessment", CCI_CASE_TEAM, kwargs=cci_case),
    Row("cases:case-step", CCI_CASE_TEAM, kwargs=lambda ctx: {**cci_case(ctx), "transition": "start_triage"}),
    Row("cases:case-assign", frozenset({Role.CCI_COORDINATOR}), kwargs=cci_case, method="post"),
    Row("cases:case-exclude", CCI_CASE_TEAM, kwargs=cci_case, method="post"),
    Row("cases:case-note-add", CCI_CASE_TEAM, kwargs=cci_case, method="post"),
    # Persons concerned (names sealed): the case's team only, not the desk colleague nor the excluded handler.
    Row("cases:case-persons", CCI_CASE_TEAM, kwargs=cci_case),
    Row("cases:case-person", CCI_CASE_TEAM, kwargs=lambda ctx: {**cci_case(ctx), "person_id": ctx["cci_person"].pk}),
    Row("cases:case-instrument", CCI_CASE_TEAM, kwargs=cci_case),
    # Lessons learned at closure: each desk's coordinator, for their own desk.
    Row("cases:lessons", COORDINATORS),
    # The complaints committee's desk: its report, case and clocks are its own; the CCI's and the
    # external desk's staff are refused like everyone else, and the committee is refused theirs (above).
    Row("cases:report-detail", COMPLAINTS_CASE_TEAM, kwargs=complaints_report, variant="complaints desk"),
    Row("cases:report-message", COMPLAINTS_CASE_TEAM, kwargs=lambda ctx: {**complaints_report(ctx), "kind": "more_information"},
        variant="complaints desk"),
    Row("cases:disclosures", COMPLAINTS_CASE_TEAM, kwargs=complaints_report, variant="complaints desk"),
    Row("cases:report-deadlines", frozenset({Role.COMPLAINTS_CHAIR}), kwargs=complaints_report, variant="complaints desk"),
    Row("cases:case-detail", COMPLAINTS_CASE_TEAM, kwargs=complaints_case, variant="complaints desk"),
    Row("cases:case-persons", COMPLAINTS_CASE_TEAM, kwargs=complaints_case, variant="complaints desk"),
    Row("cases:case-assign", frozenset({Role.COMPLAINTS_CHAIR}), kwargs=complaints_case, method="post", variant="complaints desk"),
    Row("cases:evidence", COMPLAINTS_CASE_TEAM, kwargs=complaints_report, variant="complaints desk"),
    Row("cases:translation-new", COMPLAINTS_CASE_TEAM, kwargs=complaints_report, variant="complaints desk"),
]


def extend_context(ctx):
    """Cases for the ladder: the CCI report in a CCI case assigned to the CCI handler, with one handler
    excluded and one desk colleague; the external report in a case of the external desk; minutes and a
    consent question in the reporter's mailbox."""
    from django.utils import timezone

    from cases import services
    from meldpunt.intake.models import ForwardingConsent, Meeting, Minutes
    from tests.conftest import make_staff

    users = ctx["users"]
    post = users[Role.CCI_HANDLER].post
    extra = {
        EXCLUDED_HANDLER: make_staff(Role.CCI_HANDLER, "ladder-excluded", post=post),
        DESK_COLLEAGUE: make_staff(Role.CCI_HANDLER, "ladder-colleague", post=post),
        OTHER_DESK_HANDLER: make_staff(Role.EXTERNAL_HANDLER, "ladder-external-handler", post=post),
    }
    ctx["extra"] = extra
    coordinator = users[Role.CCI_COORDINATOR]
    case = services.case_open(report=ctx["cci_report"], actor=coordinator)
    services.case_assign(case=case, handler=users[Role.CCI_HANDLER], actor=coordinator)
    services.case_exclude(case=case, user=extra[EXCLUDED_HANDLER], actor=coordinator, reason="named_in_report")
    ctx["cci_case"] = case
    ctx["cci_person"] = services.person_concerned_add(case=case, actor=coordinator, name="Ladder person", role="Head of section")
    from cases.transparency import example_outcome_write

    ctx["example"] = example_outcome_write(actor=coordinator, year=timezone.localdate().year,
                                           texts={"text_nl": "Een voorbeeld.", "text_en": "An example."})
    external_coordinator = users[Role.EXTERNAL_COORDINATOR]
    external_case = services.case_open(report=ctx["external_report"], actor=external_coordinator)
    services.case_assign(case=external_case, handler=extra[OTHER_DESK_HANDLER], actor=external_coordinator)
    ctx["external_case"] = external_case
    complaints_chair = users[Role.COMPLAINTS_CHAIR]
    complaints_case_ = services.case_open(report=ctx["complaints_report"], actor=complaints_chair)
    services.case_assign(case=complaints_case_, handler=users[Role.COMPLAINTS_SECRETARY], actor=complaints_chair)
    ctx["complaints_case"] = complaints_case_
    ctx["cci_minutes"] = services.meeting_minutes_record(
        report=ctx["cci_report"], actor=users[Role.CCI_HANDLER], held_on=timezone.localdate(), body="Minutes for the ladder."
    )
    # Consent questions belong to the external desk's reports; the ladder's reporter holds the CCI
    # report, so the row is made directly: the ladder checks who may answer, not when one is asked.
    ctx["cci_consent"] = ForwardingConsent.objects.create(
        report=ctx["cci_report"], requested_at=timezone.now(), requested_by=external_coordinator
    )
    from meldpunt.intake.models import AftercareCheckIn

    # The check-in is made directly, like the consent question: the ladder checks who may answer it.
    ctx["cci_aftercare"] = AftercareCheckIn.objects.create(report=ctx["cci_report"], step="3m", asked_at=timezone.now())
    from cases.models import RetaliationConcern

    ctx["cci_concern"] = RetaliationConcern.objects.create(
        case=case, report=ctx["cci_report"], checkin=ctx["cci_aftercare"], opened_at=timezone.now(),
        acknowledgement_due=timezone.localdate(), feedback_due=timezone.localdate(),
    )
    from meldpunt.intake.models import IdentityDisclosure

    # Made directly, like the consent question: the ladder checks who may see and answer it.
    ctx["cci_disclosure"] = IdentityDisclosure.objects.create(
        report=ctx["cci_report"], recipient_kind="investigator", basis="consent", consent="pending",
        requested_by=users[Role.CCI_HANDLER], requested_at=timezone.now(),
    )
    assert Meeting.objects.count() == 1 and Minutes.objects.count() == 1
