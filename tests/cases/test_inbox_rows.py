"""The inbox keeps its rendered rows per process (cases/row_cache.py). A row is kept under every value
it shows, so a change to a report shows at once, however it was made; and a kept row is only ever
shown for a report the reader's selector gave them, so no desk sees another desk's rows."""

import re

import pytest

from cases import row_cache, services
from cases.models import StandardMessage
from meldpunt.intake.models import Category, PublicStatus, Report


@pytest.fixture(autouse=True)
def no_rows_kept_from_other_tests():
    row_cache.inbox_rows_kept.clear()
    yield
    row_cache.inbox_rows_kept.clear()


def row_of(client, report) -> str:
    page = client.get("/staff/desk/").content.decode()
    found = re.search(rf"<tr>\s*<th scope=\"row\"><a href=\"/staff/desk/reports/{report.pk}/\">.*?</tr>", page, re.S)
    return found.group(0) if found else ""


def test_a_changed_report_shows_its_change_at_once(team, report_factory, client_for):
    report = report_factory(narrative="Remarks at the post").report
    client = client_for(team["handler"])
    first = row_of(client, report)
    assert "Received" in first and "—</td>" in first and "done" not in first
    assert row_of(client, report) == first and len(row_cache.inbox_rows_kept) == 1  # the second view reads the kept row

    services.report_message_send(report=report, actor=team["handler"], body="We received your report.",
                                 kind=StandardMessage.Kind.ACKNOWLEDGEMENT)
    acknowledged = row_of(client, report)
    assert "done" in acknowledged and "Acknowledged" in acknowledged

    case = services.case_open(report=report, actor=team["coordinator"])
    assert case.reference in row_of(client, report)

    # Even a change that bypasses every service (a bulk update, no signals) is seen: the key holds the value.
    Report.objects.filter(pk=report.pk).update(status=PublicStatus.ADDRESSING)
    assert "Being dealt with" in row_of(client, report)
    Category.objects.filter(pk=report.category_id).update(name_en="Racism at work")
    assert "Racism at work" in row_of(client, report)


def test_a_row_is_shown_in_the_reader_s_language(team, report_factory, client_for):
    report = report_factory(narrative="Remarks at the post").report
    client = client_for(team["handler"])
    assert "Received" in row_of(client, report)
    client.cookies["django_language"] = "nl"
    assert "Ontvangen" in row_of(client, report)


def test_no_desk_sees_the_rows_of_the_other_desk(team, report_factory, client_for):
    cci_report = report_factory(narrative="For the CCI").report
    external_report = report_factory(narrative="For the external point", channel="external").report
    assert (cci_report.desk, external_report.desk) == ("cci", "external")
    cci, external = client_for(team["handler"]), client_for(team["external_handler"])
    assert row_of(cci, cci_report) and not row_of(cci, external_report)  # the CCI's rows are now kept
    external_page = external.get("/staff/desk/").content.decode()
    assert cci_report.reference not in external_page and external_report.reference in external_page
    assert row_of(external, external_report) and not row_of(cci, external_report)
    # Someone excluded from a case no longer sees its report, kept row or not.
    case = services.case_open(report=cci_report, actor=team["coordinator"])
    services.case_exclude(case=case, user=team["handler"], actor=team["coordinator"], reason="conflict_of_interest")
    assert cci_report.reference not in cci.get("/staff/desk/").content.decode()
