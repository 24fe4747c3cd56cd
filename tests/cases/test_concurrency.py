"""Two handlers changing the same case at once cannot both win silently."""

import threading
import time

import pytest
from django.db import connection

from cases import services, workflow
from cases.models import Case, CaseState, CaseStatusChange
from meldpunt.accounts.models import Role

from ..conftest import file_report, make_staff


def test_a_handler_working_on_an_old_page_is_refused(case_in, team):
    case = case_in(CaseState.ADDRESSING)
    seen_by_both = case.version
    services.case_transition(
        case=case, transition="return_to_triage", actor=team["coordinator"], expected_version=seen_by_both,
        reason="The witnesses contradict each other.",
    )
    with pytest.raises(services.StaleCase) as refused:
        services.case_transition(
            case=case, transition="change_instrument", actor=team["handler"], expected_version=seen_by_both,
            reason="Mediation instead.", instrument="mediation", instrument_reasons="",
        )
    assert "Someone else changed this case" in refused.value.reasons[0]
    stored = Case.objects.get(pk=case.pk)
    assert stored.state == CaseState.TRIAGE and stored.version == seen_by_both + 1


def test_two_handlers_on_the_same_step_page(case_in, team, client_for):
    """Both load the page; the first to send wins, the second is told and nothing of theirs is written."""
    case = case_in(CaseState.ADDRESSING)
    url = f"/staff/desk/cases/{case.pk}/step/return_to_triage/"
    first, second = client_for(team["coordinator"]), client_for(team["handler"])
    assert first.get(url).status_code == 200 and second.get(url).status_code == 200
    data = {"version": case.version, "reason": "The facts are unclear."}
    assert first.post(url, data).status_code == 302
    response = second.post(url, {**data, "reason": "My own reason."})
    assert response.status_code == 409
    assert "Someone else changed this case" in response.content.decode()
    assert "My own reason." in response.content.decode()  # what they typed is kept
    reasons = [c.unseal("reason") for c in CaseStatusChange.objects.filter(case=case, transition="return_to_triage")]
    assert reasons == ["The facts are unclear."]


def test_assessment_from_an_old_page_is_refused(case_in, team, category):
    case = case_in(CaseState.TRIAGE)
    old = case.version
    services.case_assess(
        case=case, actor=team["coordinator"], category=category, seriousness="serious", retaliation_risk="high",
        urgency="urgent", considerations="First assessment.", expected_version=old,
    )
    with pytest.raises(services.StaleCase):
        services.case_assess(
            case=case, actor=team["handler"], category=category, seriousness="minor", retaliation_risk="low",
            urgency="normal", considerations="Second assessment.", expected_version=old,
        )
    assert Case.objects.get(pk=case.pk).unseal("considerations") == "First assessment."


@pytest.mark.django_db(transaction=True)
def test_at_the_same_moment_the_row_lock_lets_one_win(migrated_data, category, post, monkeypatch):
    """Two handlers press the same button at the same moment, without any version: the row lock makes the
    second wait for the first and then see the new state, so it is refused instead of writing twice."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time (immediate transactions); the race is shown on PostgreSQL")
    coordinator = make_staff(Role.CCI_COORDINATOR, "race-coordinator", post=post)
    colleague = make_staff(Role.CCI_COORDINATOR, "race-colleague", post=post)
    report = file_report(category=category, post=post).report
    case = services.case_open(report=report, actor=coordinator)
    slow_check = workflow.unmet_requirements

    def slow(step, check):  # hold the lock a while, so an unlocked read would see the old state
        time.sleep(0.3)
        return slow_check(step, check)

    monkeypatch.setattr(workflow, "unmet_requirements", slow)
    barrier, outcomes = threading.Barrier(2), []

    def press(user):
        try:
            barrier.wait()
            services.case_transition(case=Case.objects.get(pk=case.pk), transition="start_triage", actor=user)
            outcomes.append("won")
        except services.TransitionRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(user,)) for user in (coordinator, colleague)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "won"]
    assert CaseStatusChange.objects.filter(case=case, transition="start_triage").count() == 1
    assert Case.objects.get(pk=case.pk).version == 2




def test_a_double_click_on_a_step_takes_it_once(case_in, team, client_for):
    case = case_in(CaseState.ADDRESSING)
    client = client_for(team["handler"])
    url = f"/staff/desk/cases/{case.pk}/step/return_to_triage/"
    data = {"version": case.version, "reason": "The facts are unclear."}
    assert client.post(url, data).status_code == 302
    second = client.post(url, data)
    assert second.status_code == 302 and second["Location"] == f"/staff/desk/cases/{case.pk}/"
    assert CaseStatusChange.objects.filter(case=case, transition="return_to_triage").count() == 1


def test_a_double_click_on_the_assessment_saves_it_once(case_in, team, client_for, category):
    case = case_in(CaseState.TRIAGE)
    client = client_for(team["handler"])
    data = {"version": case.version, "category": category.pk, "seriousness": "serious", "retaliation_risk": "high",
            "urgency": "urgent", "considerations": "Once."}
    url = f"/staff/desk/cases/{case.pk}/assessment/"
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert Case.objects.get(pk=case.pk).version == case.version + 1
