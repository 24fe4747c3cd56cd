"""Figures that do not move: when a case closes, each of its reports leaves one anonymous
`ReportStatistic` row (confirmed category, channel, region and post type, language, year, instrument,
deadline performance), and each person concerned leaves one `OutcomeStatistic` row for their finding
and one for each of their measures (the Rijk figures count findings and measures per person). The annual figures count closed work from these rows and
open work from the live records, so retention can crypto-shred a report without changing last
year's published numbers. A reopened case takes its rows back; closing it again writes them anew.

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
