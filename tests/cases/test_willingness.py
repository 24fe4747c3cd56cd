"""Willingness to report, measured: two short questions at the end of the reporter's journey and in
the mailbox after closure; stored with no link to the report; counted, with suppression, on the
coordinator's figures and the transparency page."""

import pytest
from django.test import Client

from cases.models import CaseState
from meldpunt.intake.models import WillingnessAnswer

from .conftest import reporter_client
from .test_figures import at, rows_of, value

pytestmark = pytest.mark.django_db


def test_the_reporter_answers_after_sending_and_nothing_ties_it_to_the_report():
    reporter = Client(HTTP_ACCEPT_LANGUAGE="fr")
    session = reporter.session
    session["receipt_code_once"] = "ABCD1234EFGH5678"
    session.save()
    receipt = reporter.get("/report/received/").content.decode()
    assert 'action="/feedback/"' in receipt and 'value="after_report"' in receipt
    thanks = reporter.post("/feedback/", {"moment": "after_report", "would_report_again": "yes", "felt_safe": "unsure"})
    assert thanks.status_code == 200 and 'lang="fr"' in thanks.content.decode()
    answer = WillingnessAnswer.objects.get()
    assert (answer.moment, answer.would_report_again, answer.felt_safe) == ("after_report", "yes", "unsure")
    # Only these columns: no report, session, time or address.
    assert {f.name for f in WillingnessAnswer._meta.get_fields()} == {"id", "moment", "year", "desk", "would_report_again", "felt_safe"}


def test_no_answer_at_all_is_refused_with_a_clear_message(client):
    response = client.post("/feedback/", {"moment": "after_report"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "Choose an answer to at least one question." in response.content.decode()
    assert not WillingnessAnswer.objects.exists()


def test_the_mailbox_asks_after_closure_only(case_in):
    open_case = case_in(CaseState.DECIDED)
    closed = case_in(CaseState.CLOSED)
    assert 'value="after_closure"' not in reporter_client(open_case.report_links.get().report).get("/mailbox/").content.decode()
    assert 'value="after_closure"' in reporter_client(closed.report_links.get().report).get("/mailbox/").content.decode()


def test_the_answers_are_counted_with_suppression(team, client_for, client):
    with at(5, 1):
        for again in ["yes"] * 6 + ["no"] * 2 + ["unsure"] * 3:
            client.post("/feedback/", {"moment": "after_closure", "would_report_again": again})
        rows = rows_of(client_for(team["coordinator"]).get("/staff/desk/figures/csv/?year=2025"))
        page = client.get("/transparency/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert value(rows, "willingness_report_again", "willingness", "yes") == "6"
    assert value(rows, "willingness_report_again", "willingness", "no") == "fewer than 5"
    assert value(rows, "willingness_report_again", "willingness", "unsure") == "fewer than 5"
    assert value(rows, "willingness_felt_safe") == "0"
    assert 'data-figure="willingness_report_again" data-breakdown="willingness" data-key="yes">' in page
    external = rows_of(client_for(team["external_coordinator"]).get("/staff/desk/figures/csv/?year=2025"))
    assert value(external, "willingness_report_again") == "0"  # answers with no desk (no session) count with the CCI


def test_each_desk_sees_its_own_reporters_answers_taken_from_the_session_not_the_form(team, client_for, category, post, case_in):
    import uuid

    external = Client(HTTP_ACCEPT_LANGUAGE="en")
    for _ in range(6):  # six reporters file with the external reporting point and answer on the receipt page
        reporter = Client(HTTP_ACCEPT_LANGUAGE="en")
        filed = reporter.post("/report/external/", {
            "category": category.pk, "post": post.pk, "identity": "anonymous", "submission_token": uuid.uuid4().hex,
            "narrative": "My manager made racist remarks.",
        })
        assert filed.status_code == 302
        reporter.post("/feedback/", {"moment": "after_report", "would_report_again": "yes", "desk": "cci"})
    closed = case_in(CaseState.CLOSED)  # and one CCI reporter after closure, in their mailbox
    reporter_client(closed.report_links.get().report).post("/feedback/", {"moment": "after_closure", "felt_safe": "no"})
    external.post("/feedback/", {"moment": "after_closure", "felt_safe": "yes"})  # no mailbox open: no desk
    assert sorted(WillingnessAnswer.objects.values_list("desk", flat=True)) == ["", "cci"] + ["external"] * 6
    year = WillingnessAnswer.objects.first().year
    cci = rows_of(client_for(team["coordinator"]).get(f"/staff/desk/figures/csv/?year={year}"))
    ext = rows_of(client_for(team["external_coordinator"]).get(f"/staff/desk/figures/csv/?year={year}"))
    assert value(ext, "willingness_report_again", "willingness", "yes") == "6"
    assert value(cci, "willingness_report_again") == "0"
    assert value(ext, "willingness_felt_safe") == "0"
