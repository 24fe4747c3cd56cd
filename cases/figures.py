"""Annual figures (the selector behind the coordinator's page and CSV, the racism report and the
staff transparency page). Counts only: no names, no references, no text, no single post.

Where the numbers come from: closed work from the anonymous statistics rows written at closure
(cases.report_statistics: `ReportStatistic` and `OutcomeStatistic` for cases, `ConcernStatistic` for
retaliation concerns, `AftercareStatistic` for each aftercare answer as it is given), which retention
never deletes, so a published year does not move; open work (reports not in a closed case, open cases,
open concerns) from the live records. Questions to the advice point are counted live, plus the year and
language each one deleted by retention left behind (`AdviceQuestionStatistic`). Willingness answers and
the counsellors' advice sessions are never deleted (a session loses only its sealed advice).
tests/cases/test_figures_after_retention.py runs retention over a closed year and compares every figure.

Reports are counted by the year they were received; investigations, findings and measures by the
year they are dated; findings and measures are counted per person concerned (one person can have more
than one measure); concerns about retaliation by the year they were raised, their measures by the
year taken; aftercare answers by the year given.

Small-count suppression happens here, before any number leaves this module: a count from 1 to 4 is
returned as "fewer than 5" (count None), and when a group (the cells that add up to a total) would
otherwise have one hidden cell that its total and the other cells give away, the smallest other
cell is hidden too (complementary suppression). Callers never see the raw tallies.
"""

from __future__ import annotations

import statistics as stats
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from django.db import models
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncDate
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from meldpunt import languages, spreadsheet
from meldpunt.accounts.models import Desk
from meldpunt.intake.models import Category, Channel, Report, WillingnessAnswer
from meldpunt.organisation.models import Post, Region

from .models import (
    AdviceQuestionStatistic,
    AftercareStatistic,
    Case,
    CaseState,
    ConcernMeasureStatistic,
    ConcernOutcome,
    ConcernStatistic,
    Finding,
    Instrument,
    Measure,
    OutcomeStatistic,
    PersonConcerned,
    PersonMeasure,
    ReportStatistic,
    RetaliationConcern,
    RetaliationMeasure,
)

SMALL = 5  # counts below this are shown as "fewer than 5"
RACISM = "racism_discrimination"

# figure -> its breakdowns, in the order they are shown. Every breakdown is a partition of the total.
FIGURES = {
    "reports": ["channel", "rijk_category", "category", "region", "post_kind", "language", "desk_language"],
    "advice_requests": ["rijk_category"],
    "advice_questions": ["language"],
    "cases_by_instrument": ["instrument"],
    "investigations": ["rijk_category"],
    "findings": ["finding"],
    "measures": ["measure"],
    "acknowledgement": ["outcome"],
    "feedback": ["outcome"],
    "retaliation_concerns": ["outcome"],
    "retaliation_measures": ["retaliation_measure"],
    "aftercare_answers": ["answer"],
    "willingness_report_again": ["willingness"],
    "willingness_felt_safe": ["willingness"],
}

FIGURE_LABELS = {
    "reports": lambda: _("Reports received"),
    "advice_requests": lambda: _("Advice requests to confidential counsellors"),
    "advice_questions": lambda: _("Questions to the advice point (any employee, anonymous or not)"),
    "cases_by_instrument": lambda: _("Cases per instrument"),
    "investigations": lambda: _("Investigations started"),
    "findings": lambda: _("Findings per person concerned"),
    "measures": lambda: _("Measures per person concerned"),
    "acknowledgement": lambda: _("Acknowledgement of receipt (legal deadline 7 days)"),
    "feedback": lambda: _("Feedback to the reporter (legal deadline 3 months)"),
    "median_days_to_feedback": lambda: _("Median days from receipt to feedback"),
    "retaliation_concerns": lambda: _("Concerns about retaliation"),
    "retaliation_measures": lambda: _("Measures taken for reporters who met retaliation"),
    "aftercare_answers": lambda: _("Aftercare answers: did the reporter meet consequences?"),
    "willingness_report_again": lambda: _("Reporters' answers: would you report again?"),
    "willingness_felt_safe": lambda: _("Reporters' answers: did you feel safe reporting?"),
}

