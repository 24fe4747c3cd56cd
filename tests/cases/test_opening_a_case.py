"""Opening a case's page: the case comes with its handler, who opened and who assessed it, and its category,
so the page's header reads no more; and with whether it has notes, persons concerned and exclusions, so the
page reads only the lists that are not empty (and shows those that are not). Found by reference, typed
loosely, only by those who may see it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases import selectors, services
from cases.models import CaseExclusion, CaseState
from meldpunt.public_cache import reference_rows

from .conftest import person_with_outcome


def header(case):
    return (case.handler.get_username(), case.opened_by.get_username(), case.assessed_by.get_username(), str(case.category))


def test_a_case_comes_with_what_its_header_shows_and_no_query_more(team, case_in):
    coordinator = team["coordinator"]
    case = case_in(CaseState.ADDRESSING)  # assessed on the way
    services.case_assign(case=case, handler=team["handler"], actor=coordinator)
    reference_rows("intake.Category")  # kept once a process, not per page
    expected = ("sanne", "marieke", "marieke", str(case.category))
    for read in (selectors.case_for, selectors.case_for_page):
        found = read(coordinator, case.pk)
        with CaptureQueriesContext(connection) as reading:
            assert header(found) == expected
        assert reading.captured_queries == [], read.__name__


def test_the_case_page_knows_which_of_its_lists_are_empty(team, case_in):
    coordinator = team["coordinator"]
    full, bare = case_in(CaseState.TRIAGE), case_in(CaseState.TRIAGE)
    services.case_note_add(case=full, author=coordinator, body="A note.")
    person_with_outcome(full, coordinator)
    services.case_exclude(case=full, user=team["colleague"], actor=coordinator, reason=CaseExclusion.Reason.CONFLICT_OF_INTEREST)
    full_page, bare_page = selectors.case_for_page(coordinator, full.pk), selectors.case_for_page(coordinator, bare.pk)
    assert (full_page.has_notes, full_page.has_persons, full_page.has_exclusions) == (True, True, True)
    assert (bare_page.has_notes, bare_page.has_persons, bare_page.has_exclusions) == (False, False, False)
    # Only those who may see the case get it.
    assert selectors.case_for_page(team["colleague"], full.pk) is None
    assert selectors.case_for(team["colleague"], full.pk) is None
    assert selectors.case_for_page(team["external_coordinator"], bare.pk) is None
    assert selectors.case_for(coordinator, bare.pk).pk == bare.pk


def test_a_case_is_found_by_its_reference_typed_loosely_but_only_by_who_may_see_it(team, case_in):
    case = case_in(CaseState.RECEIVED)
    typed = f"  {case.reference.lower()} "
    assert selectors.case_by_reference(team["coordinator"], typed) == case
    assert selectors.case_by_reference(team["external_coordinator"], typed) is None
    assert selectors.case_by_reference(team["coordinator"], "CCI-0000-0000") is None


def test_the_report_page_knows_which_of_its_parts_exist_and_which_not(team, report_factory):
    from django.utils import timezone

    from cases.translating.models import TranslationRequest
    from meldpunt.intake import services as intake
    from meldpunt.intake.models import ForwardingConsent, ReceiptReissue
    from tests.conftest import make_translator

    coordinator = team["coordinator"]
    full, bare, used = (report_factory(narrative=f"The {n} report.", reporter_contact="r@example.org").report
                        for n in ("full", "bare", "used"))
    intake.mailbox_message_from_reporter(report=full, body="Is there news?")
    intake.report_addition_add(report=full, body="One more thing.", language="nl")
    intake.meeting_request(report=full, note="Could we talk?")
    intake.mailbox_join(actor=coordinator, later_report=report_factory().report, earlier_report=full, reason="Same reporter.")
    now = timezone.now()
    ReceiptReissue.objects.create(report=full, requested_at=now)
    ReceiptReissue.objects.create(report=used, requested_at=now, used_at=now)  # already used: nothing open
    ForwardingConsent.objects.create(report=full, requested_at=now, requested_by=coordinator)
    TranslationRequest.objects.create(report=full, desk="cci", source_kind="report", source_language="nl", target_language="en",
                                      source_sealed=b"sealed", requested_by=coordinator, requested_at=now, due_at=now,
                                      translator=make_translator("amal"))
    parts = ("has_messages", "has_joined", "has_meetings", "has_additions", "has_consents", "has_translations", "has_reissue")

    def flags(report):
        page = selectors.report_for_page(coordinator, report.pk)
        return {part: getattr(page, part) for part in parts}

    assert flags(full) == dict.fromkeys(parts, True)
    assert flags(bare) == dict.fromkeys(parts, False)
    assert flags(used) == dict.fromkeys(parts, False)
    # The page's report comes with its category and post (kept rows) and its case link, reading no more.
    reference_rows("intake.Category"), reference_rows("organisation.Post")
    page = selectors.report_for_page(coordinator, bare.pk)
    with CaptureQueriesContext(connection) as reading:
        str(page.category), str(page.post), getattr(page, "case_link", None)
    assert reading.captured_queries == []
    assert selectors.report_for_page(team["external_coordinator"], bare.pk) is None
