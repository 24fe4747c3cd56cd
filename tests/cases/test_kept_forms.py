"""The report and case pages keep their empty forms rendered per process (cases/kept_forms.py). A kept
form is the same HTML as a fresh rendering, with its own one-time token; a form whose choices, value or
language change is rendered afresh; a form holding typed text or errors is never kept."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django.utils.translation import override

from cases import kept_forms, services
from cases.forms import AssignForm, CaseOpenForm, ExclusionForm, MailboxJoinForm, MoveProposalForm, NoteForm
from cases.translating.forms import HeldReplyForm
from meldpunt.accounts.models import User
from tests.conftest import make_translator


@pytest.fixture(autouse=True)
def no_forms_kept_from_other_tests():
    kept_forms.forms_kept.clear()
    yield
    kept_forms.forms_kept.clear()


def token_of(html: str) -> str:
    return re.search(r'name="form_token" value="([0-9a-f]+)"', html).group(1)


def every_form(report, case):
    staff = User.objects.filter(is_active=True).order_by("username")
    return [
        HeldReplyForm(initial={"written_language": "ar"}), CaseOpenForm(), MailboxJoinForm(), MoveProposalForm(report=report),
        NoteForm(), AssignForm(handlers=staff, initial={"handler": case.handler_id}), ExclusionForm(staff=staff),
    ]


@pytest.mark.parametrize("language", ["en", "ar", "nl"])
def test_a_kept_form_is_what_django_renders(language, team, report_factory):
    make_translator("amira")
    report = report_factory().report
    case = services.case_open(report=report, actor=team["coordinator"])
    with override(language):
        for first, second in zip(every_form(report, case), every_form(report, case), strict=True):
            fresh = str(first.as_div())
            assert str(kept_forms.render_kept(first)) == fresh  # rendered and kept
            again = str(kept_forms.render_kept(second))  # read from the kept renderings
            if "form_token" in second.fields:
                assert token_of(again) == second.initial["form_token"] != first.initial["form_token"]
                again = again.replace(second.initial["form_token"], first.initial["form_token"])
            assert again == fresh
    assert len(kept_forms.forms_kept) == 7


def test_two_staff_members_never_get_the_same_token(team, report_factory, client_for):
    report = report_factory().report
    tokens = set()
    for who in ("handler", "colleague", "coordinator"):
        page = client_for(team[who]).get(f"/staff/desk/reports/{report.pk}/").content.decode()
        tokens.update(re.findall(r'name="form_token" value="([0-9a-f]+)"', page))
    assert len(tokens) == 3


def test_a_new_translator_is_offered_at_once(team, report_factory, client_for):
    report = report_factory().report
    client = client_for(team["handler"])
    assert "amira" not in client.get(f"/staff/desk/reports/{report.pk}/").content.decode()
    make_translator("amira")
    assert "amira" in client.get(f"/staff/desk/reports/{report.pk}/").content.decode()


def test_an_excluded_colleague_leaves_the_assign_list_at_once(team, report_factory, client_for):
    report = report_factory().report
    case = services.case_open(report=report, actor=team["coordinator"])
    client = client_for(team["coordinator"])

    def assignable():
        page = client.get(f"/staff/desk/cases/{case.pk}/").content.decode()
        select = re.search(r'<select name="handler".*?</select>', page, re.S).group(0)
        return set(re.findall(r"\((\w+)\)</option>", select))

    assert {"sanne", "youssef"} <= assignable()
    services.case_exclude(case=case, user=team["colleague"], reason="conflict_of_interest", actor=team["coordinator"])
    assert "youssef" not in assignable() and "sanne" in assignable()


def test_the_proposed_due_time_moves_on(team, report_factory, monkeypatch):
    """The reply form proposes a due time 48 hours ahead, to the minute: a later minute is a new rendering."""
    here = ZoneInfo("Europe/Amsterdam")
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 12, 2, 9, 30, tzinfo=here))
    first = str(kept_forms.render_kept(HeldReplyForm()))
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 12, 2, 9, 30, tzinfo=here) + timedelta(minutes=1))
    later = str(kept_forms.render_kept(HeldReplyForm()))
    assert 'value="2026-12-04T09:30"' in first and 'value="2026-12-04T09:31"' in later
    assert len(kept_forms.forms_kept) == 2


def test_typed_text_and_errors_are_never_kept():
    sent_back = NoteForm(data={"body": "  ", "form_token": "abc"})
    assert not sent_back.is_valid()
    html = str(kept_forms.render_kept(sent_back))
    assert "errorlist" in html
    with_text = MoveProposalForm(initial={"reasons": "The handler knows the person concerned."})
    assert "The handler knows the person concerned." in str(kept_forms.render_kept(with_text))
    typed = MailboxJoinForm(data={"earlier": "M-2026-00001"})
    assert "M-2026-00001" in str(kept_forms.render_kept(typed))
    assert len(kept_forms.forms_kept) == 0


def test_the_reply_form_follows_the_reader_s_language(team, report_factory, client_for):
    report = report_factory().report
    client = client_for(team["handler"])
    assert "Message to the reporter" in client.get(f"/staff/desk/reports/{report.pk}/").content.decode()
    client.cookies["django_language"] = "nl"
    page = client.get(f"/staff/desk/reports/{report.pk}/").content.decode()
    assert "Message to the reporter" not in page and "Bericht aan de melder" in page


@pytest.mark.django_db
def test_a_choice_list_from_the_database_is_read_once_kept_or_not():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_translator("amira")
    for _round in ("rendered and kept", "read from the kept renderings"):
        with CaptureQueriesContext(connection) as queries:
            html = str(kept_forms.render_kept(HeldReplyForm()))
        assert "amira" in html
        assert len(queries.captured_queries) == 1 and "COUNT(" not in queries.captured_queries[0]["sql"], _round
