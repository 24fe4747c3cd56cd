"""A reporter with a long conversation opens the mailbox as fast as one with a single message: the page
reads the report once, holds it while it opens the thread, the additions, the minutes and the files, and
keeps the empty forms rendered. What the reporter sees stays exactly what the desk wrote, at once after
every change."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cases import services as desk_services
from meldpunt.intake import services
from meldpunt.intake.models import Category, Report
from tests.conftest import make_staff, open_mailbox

pytestmark = pytest.mark.django_db


def rows_read(table: str, column: str, queries) -> list[str]:
    """The queries that read rows of `table` (their `column` among what is selected, not only a join)."""
    return [q["sql"] for q in queries.captured_queries if f'"{table}"."{column}"' in q["sql"].split(" FROM ")[0]]


def conversation(report, desk, *, turns: int) -> None:
    for turn in range(turns):
        services.mailbox_message_to_reporter(report=report, sender=desk, body=f"Question {turn} from the desk")
        services.mailbox_message_from_reporter(report=report, body=f"Answer {turn} from the reporter", written_language="en")
        services.report_addition_add(report=report, body=f"Something I remembered ({turn})", language="en")
        meeting = services.meeting_request(report=report, note=f"Meeting {turn}, by phone please")
        desk_services.meeting_minutes_record(
            report=report, actor=desk, held_on=date(2026, 11, 2), body=f"Minutes of meeting {turn}", meeting_id=meeting.pk
        )


def mailbox_queries(client) -> CaptureQueriesContext:
    client.get("/mailbox/")  # what is new is marked read on the first look; the second is the steady state
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/mailbox/")
    assert page.status_code == 200
    return queries


def test_a_long_conversation_costs_no_more_queries_than_a_short_one(report_factory):
    desk = make_staff("cci_handler")
    short, long = report_factory().report, report_factory().report
    conversation(short, desk, turns=1)
    conversation(long, desk, turns=6)

    short_queries = mailbox_queries(open_mailbox(Client(), short))
    long_page = open_mailbox(Client(), long)
    long_queries = mailbox_queries(long_page)

    assert len(long_queries.captured_queries) == len(short_queries.captured_queries)
    page = long_page.get("/mailbox/").content.decode()
    for turn in range(6):
        for text in (f"Question {turn} from the desk", f"Answer {turn} from the reporter",
                     f"Something I remembered ({turn})", f"Minutes of meeting {turn}"):
            assert text in page  # each opened with the report's own key


def test_the_mailbox_reads_its_report_once_and_the_categories_and_posts_not_at_all(report_factory):
    desk = make_staff("cci_handler")
    report = report_factory().report
    conversation(report, desk, turns=2)
    client = open_mailbox(Client(), report)
    client.get("/mailbox/")  # the first page of this process reads the categories and posts once

    queries = mailbox_queries(client)

    assert len(rows_read("intake_report", "narrative_sealed", queries)) == 1
    assert rows_read("intake_category", "name_en", queries) == []
    assert rows_read("organisation_post", "name_en", queries) == []


def test_a_joined_earlier_report_s_messages_are_opened_with_their_own_key(report_factory):
    desk = make_staff("cci_handler")
    earlier, later = report_factory().report, report_factory().report
    services.mailbox_message_to_reporter(report=earlier, sender=desk, body="Written before the code was lost")
    services.mailbox_message_from_reporter(report=later, body="I lost my first code", written_language="en")
    services.mailbox_join(actor=desk, later_report=later, earlier_report=earlier, reason="Same reporter, checked in the mailbox")

    page = open_mailbox(Client(), earlier).get("/mailbox/").content.decode()

    assert "Written before the code was lost" in page
    assert "I lost my first code" in page


def test_a_renamed_category_shows_at_once(report_factory):
    report = report_factory().report
    client = open_mailbox(Client(), report)
    assert str(report.category) in client.get("/mailbox/").content.decode()

    category = Category.objects.get(pk=report.category_id)
    category.name_en = "Racism and discrimination at work"
    category.save()  # an edit through the admin or a migration: shown on the next page

    assert "Racism and discrimination at work" in client.get("/mailbox/").content.decode()


def test_each_reporter_s_empty_reply_form_offers_their_own_language_first(report_factory):
    french, arabic = report_factory().report, report_factory().report
    Report.objects.filter(pk=french.pk).update(written_language="fr")
    Report.objects.filter(pk=arabic.pk).update(written_language="ar")

    french_page = open_mailbox(Client(), french).get("/mailbox/").content.decode()
    arabic_page = open_mailbox(Client(), arabic).get("/mailbox/").content.decode()

    assert '<option value="fr" selected>' in french_page
    assert '<option value="ar" selected>' in arabic_page
    assert '<option value="fr" selected>' not in arabic_page


def test_a_reply_sent_back_with_an_error_keeps_what_was_typed_beside_the_kept_forms(report_factory):
    report = report_factory().report
    client = open_mailbox(Client(), report)
    client.get("/mailbox/")  # the empty forms are kept

    page = client.post("/mailbox/", {"body": "When can we talk?", "written_language": "xx"})

    assert page.status_code == 400
    html = page.content.decode()
    assert "Please choose one of the languages in the list." in html
    assert "When can we talk?</textarea>" in html
