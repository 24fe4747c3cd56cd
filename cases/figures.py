"""Annual figures of a desk, as the Rijk integrity figures count them. Counts only: no names, no
references, no text; every row is one number with what it counts.

Reports are counted by the year they were received; investigations by the year they started;
findings and measures by the year they are dated. A report's category is the one the desk
confirmed in its case's assessment, or the one the reporter chose when there is none yet; figures
count it under its Rijk main category.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from meldpunt import spreadsheet
from meldpunt.intake.models import Category, Channel, Report
from meldpunt.organisation.models import Post

from .models import Case, Finding, Measure, RetainedFigure


@dataclass(frozen=True)
class Row:
    figure: str
    rijk_category: str = ""
    channel: str = ""
    post: str = ""
    measure: str = ""
    count: int = 0


COLUMNS = ["year", "desk", "figure", "rijk_category", "channel", "post", "measure", "count"]


def _rijk_names() -> dict[int, tuple[int, str]]:
    """Category id -> (position, name of its Rijk main category)."""
    return {c.pk: (c.rijk_category.position, c.rijk_category.name) for c in Category.objects.select_related("parent")}


def _by_rijk(counts: dict[int, int], names) -> list[tuple[str, int]]:
    totals: Counter = Counter()
    order = {}
    for category_id, count in counts.items():
        position, name = names[category_id]
        totals[name] += count
        order[name] = position
    return sorted(totals.items(), key=lambda item: order[item[0]])


def annual_figures(*, desk: str, year: int) -> list[Row]:
    names = _rijk_names()
    rows: list[Row] = []
    reports = Report.objects.filter(desk=desk, received_at__year=year)

    # Reports deleted after their retention period live on as anonymous counts (cases.retention).
    retained = list(RetainedFigure.objects.filter(desk=desk, year=year).values_list("category_code", "channel", "post_code", "reports"))
    category_ids = dict(Category.objects.filter(code__in={r[0] for r in retained}).values_list("code", "pk"))
    post_ids = dict(Post.objects.filter(code__in={r[2] for r in retained}).values_list("code", "pk"))
    rows.append(Row("reports", count=reports.count() + sum(r[3] for r in retained)))
    by_category = Counter(dict(
        reports.annotate(counted_category=Coalesce("case_link__case__category_id", "category_id"))
        .values_list("counted_category").annotate(n=Count("id")).values_list("counted_category", "n")
    ))
    for code, _channel, _post, n in retained:
        if code in category_ids:
            by_category[category_ids[code]] += n
    rows += [Row("reports", rijk_category=name, count=n) for name, n in _by_rijk(by_category, names)]
    by_channel = Counter(dict(reports.values_list("channel").annotate(n=Count("id")).values_list("channel", "n")))
    for _code, channel, _post, n in retained:
        by_channel[channel] += n
    rows += [Row("reports", channel=str(label), count=by_channel[value]) for value, label in Channel.choices if value in by_channel]
    by_post = Counter(dict(reports.values_list("post_id").annotate(n=Count("id")).values_list("post_id", "n")))
    for _code, _channel, post_code, n in retained:
        if post_code in post_ids:
            by_post[post_ids[post_code]] += n
    posts = {p.pk: p.name for p in Post.objects.filter(pk__in=by_post)}
    rows += [Row("reports", post=posts[pk], count=n) for pk, n in sorted(by_post.items(), key=lambda item: posts[item[0]])]

    cases = Case.objects.filter(desk=desk, category__isnull=False)
    investigations = dict(
        cases.filter(investigation_started_on__year=year).values_list("category_id").annotate(n=Count("id")).values_list("category_id", "n")
    )
    rows.append(Row("investigations", count=sum(investigations.values())))
    rows += [Row("investigations", rijk_category=name, count=n) for name, n in _by_rijk(investigations, names)]

    established = dict(
        cases.filter(finding=Finding.ESTABLISHED, finding_on__year=year)
        .values_list("category_id").annotate(n=Count("id")).values_list("category_id", "n")
    )
    rows.append(Row("breaches_established", count=sum(established.values())))
    rows += [Row("breaches_established", rijk_category=name, count=n) for name, n in _by_rijk(established, names)]

    measures = cases.filter(measure_on__year=year).values_list("category_id", "measure").annotate(n=Count("id"))
    per_measure: dict[str, dict[int, int]] = {}
    for category_id, measure, n in measures:
        per_measure.setdefault(measure, {})[category_id] = n
    for value, label in Measure.choices:
        counted = per_measure.get(value, {})
        rows.append(Row("measures", measure=str(label), count=sum(counted.values())))
        rows += [Row("measures", rijk_category=name, measure=str(label), count=n) for name, n in _by_rijk(counted, names)]

    rows += _deadline_rows(reports)
    return rows


def _deadline_rows(reports) -> list[Row]:
    """Acknowledged within 7 days, feedback within 3 months, for the reports received that year."""
    today = timezone.localdate()
    tally: Counter = Counter()
    for acknowledged_at, acknowledgement_due, feedback_given_at, feedback_due in reports.values_list(
        "acknowledged_at", "acknowledgement_due", "feedback_given_at", "feedback_due"
    ).iterator(chunk_size=5000):
        if acknowledged_at is not None:
            tally["acknowledged_in_time" if timezone.localdate(acknowledged_at) <= acknowledgement_due else "acknowledged_late"] += 1
        else:
            tally["acknowledgement_overdue" if acknowledgement_due < today else "acknowledgement_not_yet_due"] += 1
        if feedback_given_at is not None:
            tally["feedback_in_time" if timezone.localdate(feedback_given_at) <= feedback_due else "feedback_late"] += 1
        else:
            tally["feedback_overdue" if feedback_due < today else "feedback_not_yet_due"] += 1
    keys = [
        "acknowledged_in_time", "acknowledged_late", "acknowledgement_overdue", "acknowledgement_not_yet_due",
        "feedback_in_time", "feedback_late", "feedback_overdue", "feedback_not_yet_due",
    ]
    return [Row(f"deadline_{key}", count=tally[key]) for key in keys]


FIGURE_LABELS = {
    "reports": lambda: _("Reports received"),
    "investigations": lambda: _("Investigations started"),
    "breaches_established": lambda: _("Breaches established"),
    "measures": lambda: _("Measures"),
    "deadline_acknowledged_in_time": lambda: _("Acknowledged within 7 days"),
    "deadline_acknowledged_late": lambda: _("Acknowledged later than 7 days"),
    "deadline_acknowledgement_overdue": lambda: _("Not acknowledged, overdue"),
    "deadline_acknowledgement_not_yet_due": lambda: _("Not acknowledged, not yet due"),
    "deadline_feedback_in_time": lambda: _("Feedback within 3 months"),
    "deadline_feedback_late": lambda: _("Feedback later than 3 months"),
    "deadline_feedback_overdue": lambda: _("No feedback, overdue"),
    "deadline_feedback_not_yet_due": lambda: _("No feedback, not yet due"),
}


def figure_label(figure: str) -> str:
    return FIGURE_LABELS[figure]()


def figures_csv(*, desk: str, year: int, rows: list[Row]) -> str:
    return spreadsheet.csv_text(
        [COLUMNS] + [[year, desk, row.figure, row.rijk_category, row.channel, row.post, row.measure, row.count] for row in rows]
    )