BREAKDOWN_LABELS = {
    "": lambda: _("Total"),
    "channel": lambda: _("Channel"),
    "rijk_category": lambda: _("Rijk category"),
    "category": lambda: _("Category and subcategory"),
    "region": lambda: _("Region"),
    "post_kind": lambda: _("Type of post"),
    "language": lambda: _("Language written in"),
    "desk_language": lambda: _("Written in Dutch or English, or in another language"),
    "instrument": lambda: _("Instrument"),
    "finding": lambda: _("Finding"),
    "measure": lambda: _("Measure"),
    "outcome": lambda: _("Outcome"),
    "answer": lambda: _("Answer"),
    "willingness": lambda: _("Answer"),
    "retaliation_measure": lambda: _("Measure"),
}

OUTCOME_LABELS = {
    "in_time": lambda: _("Within the legal deadline"),
    "late": lambda: _("Later than the legal deadline"),
    "pending": lambda: _("Not yet (open)"),
    "open": lambda: _("Still being followed up"),
    "closed": lambda: _("Followed up and closed"),
    "substantiated": lambda: _("Retaliation substantiated"),
    "not_substantiated": lambda: _("Retaliation not substantiated"),
    "withdrawn": lambda: _("Withdrawn by the reporter"),
    "yes": lambda: _("Yes, consequences met"),
    "no": lambda: _("No consequences"),
}


def figure_label(figure: str) -> str:
    return FIGURE_LABELS[figure]()


@dataclass(frozen=True)
class Cell:
    figure: str
    breakdown: str  # "" for the figure's total
    key: str
    label: str
    count: int | None  # None: suppressed
    suppressed: str = ""  # "small" (1-4) or "complementary"

    @property
    def display(self) -> str:
        if self.count is not None:
            return str(self.count)
        return _("fewer than 5") if self.suppressed == "small" else _("not shown (would reveal a small number)")


@dataclass(frozen=True)
class Figures:
    year: int
    desks: tuple[str, ...]
    cells: list[Cell]
    median_days_to_feedback: int | None  # None when fewer than 5 reports had feedback

    def get(self, figure: str, breakdown: str = "", key: str = "") -> Cell | None:
        for cell in self.cells:
            if (cell.figure, cell.breakdown, cell.key) == (figure, breakdown, key):
                return cell
        return None

    def groups(self):
        """(figure, breakdown, cells) in display order."""
        grouped = defaultdict(list)
        for cell in self.cells:
            grouped[(cell.figure, cell.breakdown)].append(cell)
        for figure, breakdowns in FIGURES.items():
            for breakdown in ["", *breakdowns]:
                if (figure, breakdown) in grouped:
                    yield figure, breakdown, grouped[(figure, breakdown)]


# --- raw tallies (never returned) ------------------------------------------------------------------------


def _category_maps():
    by_id, by_code = {}, {}
    for category in Category.objects.select_related("parent"):
        rijk = category.parent if category.parent_id else category
        by_id[category.pk] = (category.code, rijk.code)
        by_code[category.code] = category
    return by_id, by_code


# How many reporters wrote in a language other than the desks' own (issue 14): the need for translators.
DESK_LANGUAGES = ("nl", "en")


def _desk_language(language: str) -> str:
    return "nl_en" if language in DESK_LANGUAGES else "other"


