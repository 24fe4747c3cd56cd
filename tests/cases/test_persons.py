"""Several persons concerned per case, each with their own finding and measures (issue 15 point 2):
as a handler records them, as the decision checks them, and as the annual figures count them."""

import pytest
from django.utils import timezone

from cases import figures, services
from cases.models import Case, CaseState, Finding, Measure, OutcomeStatistic, PersonConcerned
from meldpunt.audit.models import AuditEvent

from .conftest import give_feedback, person_with_outcome, record_instrument, step_inputs


def test_a_handler_records_two_persons_with_different_findings_and_measures(case_in, team, client_for):
    handler = team["coordinator"]
    client = client_for(handler)
    case = record_instrument(case_in(CaseState.ADDRESSING), handler)  # a conversation, recorded
    today = timezone.localdate().isoformat()
    base = f"/staff/desk/cases/{case.pk}/persons/"

    # Bad input keeps what was typed and says what is missing.
    response = client.post(base, {"name": "", "role": "", "finding": "established", "finding_on": ""})
    assert response.status_code == 400
    assert "Give the name or the role" in response.content.decode()
    response = client.post(base, {"name": "J. de Vries", "role": "Head of mission", "finding": "established", "finding_on": ""})
    assert response.status_code == 400 and 'value="J. de Vries"' in response.content.decode()
    assert "Give the date of the finding" in response.content.decode()

    response = client.post(base, {"name": "J. de Vries", "role": "Head of mission", "finding": "established", "finding_on": today})
    first = PersonConcerned.objects.get(case=case, number=1)
    assert response.status_code == 302 and response["Location"] == f"{base}{first.pk}/"
    client.post(f"{base}{first.pk}/", {"action": "add_measure", "measure": "reprimand", "taken_on": today})
    client.post(f"{base}{first.pk}/", {"action": "add_measure", "measure": "transfer", "taken_on": today})
    client.post(base, {"name": "", "role": "Deputy head of mission", "finding": "", "finding_on": ""})
    second = PersonConcerned.objects.get(case=case, number=2)

    # Deciding now is refused, with the reason naming the person whose outcome is missing.
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(case=Case.objects.get(pk=case.pk), transition="decide", actor=handler, **step_inputs("decide"))
    assert "person 2" in refused.value.reasons[0] and "person 1" not in refused.value.reasons[0]

    client.post(f"{base}{second.pk}/", {"action": "save", "name": "", "role": "Deputy head of mission",
                                        "finding": "partly_established", "finding_on": today})
    response = client.post(f"{base}{second.pk}/", {"action": "add_measure", "measure": "none", "taken_on": today})
    assert response.status_code == 302
    # "No measure" does not go together with a measure.
    response = client.post(f"{base}{second.pk}/", {"action": "add_measure", "measure": "reprimand", "taken_on": today})
    assert response.status_code == 400 and "cannot go together" in response.content.decode()

    # Names and roles are sealed at rest; the page shows them and the read is on the record.
    stored = PersonConcerned.objects.get(pk=first.pk)
    assert b"de Vries" not in bytes(stored.name_sealed) and stored.unseal("name") == "J. de Vries"
    page = client.get(base).content.decode()
    assert "J. de Vries" in page and "Deputy head of mission" in page
    assert AuditEvent.objects.filter(action="case.persons_read", target_id=str(case.pk)).exists()
    detail = client.get(f"/staff/desk/cases/{case.pk}/").content.decode()
    assert "J. de Vries" not in detail and "Breach partly established" in detail  # the case page shows outcomes, no names

    case = services.case_transition(case=Case.objects.get(pk=case.pk), transition="decide", actor=handler, **step_inputs("decide"))
    give_feedback(case, handler)
    case = services.case_transition(case=case, transition="close", actor=handler, **step_inputs("close"))

    # The anonymous figures count per person: two findings, three measures.
    rows = sorted(OutcomeStatistic.objects.filter(case=case).values_list("kind", "value"))
    assert rows == [("finding", "established"), ("finding", "partly_established"),
                    ("measure", "none"), ("measure", "reprimand"), ("measure", "transfer")]
    assert not any("Vries" in str(v) for v in OutcomeStatistic.objects.values())
    # Closed: the persons can no longer be changed.
    response = client.post(base, {"name": "Someone", "role": "", "finding": "", "finding_on": ""}, follow=True)
    assert PersonConcerned.objects.filter(case=case).count() == 2


