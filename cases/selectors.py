"""Need-to-know, in one place: every staff read of reports and cases starts here.

- A desk sees only its own reports and cases; the other desk sees none of them.
- Staff excluded from a case (named in a report, conflict of interest) see neither the case nor its
  reports.
- A coordinator sees every case of the desk; a handler sees the cases assigned to them and those not
  yet assigned. A report not yet in a case is visible to the whole desk (someone must acknowledge it).
"""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from meldpunt.accounts.models import DESK_OF_ROLE, User
from meldpunt.intake.models import MailboxMessage, Meeting, Minutes, Report
from meldpunt.parts import Part, with_parts
from meldpunt.public_cache import with_category_and_post, with_kept_rows

from .models import Case, CaseExclusion, CaseNote, CaseReport, CaseState, CaseStatusChange


def cases_visible_to(user) -> QuerySet[Case]:
    if not (user.is_authenticated and user.is_desk_staff):
        return Case.objects.none()
    cases = Case.objects.filter(desk=user.desk).exclude(
        Exists(CaseExclusion.objects.filter(case=OuterRef("pk"), user=user))
    )
    if not user.is_desk_coordinator:
        cases = cases.filter(Q(handler=user) | Q(handler__isnull=True)).exclude(
            Exists(CaseReport.objects.filter(case=OuterRef("pk"), report__desk_involved=True, report__desk_involvement_cleared_at__isnull=True))
        )
    return cases


def reports_visible_to(user) -> QuerySet[Report]:
    """The reports of the user's own desk, minus those in cases the user may not see.

    The same rules as cases_visible_to, written on the report's own join to its case: the inbox
    reads its page in index order and checks each row, instead of first listing every visible case.
    """
    if not (user.is_authenticated and user.is_desk_staff):
        return Report.objects.none()
    excluded = Exists(CaseExclusion.objects.filter(case_id=OuterRef("case_link__case_id"), user=user))
    visible_case = ~excluded
    reports = Report.objects.filter(desk=user.desk)
    if not user.is_desk_coordinator:
        visible_case &= Q(case_link__case__handler=user) | Q(case_link__case__handler__isnull=True)
        # Early exclusion: a report that names someone at the desk waits for the coordinator.
        reports = reports.exclude(desk_involved=True, desk_involvement_cleared_at__isnull=True)
    return reports.filter(Q(case_link__isnull=True) | visible_case)


INBOX_FILTERS = {
    "all": Q(),
    # NOT EXISTS rather than "no joined row": PostgreSQL estimates it well and keeps reading the index.
    "new": ~Exists(CaseReport.objects.filter(report=OuterRef("pk"))),
    "unacknowledged": Q(acknowledged_at__isnull=True),
    # The reporter wrote, asked or answered and the desk has not replied yet.
    "awaiting": Q(reply_due__isnull=False),
}


INBOX_COLUMNS = (
    "id", "reference", "received_at", "acknowledged_at", "acknowledgement_due", "channel", "language", "category",
    "status", "reply_due",
)


def desk_inbox(user, *, show: str = "all") -> QuerySet[Report]:
    return (
        reports_visible_to(user)
        .filter(INBOX_FILTERS.get(show, Q()))
        # Categories are few and translated (modeltranslation makes each instance costly): fetched once per
        # page and shared by the rows, rather than one instance per row. The inbox shows no post.
        .prefetch_related("category")
        # Only the columns a row shows (and the cursor's): not the sealed texts and keys of fifty reports.
        .only(*INBOX_COLUMNS)
        # The case columns come along as plain values: no per-row lookups, no missing-relation errors.
        .annotate(
            linked_case_id=F("case_link__case_id"),
            linked_case_reference=F("case_link__case__reference"),
            linked_case_handler=F("case_link__case__handler__username"),
        )
        .order_by("-received_at")
    )


def _with_reports(cases: QuerySet[Case]) -> QuerySet[Case]:
    # What the case lists show of each report: reference, language and reply clock (the ids always come along).
    links = CaseReport.objects.select_related("report").only(
        "case_id", "report__reference", "report__language", "report__reply_due"
    )
    return cases.select_related("handler").prefetch_related("category", Prefetch("report_links", queryset=links))


def _by_deadline(cases: QuerySet[Case]) -> QuerySet[Case]:
    # Ascending dates put what is overdue first, then what falls due soonest; nothing due comes last.
    return cases.order_by("deadline_order", "reference")