def _tally(*, desks: tuple[str, ...], year: int, only_category: str = "") -> tuple[dict, list[int]]:
    """figure -> breakdown -> Counter(key -> n); plus the days-to-feedback samples."""
    t: dict[str, dict[str, Counter]] = {f: {b: Counter() for b in ["", *bs]} for f, bs in FIGURES.items()}
    days: list[int] = []
    categories, _by_code = _category_maps()
    wanted = {only_category} if only_category else None

    def add(figure, n=1, **keys):
        t[figure][""][""] += n
        for breakdown, key in keys.items():
            t[figure][breakdown][key or "unknown"] += n

    # Closed work: the statistics rows, aggregated in the database.
    closed = ReportStatistic.objects.filter(desk__in=desks)
    if wanted:
        closed = closed.filter(category_code=only_category)
    report_fields = ("channel", "rijk_category_code", "category_code", "region_code", "post_kind", "language",
                     "acknowledged_in_time", "feedback_in_time")
    for row in closed.filter(year=year).values(*report_fields).annotate(n=Count("id")):
        add("reports", row["n"], channel=row["channel"], rijk_category=row["rijk_category_code"], category=row["category_code"],
            region=row["region_code"], post_kind=row["post_kind"], language=row["language"],
            desk_language=_desk_language(row["language"]))
        add("acknowledgement", row["n"], outcome="in_time" if row["acknowledged_in_time"] else "late")
        add("feedback", row["n"], outcome="in_time" if row["feedback_in_time"] else "late")
    days += [d for d in closed.filter(year=year, days_to_feedback__isnull=False).values_list("days_to_feedback", flat=True)]
    case_rows = closed.filter(counts_case=True)
    for instrument, n in case_rows.filter(year=year).exclude(instrument="").values_list("instrument").annotate(n=Count("id")):
        add("cases_by_instrument", n, instrument=instrument)
    for rijk, n in case_rows.filter(investigation_year=year).values_list("rijk_category_code").annotate(n=Count("id")):
        add("investigations", n, rijk_category=rijk)
    # Findings and measures per person concerned.
    outcomes = OutcomeStatistic.objects.filter(desk__in=desks, year=year)
    if wanted:
        outcomes = outcomes.filter(category_code=only_category)
    for kind, value, n in outcomes.values_list("kind", "value").annotate(n=Count("id")).order_by():
        add("findings" if kind == OutcomeStatistic.Kind.FINDING else "measures", n, **{kind: value})

    # Open work: live reports not in a closed case, and open cases.
    today = timezone.localdate()
    live = (
        Report.objects.filter(desk__in=desks, received_at__year=year).exclude(case_link__case__state=CaseState.CLOSED)
        .annotate(ack_outcome=_outcome_in_db("acknowledged_at", "acknowledgement_due", today),
                  fb_outcome=_outcome_in_db("feedback_given_at", "feedback_due", today))
    )
    for (channel, language, category_id, confirmed_id, region, kind, ack, fb, n) in live.values_list(
        "channel", "written_language", "category_id", "case_link__case__category_id", "post__region__code", "post__kind",
        "ack_outcome", "fb_outcome",
    ).annotate(n=Count("id")).order_by():
        code, rijk = categories[confirmed_id or category_id]
        if wanted and code not in wanted:
            continue
        add("reports", n, channel=channel, rijk_category=rijk, category=code, region=region, post_kind=kind, language=language,
            desk_language=_desk_language(language))
        add("acknowledgement", n, outcome=ack)
        add("feedback", n, outcome=fb)
    with_feedback = live.filter(feedback_given_at__isnull=False)
    if wanted:
        with_feedback = with_feedback.filter(Q(case_link__case__category__code=only_category)
                                             | Q(case_link__case__category__isnull=True, category__code=only_category))
    for fb_at, received in with_feedback.values_list("feedback_given_at", "received_at").iterator(chunk_size=5000):
        days.append(max((timezone.localdate(fb_at) - timezone.localdate(received)).days, 0))
    open_cases = Case.objects.filter(desk__in=desks).exclude(state=CaseState.CLOSED)
    if wanted:
        open_cases = open_cases.filter(category__code=only_category)
    for instrument, n in (
        open_cases.exclude(instrument="").annotate(first=Min("report_links__report__received_at"))
        .filter(first__year=year).values_list("instrument").annotate(n=Count("id", distinct=True))
    ):
        add("cases_by_instrument", n, instrument=instrument)
    for category_id, n in open_cases.filter(investigation_started_on__year=year).values_list("category_id").annotate(n=Count("id")):
        add("investigations", n, rijk_category=categories[category_id][1] if category_id else "unknown")
    open_persons = PersonConcerned.objects.filter(case__in=open_cases)
    for finding, n in open_persons.filter(finding_on__year=year).exclude(finding="").values_list("finding").annotate(n=Count("id")).order_by():
        add("findings", n, finding=finding)
    for measure, n in (
        PersonMeasure.objects.filter(person__case__in=open_cases, taken_on__year=year).values_list("measure").annotate(n=Count("id")).order_by()
    ):
        add("measures", n, measure=measure)

    _retaliation_and_aftercare(add, desks=desks, year=year, only_category=only_category)
    _advice_requests(add, year=year, desks=desks, categories=categories, only_category=only_category)
    if Desk.CCI in desks and not only_category:  # the advice point is the CCI's; a question has no category
        _advice_questions(add, year=year)
    if not only_category:  # each desk its own reporters' answers; those given before desks were recorded count with the CCI
        answers = WillingnessAnswer.objects.filter(Q(desk__in=desks) | Q(desk="") if Desk.CCI in desks else Q(desk__in=desks), year=year)
        for field, figure in (("would_report_again", "willingness_report_again"), ("felt_safe", "willingness_felt_safe")):
            for answer, n in answers.exclude(**{field: ""}).values_list(field).annotate(n=Count("id")):
                add(figure, n, willingness=answer)
    return t, days


