"""Retaliation concerns handled as cases: a reporter says in aftercare that they met consequences;
the coordinator answers in the mailbox, assesses (sealed), records measures for the reporter, and
closes with an outcome and reasons told to the reporter; the figures count concerns by outcome."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from cases import retaliation, services
from cases.aftercare import aftercare_scan
from cases.figures import _tally, annual_figures
from cases.models import CaseState, RetaliationConcern
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import Report

from .conftest import reporter_client

pytestmark = pytest.mark.django_db

CLOSED = timezone.make_aware(timezone.datetime(2026, 1, 15, 11, 0))


def concern_from_aftercare(case_in, **report_kwargs):
    with time_machine.travel(CLOSED, tick=False):
        report = Report.objects.get(case_link__case=case_in(CaseState.CLOSED, **report_kwargs))
    with time_machine.travel(CLOSED + timedelta(days=91)):
        aftercare_scan()
    checkin = report.aftercare_checkins.get()
    reporter_client(report).post(reverse("intake:mailbox-aftercare-answer", kwargs={"checkin_id": checkin.pk}),
                                 {"answer": "yes", "note": "Mijn contract werd niet verlengd."})
    return RetaliationConcern.objects.get(report=report), report


def test_a_concern_is_assessed_given_measures_and_closed_with_an_outcome_the_reporter_reads(case_in, team, client_for):
    concern, report = concern_from_aftercare(case_in)
    coordinator = client_for(team["coordinator"])
    page_url = reverse("cases:concern-detail", kwargs={"concern_id": concern.pk})
    page = coordinator.get(page_url).content.decode()
    assert "Mijn contract werd niet verlengd." in page  # the reporter's words, read on the record
    assert AuditEvent.objects.filter(action="retaliation_concern.read").count() == 1

    # Closing at once is refused, with every missing part named, and what was typed is kept.
    refused = coordinator.post(page_url, {"action": "close", "outcome": "substantiated", "reasons": "", "message": "Kept text"})
    assert refused.status_code == 400 and "Kept text" in refused.content.decode()
    with pytest.raises(services.ActionRefused) as why:
        retaliation.concern_close(concern_id=concern.pk, actor=team["coordinator"], outcome="substantiated", reasons="r", message="m")
    assert len(why.value.reasons) == 2  # no assessment, no measure
    # The one-click close of the overview no longer exists.
    with pytest.raises(services.ActionRefused):
        services.retaliation_concern_update(concern_id=concern.pk, actor=team["coordinator"], action="close")

    # The coordinator writes to the reporter (acknowledging), assesses, records a measure.
    assert coordinator.post(page_url, {"action": "message", "body": "We hebben uw zorg ontvangen en bekijken het."}).status_code == 302
    assert coordinator.post(page_url, {"action": "assess", "assessment": "Non-renewal two months after the decision; same manager."}).status_code == 302
    assert coordinator.post(page_url, {"action": "measure", "kind": "reversed", "taken_on": "2026-04-20"}).status_code == 302
    concern.refresh_from_db()
    assert concern.acknowledged_at and concern.assessed_at and concern.feedback_given_at is None
    assert b"Non-renewal" not in bytes(concern.assessment_sealed)  # sealed at rest
    assert concern.unseal("assessment").startswith("Non-renewal")

    assert coordinator.post(page_url, {
        "action": "close", "outcome": "substantiated", "reasons": "The non-renewal followed the report; it was reversed.",
        "message": "Uw contract wordt alsnog verlengd. De leidinggevende is hierop aangesproken.",
    }).status_code == 302
    concern.refresh_from_db()
    assert concern.outcome == "substantiated" and concern.closed_at and concern.feedback_given_at
    mailbox = reporter_client(report).get(reverse("intake:mailbox")).content.decode()
    assert "alsnog verlengd" in mailbox and "bekijken het" in mailbox
    steps = set(AuditEvent.objects.filter(action__startswith="retaliation_concern.").values_list("action", flat=True))
    assert {"retaliation_concern.message_sent", "retaliation_concern.assessed", "retaliation_concern.measure_recorded",
            "retaliation_concern.closed"} <= steps
    # Closed is closed.
    with pytest.raises(services.ActionRefused):
        retaliation.concern_message(concern_id=concern.pk, actor=team["coordinator"], body="Again")


def test_only_the_coordinator_of_the_concerns_desk_handles_it(case_in, team, client_for):
    concern, _report = concern_from_aftercare(case_in)
    url = reverse("cases:concern-detail", kwargs={"concern_id": concern.pk})
    assert client_for(team["handler"]).get(url).status_code in (403, 404)
    assert client_for(team["external_coordinator"]).get(url).status_code == 404
    with pytest.raises(services.ActionRefused):
        retaliation.concern_assess(concern_id=concern.pk, actor=team["external_coordinator"], assessment="x")


def test_a_withdrawn_concern_needs_no_assessment_and_the_figures_count_outcomes_and_measures(case_in, team):
    coordinator = team["coordinator"]
    concerns = [concern_from_aftercare(case_in)[0] for _ in range(3)]
    retaliation.concern_close(concern_id=concerns[0].pk, actor=coordinator, outcome="withdrawn",
                              reasons="The reporter withdrew it in the mailbox.", message="We sluiten uw zorg, zoals u vroeg.")
    retaliation.concern_assess(concern_id=concerns[1].pk, actor=coordinator, assessment="No link with the report.")
    retaliation.concern_measure_add(concern_id=concerns[1].pk, actor=coordinator, kind="support", taken_on=timezone.localdate())
    retaliation.concern_close(concern_id=concerns[1].pk, actor=coordinator, outcome="not_substantiated",
                              reasons="The reorganisation preceded the report.", message="Wij zien geen verband; u krijgt wel begeleiding.")
    year = timezone.localdate(concerns[0].opened_at).year
    tallies, _days = _tally(desks=("cci",), year=year)
    assert dict(tallies["retaliation_concerns"]["outcome"]) == {"withdrawn": 1, "not_substantiated": 1, "open": 1}
    assert dict(tallies["retaliation_measures"]["retaliation_measure"]) == {"support": 1}
    # Published only suppressed: three concerns are "fewer than 5".
    figures = annual_figures(desks=("cci",), year=year)
    assert figures.get("retaliation_concerns").count is None and figures.get("retaliation_concerns").suppressed == "small"
    assert [c.key for c in figures.cells if c.figure == "retaliation_concerns" and c.breakdown == "outcome"] == [
        "substantiated", "not_substantiated", "withdrawn", "open", "closed"]
