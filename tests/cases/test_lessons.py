"""Lessons learned at closure (issue 15 point 8, ISO 37002 "conclude"): optional, sealed, listed for
the coordinator per year without personal data, and kept when the case itself is gone."""

from django.utils import timezone

from cases import services
from cases.models import Case, CaseState, LessonLearned
from meldpunt.audit.models import AuditEvent

from .conftest import give_feedback, step_inputs

LESSON = "Posts need a second person to sign off payments above a threshold."


def close_with(case, actor, lessons=""):
    give_feedback(case, actor)
    return services.case_transition(case=case, transition="close", actor=actor, lessons=lessons, **step_inputs("close"))


def test_a_handler_writes_a_lesson_at_closure_and_the_coordinator_reads_it_per_year(case_in, team, client_for):
    coordinator = team["coordinator"]
    case = close_with(case_in(CaseState.DECIDED), coordinator, lessons=LESSON)
    close_with(case_in(CaseState.DECIDED), coordinator)  # optional: no lesson, no row
    lesson = LessonLearned.objects.get()
    assert LESSON.encode() not in bytes(lesson.text_sealed) and lesson.unseal("text") == LESSON
    assert (lesson.desk, lesson.year, lesson.instrument) == ("cci", timezone.localdate().year, "conversation")

    page = client_for(coordinator).get(f"/staff/desk/lessons/?year={timezone.localdate().year}")
    text = page.content.decode()
    assert page.status_code == 200 and LESSON in text
    assert case.reference not in text  # no reference; no author either (the model has none)
    assert AuditEvent.objects.filter(action="lessons.read").exists()
    # Another year: none. The external desk's coordinator does not see the CCI's lessons.
    assert LESSON not in client_for(coordinator).get(f"/staff/desk/lessons/?year={timezone.localdate().year - 1}").content.decode()
    assert LESSON not in client_for(team["external_coordinator"]).get(f"/staff/desk/lessons/?year={timezone.localdate().year}").content.decode()
    # A bad year keeps the page, says what is wrong.
    assert client_for(coordinator).get("/staff/desk/lessons/?year=abc").status_code == 400

    # The lesson outlives the case (retention removes cases; the lesson has its own key, no link left).
    Case.objects.filter(pk=case.pk).delete()
    assert LessonLearned.objects.get().unseal("text") == LESSON


def test_the_closing_step_offers_the_lessons_field(case_in, team, client_for):
    case = case_in(CaseState.DECIDED)
    page = client_for(team["coordinator"]).get(f"/staff/desk/cases/{case.pk}/step/close/").content.decode()
    assert 'name="lessons"' in page