def _retaliation_and_aftercare(add, *, desks, year, only_category) -> None:
    """Concerns about retaliation by the year they were raised: a closed one from its statistics row
    (written as it closed, kept after retention deletes the concern with its report), an open one from
    its live record; measures for reporters by the year taken, likewise; aftercare answers by the year
    given, from the row written with each answer."""
    concerns = ConcernStatistic.objects.filter(desk__in=desks, year=year)
    measures = ConcernMeasureStatistic.objects.filter(statistic__desk__in=desks, year=year)
    answers = AftercareStatistic.objects.filter(desk__in=desks, year=year)
    open_concerns = RetaliationConcern.objects.filter(desk__in=desks, closed_at__isnull=True)
    if only_category:
        concerns = concerns.filter(category_code=only_category)
        measures = measures.filter(statistic__category_code=only_category)
        answers = answers.filter(category_code=only_category)
        open_concerns = open_concerns.filter(
            Q(case__category__code=only_category)
            | (Q(case__isnull=True) | Q(case__category__isnull=True)) & Q(report__category__code=only_category))
    # Closed with its outcome ("closed" alone: closed before outcomes were recorded).
    for outcome, n in concerns.values_list("outcome").annotate(n=Count("id")).order_by():
        add("retaliation_concerns", n, outcome=outcome or "closed")
    still_open = open_concerns.filter(opened_at__year=year).count()
    if still_open:
        add("retaliation_concerns", still_open, outcome="open")
    taken = Counter(dict(measures.values_list("kind").annotate(n=Count("id")).order_by()))
    taken.update(dict(RetaliationMeasure.objects.filter(concern__in=open_concerns, taken_on__year=year)
                      .values_list("kind").annotate(n=Count("id")).order_by()))
    for kind, n in sorted(taken.items()):
        add("retaliation_measures", n, retaliation_measure=kind)
    for answer, n in answers.values_list("answer").annotate(n=Count("id")).order_by():
        add("aftercare_answers", n, answer=answer)


def _outcome_in_db(done: str, due: str, today):
    """In time, late (done late, or not done and overdue) or pending, worked out in the database."""
    day = TruncDate(done)
    return models.Case(
        models.When(Q(**{f"{done}__isnull": False}) & (Q(**{f"{due}__isnull": True}) | Q(**{f"{due}__gte": day})),
                    then=models.Value("in_time")),
        models.When(Q(**{f"{done}__isnull": False}) | Q(**{f"{due}__lt": today}), then=models.Value("late")),
        default=models.Value("pending"),
        output_field=models.CharField(),
    )


def _advice_requests(add, *, year, desks, categories, only_category) -> None:
    """The counsellors' advice sessions: the organisation's, counted with the CCI (their point of contact)."""
    if Desk.CCI not in desks:
        return
    from django.apps import apps

    try:
        AdviceSession = apps.get_model("vertrouwenspersonen", "AdviceSession")
    except LookupError:
        return
    sessions = AdviceSession.objects.filter(held_on__year=year)
    if only_category:
        sessions = sessions.filter(topic__code=only_category)
    for topic_id, n in sessions.values_list("topic_id").annotate(n=Count("id")):
        add("advice_requests", n, rijk_category=categories[topic_id][1])