def test_figures_count_findings_and_measures_per_person_and_a_reopened_case_gives_them_back(case_in, team):
    handler = team["coordinator"]
    year = timezone.localdate().year
    for _ in range(5):
        case = case_in(CaseState.ADDRESSING)
        person_with_outcome(case, handler, measures=(Measure.REPRIMAND, Measure.TRANSFER))
        person_with_outcome(case, handler, finding=Finding.NOT_ESTABLISHED, measures=(Measure.NONE,))
        record_instrument(case, handler)
        case = services.case_transition(case=Case.objects.get(pk=case.pk), transition="decide", actor=handler, **step_inputs("decide"))
        give_feedback(case, handler)
        last = services.case_transition(case=case, transition="close", actor=handler, **step_inputs("close"))
    counted = figures.annual_figures(desks=("cci",), year=year)
    assert counted.get("findings", "finding", "established").count == 5
    assert counted.get("findings", "finding", "not_established").count == 5
    assert counted.get("measures", "measure", "reprimand").count == 5
    assert counted.get("measures", "measure", "transfer").count == 5
    assert counted.get("measures", "").count == 15

    # Reopened, the case counts as open work from its live persons: the totals do not change.
    services.case_transition(case=last, transition="reopen", actor=handler, reason="New facts.")
    assert OutcomeStatistic.objects.filter(case=last).count() == 0
    again = figures.annual_figures(desks=("cci",), year=year)
    assert again.get("measures", "").count == 15 and again.get("findings", "").count == 10


def test_a_person_of_another_desks_case_cannot_be_reached(case_in, team, client_for):
    case = case_in(CaseState.ADDRESSING)
    person = person_with_outcome(case, team["coordinator"])
    client = client_for(team["external_handler"])
    assert client.get(f"/staff/desk/cases/{case.pk}/persons/{person.pk}/").status_code == 404
    with pytest.raises(services.ActionRefused):
        services.person_concerned_update(case=case, person_id=person.pk, actor=team["external_handler"], name="x", role="",
                                         finding="", finding_on=None)


@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_a_single_finding_and_measure_over_to_the_first_person(migrated_data, case_in, team):
    """Back to the schema with one finding and measure per case (0011), then forward again: the first
    person's outcome goes to the case and comes back as person 1, the closed case's figures stay."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    handler = team["coordinator"]
    closed = case_in(CaseState.CLOSED)
    decided = case_in(CaseState.DECIDED)
    figures_before = sorted(OutcomeStatistic.objects.values_list("case_id", "kind", "value", "year"))
    assert figures_before  # the closed case's finding and measure

    executor = MigrationExecutor(connection)
    executor.migrate([("cases", "0010_persons_concerned")])  # the case carries its single outcome again
    old = MigrationExecutor(connection).loader.project_state([("cases", "0010_persons_concerned")]).apps
    OldCase = old.get_model("cases", "Case")
    assert OldCase.objects.get(pk=decided.pk).finding == Finding.ESTABLISHED
    assert OldCase.objects.get(pk=closed.pk).measure == Measure.REPRIMAND
    assert old.get_model("cases", "PersonConcerned").objects.count() == 0

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    for case in (closed, decided):
        person = PersonConcerned.objects.get(case=case)
        assert (person.number, person.finding) == (1, Finding.ESTABLISHED)
        assert list(person.measures.values_list("measure", flat=True)) == [Measure.REPRIMAND]
        assert person.unseal("name") == ""  # for the desk to fill in
    assert sorted(OutcomeStatistic.objects.values_list("case_id", "kind", "value", "year")) == figures_before
    assert handler.pk
