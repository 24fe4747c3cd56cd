"""Figures that do not move: when a case closes, each of its reports leaves one anonymous
`ReportStatistic` row (confirmed category, channel, region and post type, language, year, instrument,
deadline performance), and each person concerned leaves one `OutcomeStatistic` row for their finding
and one for each of their measures (the Rijk figures count findings and measures per person). The annual figures count closed work from these rows and
open work from the live records, so retention can crypto-shred a report without changing last
year's published numbers. A reopened case takes its rows back; closing it again writes them anew.
Retaliation concerns and aftercare answers leave rows of their own (below), as each concern closes
and as each answer is given.

`statistic_values` only reads plain attributes, so the data migration that backfills closed cases
uses it with historical models.
"""

from __future__ import annotations

from django.utils import timezone


def _in_time(done_at, due) -> bool | None:
    if due is None:
        return None
    return done_at is not None and timezone.localdate(done_at) <= due


def statistic_values(*, report, case, counts_case: bool) -> dict:
    category = case.category if case.category_id else report.category
    rijk = category.parent if category.parent_id else category
    post = report.post
    received = timezone.localdate(report.received_at)
    days = (timezone.localdate(report.feedback_given_at) - received).days if report.feedback_given_at else None
    return {
        "case_id": case.pk,
        "counts_case": counts_case,
        "desk": report.desk,
        "year": received.year,
        "category_code": category.code,
        "rijk_category_code": rijk.code,
        "channel": report.channel,
        "region_code": post.region.code if post is not None else "",
        "post_kind": post.kind if post is not None else "",
        "language": report.written_language or report.language or "",
        "instrument": case.instrument or "",
        "investigation_year": case.investigation_started_on.year if case.investigation_started_on else None,
        "acknowledged_in_time": _in_time(report.acknowledged_at, report.acknowledgement_due),
        "feedback_in_time": _in_time(report.feedback_given_at, report.feedback_due),
        "days_to_feedback": max(days, 0) if days is not None else None,
    }


def write_for_case(*, case, Report, ReportStatistic) -> int:
    """Replace the case's rows by fresh ones (one per report; the first report carries the case)."""
    ReportStatistic.objects.filter(case_id=case.pk).delete()
    reports = Report.objects.filter(case_link__case_id=case.pk).select_related("category__parent", "post__region").order_by("received_at", "pk")
    rows = [ReportStatistic(**statistic_values(report=r, case=case, counts_case=i == 0)) for i, r in enumerate(reports)]
    ReportStatistic.objects.bulk_create(rows)
    return len(rows)


def outcome_values(*, case, persons) -> list[dict]:
    """One row per finding and per measure of the case's persons concerned (plain attributes only,
    so the data migration that carries single-outcome cases over can use it too)."""
    category = case.category if case.category_id else None
    code = category.code if category else "unknown"
    rijk = (category.parent if category.parent_id else category).code if category else "unknown"
    common = {"case_id": case.pk, "desk": case.desk, "category_code": code, "rijk_category_code": rijk}
    rows = []
    for person, measures in persons:
        if person.finding and person.finding_on:
            rows.append({**common, "kind": "finding", "value": person.finding, "year": person.finding_on.year})
        rows += [{**common, "kind": "measure", "value": m.measure, "year": m.taken_on.year} for m in measures]
    return rows


def statistics_record_closure(*, case) -> int:
    """Called inside case_transition's transaction when a case closes."""
    from meldpunt.intake.models import Report

    from .models import OutcomeStatistic, PersonConcerned, ReportStatistic

    OutcomeStatistic.objects.filter(case_id=case.pk).delete()
    persons = [(p, list(p.measures.all())) for p in PersonConcerned.objects.filter(case=case).prefetch_related("measures")]
    OutcomeStatistic.objects.bulk_create([OutcomeStatistic(**row) for row in outcome_values(case=case, persons=persons)])
    return write_for_case(case=case, Report=Report, ReportStatistic=ReportStatistic)