def _advice_questions(add, *, year) -> None:
    """Questions to the advice point asked in the year (meldpunt/advice), by the language they were
    written in; those later turned into a report count here and, as reports, with the reports. Questions
    still kept are counted from their rows, those retention deleted from the count they left."""
    from meldpunt.advice.models import AdviceQuestion

    asked = Counter(dict(AdviceQuestion.objects.filter(asked_at__year=year).values_list("language").annotate(n=Count("id")).order_by()))
    # Those retention deleted left their year and language behind (cases.retention).
    asked.update(dict(AdviceQuestionStatistic.objects.filter(year=year).values_list("language").annotate(n=Count("id")).order_by()))
    for language, n in sorted(asked.items()):
        add("advice_questions", n, language=language)


# --- suppression -----------------------------------------------------------------------------------------


def _suppress(counts: dict[str, int]) -> dict[str, str]:
    """Which keys of one group (cells adding up to a shown total) are hidden, and why.

    Hidden cells must not be recoverable from the total and the shown cells: one hidden cell alone
    would be (total minus the rest), and so would several small ones whose sum leaves one possibility
    (all 1, or all 4). Then the smallest shown cell is hidden too. Where no shown cell is left, the key
    "" asks the caller to hide the total."""
    hidden = {key: "small" for key, n in counts.items() if 0 < n < SMALL}

    def revealing() -> bool:
        if not hidden:
            return False
        total = sum(counts[key] for key in hidden)
        only_small = all(why == "small" for why in hidden.values())
        return len(hidden) == 1 or (only_small and total in (len(hidden), (SMALL - 1) * len(hidden)))

    while revealing():
        others = sorted((n, key) for key, n in counts.items() if n > 0 and key not in hidden)
        if not others:
            hidden[""] = "complementary"
            break
        hidden[others[0][1]] = "complementary"
    return hidden


def category_labels() -> dict[str, str]:
    """Category code -> name, in the active language."""
    _ids, by_code = _category_maps()
    return {code: c.name for code, c in by_code.items()}


def _labels() -> dict[str, dict[str, str]]:
    _ids, by_code = _category_maps()
    language_names = {}
    for code in (language.code for language in languages.REGISTRY):
        try:
            language_names[code] = translation.get_language_info(code)["name_local"]
        except KeyError:
            language_names[code] = code
    return {
        "channel": {value: str(label) for value, label in Channel.choices},
        "rijk_category": {code: c.name for code, c in by_code.items()},
        "category": {code: c.name if not c.parent_id else f"{c.parent.name}: {c.name}" for code, c in by_code.items()},
        "region": dict(Region.objects.values_list("code", "name")),
        "post_kind": {value: str(label) for value, label in Post.Kind.choices},
        "language": language_names,
        "desk_language": {"nl_en": _("Dutch or English"), "other": _("Another language")},
        "instrument": {value: str(label) for value, label in Instrument.choices},
        "finding": {value: str(label) for value, label in Finding.choices},
        "measure": {value: str(label) for value, label in Measure.choices},
        "outcome": {key: label() for key, label in OUTCOME_LABELS.items()},
        "answer": {key: label() for key, label in OUTCOME_LABELS.items()},
        "willingness": {value: str(label) for value, label in WillingnessAnswer.Answer.choices},
        "retaliation_measure": {value: str(label) for value, label in RetaliationMeasure.Kind.choices},
    }


def _order(breakdown: str) -> list[str]:
    """Fixed keys always shown (zero included), in a stable order."""
    if breakdown == "channel":
        return list(Channel.values)
    if breakdown in ("rijk_category", "category"):
        _ids, by_code = _category_maps()
        codes = sorted(by_code.values(), key=lambda c: (c.rijk_category.position, c.position, c.code))
        return [c.code for c in codes if breakdown == "category" or not c.parent_id]
    if breakdown == "desk_language":
        return ["nl_en", "other"]
    if breakdown == "instrument":
        return list(Instrument.values)
    if breakdown == "finding":
        return list(Finding.values)
    if breakdown == "measure":
        return list(Measure.values)
    if breakdown == "retaliation_measure":
        return list(RetaliationMeasure.Kind.values)
    return []