def handler_worklist(user) -> QuerySet[Case]:
    """The open cases assigned to the user, overdue first."""
    return _by_deadline(_with_reports(cases_visible_to(user).filter(handler=user).exclude(state=CaseState.CLOSED)))


DESK_CASE_FILTERS = {
    "open": ~Q(state=CaseState.CLOSED),
    "unassigned": Q(handler__isnull=True) & ~Q(state=CaseState.CLOSED),
    "closed": Q(state=CaseState.CLOSED),
    "all": Q(),
}


def desk_cases(user, *, show: str = "open") -> QuerySet[Case]:
    """Every case of the coordinator's desk (minus any they are excluded from), overdue first."""
    return _by_deadline(_with_reports(cases_visible_to(user).filter(DESK_CASE_FILTERS.get(show, Q()))))


def report_for_page(user, report_id) -> Report | None:
    """A report the user may see, for its page: with its category, post and case link, and whether
    it has messages, meetings, additions, consents, translations, joined reports or an open request
    for a new code (has_messages ...). The page reads only the parts that exist: one statement
    (meldpunt/parts.py) instead of seven empty queries, each of which would repeat the need-to-know
    filters. What exists is still read through the visibility checks as before."""
    # Category and post from the rows each process keeps: joined, they were over a hundred columns to build.
    report = with_category_and_post(reports_visible_to(user).select_related("case_link").filter(pk=report_id).first())
    return with_parts(report, {
        "messages": Part("messages"),
        "joined": Part("joined_reports"),
        "meetings": Part("meetings"),
        "additions": Part("additions"),
        "consents": Part("forwarding_consents"),
        "translations": Part("translation_requests"),
        "reissue": Part("receipt_reissues", used_at=None),
    })


def _with_kept_category(case: Case | None) -> Case | None:
    return with_kept_rows(case, category="intake.Category")


def case_for(user, case_id) -> Case | None:
    return _with_kept_category(cases_visible_to(user).select_related("handler", "opened_by", "assessed_by").filter(pk=case_id).first())


def case_for_page(user, case_id) -> Case | None:
    """A case the user may see, for its page: with whether it has notes, persons concerned or
    exclusions (has_notes ...), so that the page reads only the lists that are not empty."""
    case = _with_kept_category(cases_visible_to(user).select_related("handler", "opened_by", "assessed_by").filter(pk=case_id).first())
    return with_parts(case, {"notes": Part("notes"), "persons": Part("persons"), "exclusions": Part("exclusions")})


def case_by_reference(user, reference: str) -> Case | None:
    return cases_visible_to(user).filter(reference__iexact=reference.strip()).first()


def case_reports(case: Case) -> list[Report]:
    # The case page shows each report's reference, dates and language, not its category or post: no joins.
    return list(Report.objects.filter(case_link__case=case).order_by("received_at"))


def case_history(case: Case) -> list[CaseStatusChange]:
    # Read through the case: Django gives each change the case itself (to unseal the reason), no join needed.
    return list(case.history.select_related("by").order_by("at"))


def step_just_taken_by(case: Case, transition: str, user, *, seconds: int = 60) -> bool:
    """Whether the case's latest change is this very step by this user, moments ago (a double submit)."""
    from datetime import timedelta

    from django.utils import timezone

    latest = case.history.order_by("-at").first()
    return bool(
        latest and latest.transition == transition and latest.by_id == user.pk
        and latest.at >= timezone.now() - timedelta(seconds=seconds)
    )


def case_notes(case: Case) -> list[CaseNote]:
    # Read through the case: each note has the case at hand to unseal its body, no join needed.
    return list(case.notes.select_related("author").order_by("written_at"))


def case_persons(case: Case) -> list[tuple]:
    """The persons concerned of a case (already checked visible), each with their measures."""
    from .models import PersonConcerned

    persons = PersonConcerned.objects.filter(case=case).select_related("case").prefetch_related("measures").order_by("number")
    return [(person, list(person.measures.all())) for person in persons]


def instrument_entries(case: Case):
    """The record of the case's instruments (already checked visible), oldest first."""
    from .models import InstrumentEntry

    return list(InstrumentEntry.objects.filter(case=case).select_related("case", "person", "recorded_by").order_by("recorded_at"))


def instrument_entry_facts(case: Case) -> list[tuple]:
    """(instrument, kind, person id, detail) of every entry: what the workflow checks, no text."""
    from .models import InstrumentEntry

    return list(InstrumentEntry.objects.filter(case=case).values_list("instrument", "kind", "person_id", "detail"))