def statistics_withdraw(*, case) -> int:
    """Called when a closed case reopens: its figures count as open work again until it closes."""
    from .models import OutcomeStatistic, ReportStatistic

    OutcomeStatistic.objects.filter(case_id=case.pk).delete()
    deleted, _ = ReportStatistic.objects.filter(case_id=case.pk).delete()
    return deleted


# --- retaliation concerns and aftercare answers ------------------------------------------------------------
# A concern goes with its report when retention deletes it, and so does an aftercare check-in. Their
# figures are kept the same way: a concern leaves a `ConcernStatistic` row (with one
# `ConcernMeasureStatistic` row per measure taken for the reporter) when it is closed; an answer to a
# check-in leaves an `AftercareStatistic` row when it is given. Both functions below read plain
# attributes only, so the data migration that backfills them uses them with historical models.


def _category_codes(category) -> tuple[str, str]:
    if category is None:
        return "unknown", "unknown"
    rijk = category.parent if category.parent_id else category
    return category.code, rijk.code


def _report_category(*, report, case):
    return case.category if case is not None and case.category_id else report.category


def concern_statistic_values(*, concern, report, case, measures) -> tuple[dict, list[dict]]:
    """(the concern's row, one row per measure) of a closed concern."""
    code, rijk = _category_codes(_report_category(report=report, case=case))
    opened = timezone.localdate(concern.opened_at)
    row = {
        "concern_id": concern.pk,
        "desk": concern.desk,
        "year": opened.year,
        "category_code": code,
        "rijk_category_code": rijk,
        "assessed": concern.assessed_at is not None,
        "outcome": concern.outcome or "",
        "measures_taken": len(measures),
        "days_to_close": max((timezone.localdate(concern.closed_at) - opened).days, 0) if concern.closed_at else None,
        "acknowledged_in_time": _in_time(concern.acknowledged_at, concern.acknowledgement_due),
        "feedback_in_time": _in_time(concern.feedback_given_at, concern.feedback_due),
        # A concern closed with an outcome was closed by concern_close, which tells the reporter in the mailbox.
        "reporter_informed": bool(concern.outcome) and concern.feedback_given_at is not None,
    }
    return row, [{"kind": m.kind, "year": m.taken_on.year} for m in measures]


def write_for_concern(*, concern, ConcernStatistic, ConcernMeasureStatistic) -> None:
    """Replace the concern's rows by fresh ones (safe to run twice)."""
    ConcernStatistic.objects.filter(concern_id=concern.pk).delete()
    case = concern.case if concern.case_id else None
    row, measures = concern_statistic_values(concern=concern, report=concern.report, case=case, measures=list(concern.measures.all()))
    statistic = ConcernStatistic.objects.create(**row)
    ConcernMeasureStatistic.objects.bulk_create([ConcernMeasureStatistic(statistic=statistic, **m) for m in measures])


def statistics_record_concern_closure(*, concern) -> None:
    """Called inside concern_close's transaction."""
    from .models import ConcernMeasureStatistic, ConcernStatistic

    write_for_concern(concern=concern, ConcernStatistic=ConcernStatistic, ConcernMeasureStatistic=ConcernMeasureStatistic)


def aftercare_statistic_values(*, checkin, report, case) -> dict:
    code, _rijk = _category_codes(_report_category(report=report, case=case))
    return {"checkin_id": checkin.pk, "desk": report.desk, "year": timezone.localdate(checkin.answered_at).year,
            "answer": checkin.answer, "category_code": code}


def write_for_answer(*, checkin, report, case, AftercareStatistic) -> None:
    AftercareStatistic.objects.filter(checkin_id=checkin.pk).delete()
    AftercareStatistic.objects.create(**aftercare_statistic_values(checkin=checkin, report=report, case=case))


def statistics_record_aftercare_answer(*, checkin, report) -> None:
    """Called when the reporter answers a check-in (the desks hear intake's aftercare_answered)."""
    from .models import AftercareStatistic, Case

    case = Case.objects.select_related("category__parent").filter(report_links__report=report).first()
    write_for_answer(checkin=checkin, report=report, case=case, AftercareStatistic=AftercareStatistic)