OUTCOME_KEYS = {"acknowledgement": ["in_time", "late", "pending"], "feedback": ["in_time", "late", "pending"],
                "retaliation_concerns": [*ConcernOutcome.values, "open", "closed"], "aftercare_answers": ["no", "yes"],
                "willingness_report_again": ["yes", "unsure", "no"], "willingness_felt_safe": ["yes", "unsure", "no"]}


def annual_figures(*, desks, year: int, only_category: str = "") -> Figures:
    """The figures of a year for the given desks, suppressed. The one public way to read them."""
    desks = tuple(sorted(desks))
    tallies, days = _tally(desks=desks, year=year, only_category=only_category)
    labels = _labels()
    cells: list[Cell] = []
    for figure, breakdowns in FIGURES.items():
        total = tallies[figure][""][""]
        total_hidden = "small" if 0 < total < SMALL else ""
        group_cells: list[Cell] = []
        for breakdown in breakdowns:
            counts = tallies[figure][breakdown]
            keys = OUTCOME_KEYS.get(figure) or _order(breakdown)
            keys = keys + sorted(k for k in counts if k not in keys)
            full = {key: counts.get(key, 0) for key in keys}
            hidden = _suppress(full) if not total_hidden else {k: "small" for k, n in full.items() if n > 0}
            if hidden.pop("", None):
                total_hidden = total_hidden or "complementary"
            for key in keys:
                name = labels.get(breakdown, {}).get(key) or (_("Unknown") if key == "unknown" else key)
                group_cells.append(Cell(figure, breakdown, key, name, None if key in hidden else full[key], hidden.get(key, "")))
        if total_hidden == "complementary":  # another breakdown's shown cells would add up to the total
            group_cells = [replace(c, count=None, suppressed="complementary") if c.count else c for c in group_cells]
        cells.append(Cell(figure, "", "", figure_label(figure), None if total_hidden else total, total_hidden))
        cells += group_cells
    median = int(stats.median(days)) if len(days) >= SMALL else None
    return Figures(year=year, desks=desks, cells=cells, median_days_to_feedback=median)


# --- who may see which desks -----------------------------------------------------------------------------

ALL_DESKS = "all"
# What "all desks" means to the CCI coordinator: the integrity line, not the complaints committee.
INTEGRITY_DESKS = (Desk.CCI.value, Desk.EXTERNAL.value)


def desks_for_figures(*, user, scope: str) -> tuple[str, ...] | None:
    """A desk coordinator sees their own desk; the CCI coordinator (the organisation's central integrity
    coordinator) may also choose all integrity desks: anonymous, suppressed counts only. None: not allowed.

    The complaints committee is a desk of its own that no other desk sees into: its figures are its
    chair's alone here (they count, like every desk's, on the public transparency page)."""
    if not user.is_desk_coordinator:
        return None
    if scope == ALL_DESKS:
        return INTEGRITY_DESKS if user.desk == Desk.CCI else None
    return (user.desk,)


# --- output ----------------------------------------------------------------------------------------------

COLUMNS = ["year", "desks", "figure", "breakdown", "key", "label", "count", "previous_year"]


def figures_csv(*, figures: Figures, previous: Figures) -> str:
    """The figures as CSV, every cell through the one spreadsheet guard (no live formula in any separator)."""
    desks = "+".join(figures.desks)
    rows = [COLUMNS]
    for cell in figures.cells:
        before = previous.get(cell.figure, cell.breakdown, cell.key)
        rows.append([figures.year, desks, cell.figure, cell.breakdown, cell.key, cell.label, cell.display,
                     before.display if before else ""])
    rows.append([figures.year, desks, "median_days_to_feedback", "", "", figure_label("median_days_to_feedback"),
                 _median_display(figures), _median_display(previous)])
    return spreadsheet.csv_text(rows)


def _median_display(figures: Figures) -> str:
    return str(figures.median_days_to_feedback) if figures.median_days_to_feedback is not None else _("fewer than 5")