def lessons_of_desk(*, desk: str, year: int):
    """Lessons learned at closure for one desk and year (no case, no author: what the list shows)."""
    from .models import LessonLearned

    # The columns the list reads (the id always comes along); desk and year are the filter, not shown.
    return LessonLearned.objects.filter(desk=desk, year=year).only(
        "rijk_category_code", "instrument", "text_sealed", "wrapped_key", "written_at"
    ).order_by("written_at")


def case_exclusions(case: Case) -> list[CaseExclusion]:
    # The page names who is excluded, not who excluded them.
    return list(case.exclusions.select_related("user").order_by("excluded_at"))


def desk_staff(desk: str) -> QuerySet[User]:
    roles = [role for role, role_desk in DESK_OF_ROLE.items() if role_desk == desk]
    return User.objects.filter(role__in=roles, is_active=True).order_by("username")


def desk_coordinator_emails(desk: str, *, but: User | None = None) -> list[str]:
    """Where content-free alerts for the desk's coordinators go (leaving out `but`, e.g. who asked)."""
    staff = desk_staff(desk).exclude(email="")
    if but is not None:
        staff = staff.exclude(pk=but.pk)
    return [u.email for u in staff if u.is_desk_coordinator]


def assignable_handlers(case: Case) -> QuerySet[User]:
    return desk_staff(case.desk).exclude(case_exclusions__case=case)


def excludable_staff(case: Case) -> QuerySet[User]:
    return desk_staff(case.desk).exclude(case_exclusions__case=case)


def report_meetings(report: Report) -> list[Meeting]:
    """The report's meetings with every version of their minutes (for the desk)."""
    versions = Minutes.objects.select_related("written_by", "report").order_by("version")
    # Read through the report, each meeting has it at hand (to unseal its note): no join. The versions
    # come through the meeting, so they need their report joined.
    return list(report.meetings.prefetch_related(Prefetch("versions", queryset=versions)).order_by("created_at"))


def report_standard_messages_sent(report: Report) -> set[str]:
    return set(
        report.messages.filter(direction=MailboxMessage.Direction.TO_REPORTER).exclude(kind="").values_list("kind", flat=True)
    )


def report_deadline_changes(report):
    """The extensions, suspensions and resumptions of a report's clocks, oldest first. Read through the
    report, so each change has it at hand to unseal its reason (not one query more per change)."""
    return report.deadline_changes.select_related("by").order_by("at")


OVERVIEW_ROWS = 25


def deadline_overview(user) -> dict:
    """What the coordinator's overview shows for their desk: the open legal clocks soonest first,
    suspended clocks, open retaliation concerns, reminders recently sent, and failed task runs.
    A fixed number of queries, each reading an index. Failed runs are shared by both desks: they show
    the task, the kind of error and the run's id, not its arguments (ids of the other desk's reports)."""
    from .models import SentReminder, TaskFailure

    desk = user.desk
    reports = reports_visible_to(user).filter(clocks_suspended_at__isnull=True)
    columns = ("pk", "reference", "acknowledgement_due", "feedback_due", "case_link__case__reference", "case_link__case__handler__username")
    return {
        "acknowledgement": list(reports.filter(acknowledged_at__isnull=True).order_by("acknowledgement_due", "pk").values(*columns)[:OVERVIEW_ROWS]),
        "feedback": list(reports.filter(feedback_given_at__isnull=True).order_by("feedback_due", "pk").values(*columns)[:OVERVIEW_ROWS]),
        "suspended": list(
            reports_visible_to(user).filter(clocks_suspended_at__isnull=False).order_by("clocks_suspended_at").values("pk", "reference", "clocks_suspended_at")[:OVERVIEW_ROWS]
        ),
        "concerns": list(
            concerns_visible_to(user).filter(closed_at__isnull=True).select_related("case", "report").order_by("acknowledgement_due")[:OVERVIEW_ROWS]
        ),
        "sent": list(SentReminder.objects.filter(desk=desk, sent_at__isnull=False).order_by("-sent_at", "-pk")[:50]),
        "failures": list(TaskFailure.objects.order_by("-failed_at", "-pk")[:25]),
    }


def concerns_visible_to(user):
    """Retaliation concerns of the user's own desk."""
    from .models import RetaliationConcern

    if not (user.is_authenticated and user.is_desk_staff):
        return RetaliationConcern.objects.none()
    return RetaliationConcern.objects.filter(desk=user.desk)
