"""The inbox and the worklists cost the same number of queries whether a page holds 2 rows or 20."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases import services
from meldpunt.intake.models import Report
from meldpunt.public_cache import reference_rows


def queries_for(client, url):
    reference_rows("intake.Category"), reference_rows("organisation.Post")  # kept once a process: not per page
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def fill(team, report_factory, n, post_factory=None):
    for i in range(n):
        report = report_factory(narrative=f"Report number {i}", language=["nl", "fr", "ar"][i % 3]).report
        case = services.case_open(report=report, actor=team["coordinator"])
        services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
        if i % 2:
            services.case_link_report(case=case, report=report_factory(narrative=f"Second on {i}").report, actor=team["coordinator"])


@pytest.mark.parametrize(
    ("who", "url"),
    [("handler", "/staff/desk/"), ("coordinator", "/staff/desk/"), ("handler", "/staff/desk/worklist/"),
     ("coordinator", "/staff/desk/cases/"), ("coordinator", "/staff/desk/cases/?show=all")],
)
def test_a_constant_number_of_queries_per_page(who, url, team, report_factory, client_for):
    client = client_for(team[who])
    fill(team, report_factory, 2)
    few = queries_for(client, url)
    fill(team, report_factory, 18)
    many = queries_for(client, url)
    assert few == many


def test_pages_go_forward_and_back_without_counting(team, report_factory, client_for, monkeypatch):
    from cases import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for i in range(5):
        report_factory(narrative=f"Report {i}")
    client = client_for(team["handler"])
    first = client.get("/staff/desk/").context["page"]
    assert len(first.object_list) == 2 and first.has_next and not first.has_previous
    last = client.get("/staff/desk/?page=3").context["page"]
    assert len(last.object_list) == 1 and not last.has_next and last.has_previous
    assert client.get("/staff/desk/?page=abc").context["page"].number == 1
    beyond = client.get("/staff/desk/?page=99")
    assert beyond.status_code == 200 and not beyond.context["page"].object_list


def next_link(response, label):
    import html
    import re

    found = re.search(rf'<a href="(\?[^"]+)">{label}</a>', response.content.decode())
    return "/staff/desk/" + html.unescape(found.group(1)) if found else None


def test_the_inbox_pages_by_the_last_row_seen_so_a_deep_page_costs_what_the_first_does(team, report_factory, client_for, monkeypatch):
    from cases import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for i in range(5):
        report_factory(narrative=f"Report {i}")
    client = client_for(team["handler"])
    seen, url, numbers = [], "/staff/desk/", []
    while url:  # forward with the links the page offers: every report once, newest first
        response = client.get(url)
        page = response.context["page"]
        seen += [r.reference for r in page.object_list]
        numbers.append(page.number)
        assert "after=" in (next_link(response, "Next") or "after=")  # a cursor, not an offset
        url = next_link(response, "Next")
    expected = list(Report.objects.order_by("-received_at", "-pk").values_list("reference", flat=True))
    assert seen == expected and numbers == [1, 2, 3]
    back = client.get(next_link(response, "Previous"))  # and back from the last page
    assert [r.reference for r in back.context["page"].object_list] == expected[2:4] and back.context["page"].number == 2
    first = client.get(next_link(back, "Previous")).context["page"]
    assert [r.reference for r in first.object_list] == expected[:2] and not first.has_previous
    # A damaged cursor shows the first page, never an error.
    assert client.get("/staff/desk/?after=nonsense&page=7").context["page"].number == 1


# --- the report page and the case page -------------------------------------------------------------------


def busy_report(team, report_factory, n):
    """A report with n messages each way and n additions, on a desk with n other reports."""
    from meldpunt.intake import services as intake

    for i in range(n):
        report_factory(narrative=f"Another report {i}")
    report = report_factory(narrative="The report whose page is read").report
    for i in range(n):
        intake.mailbox_message_from_reporter(report=report, body=f"Question {i}")
        services.report_message_send(report=report, actor=team["handler"], body=f"Answer {i}")
        intake.report_addition_add(report=report, body=f"Addition {i}", language="nl")
    return report


def test_the_report_page_costs_the_same_queries_with_3_or_30_messages_additions_and_reports(team, report_factory, client_for):
    client = client_for(team["handler"])
    few = queries_for(client, f"/staff/desk/reports/{busy_report(team, report_factory, 3).pk}/")
    many = queries_for(client, f"/staff/desk/reports/{busy_report(team, report_factory, 30).pk}/")
    assert few == many


def test_the_report_page_reads_no_empty_part_and_shows_a_part_as_soon_as_it_exists(team, report_factory, client_for):
    from meldpunt.intake import services as intake

    report = report_factory(narrative="Nothing else yet").report
    client = client_for(team["handler"])
    url = f"/staff/desk/reports/{report.pk}/"
    bare = queries_for(client, url)
    assert "No messages yet." in client.get(url).content.decode()
    intake.mailbox_message_from_reporter(report=report, body="Is there news?")
    intake.report_addition_add(report=report, body="One more thing I remembered.", language="nl")
    page = client.get(url).content.decode()
    assert "Is there news?" in page and "One more thing I remembered." in page
    assert queries_for(client, url) > bare  # the thread and additions are read now, and only now


def busy_case(team, report_factory, n):
    """A case with n reports and n notes."""
    reports = [report_factory(narrative=f"Report {i} of the case").report for i in range(n)]
    case = services.case_open(report=reports[0], actor=team["coordinator"])
    for report in reports[1:]:
        services.case_link_report(case=case, report=report, actor=team["coordinator"])
    for i in range(n):
        services.case_note_add(case=case, author=team["coordinator"], body=f"Note {i}")
    return case


@pytest.mark.parametrize("who", ["coordinator", "handler"])
def test_the_case_page_costs_the_same_queries_with_3_or_30_reports_and_notes(who, team, report_factory, client_for):
    client = client_for(team[who])
    few = queries_for(client, f"/staff/desk/cases/{busy_case(team, report_factory, 3).pk}/")
    many = queries_for(client, f"/staff/desk/cases/{busy_case(team, report_factory, 30).pk}/")
    assert few == many
