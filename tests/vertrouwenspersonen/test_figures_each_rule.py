"""The coordinator's anonymous figures, rule by rule: the eight quarters up to today, nothing from before
the first or after today, counts from 1 to 4 hidden (and one more where a single hidden count could be
worked out from the total), zero shown, topics with their main category first and retired ones last."""

import datetime

import pytest
from django.utils import translation

from meldpunt.intake.forms import categories_in_order
from meldpunt.intake.models import Category
from vertrouwenspersonen import selectors
from vertrouwenspersonen.models import ComplaintOutcome
from vertrouwenspersonen.selectors import Cell, Quarter, quarters_up_to, suppress_column

TODAY = datetime.date(2026, 11, 15)
EIGHT_QUARTERS = [Quarter(2025, q) for q in (1, 2, 3, 4)] + [Quarter(2026, q) for q in (1, 2, 3, 4)]


def cells(*values):
    return [Cell(v) for v in values]


def test_quarters_start_in_january_april_july_and_october():
    assert quarters_up_to(datetime.date(2026, 4, 1), 2) == [Quarter(2026, 1), Quarter(2026, 2)]
    assert quarters_up_to(datetime.date(2026, 1, 1), 2) == [Quarter(2025, 4), Quarter(2026, 1)]
    assert quarters_up_to(datetime.date(2026, 10, 31), 1) == [Quarter(2026, 4)]
    assert quarters_up_to(datetime.date(2026, 12, 31), 1) == [Quarter(2026, 4)]
    assert quarters_up_to(TODAY, 8) == EIGHT_QUARTERS


@pytest.mark.parametrize(
    ("values", "shown", "total"),
    [
        # A single 1 would follow from the total: the smallest other count is hidden with it.
        ([1, 7, 9], [None, None, 9], 17),
        # The smallest other count may be exactly the threshold.
        ([5, 7, 2], [None, 7, None], 14),
        ([0, 6, 3, 0], [0, None, None, 0], 9),
        # Two hidden counts cannot be worked out: nothing more is hidden.
        ([2, 3, 9], [None, None, 9], 14),
        # A total under the threshold hides the whole column; zero is still shown.
        ([1, 0, 2], [None, 0, None], None),
        ([0, 0], [0, 0], 0),
    ],
)
def test_small_counts_are_hidden_so_that_none_can_be_worked_out(values, shown, total):
    assert suppress_column(values) == (cells(*shown), Cell(total))


def test_complaint_figures_count_each_quarter_up_to_today_and_hide_one_to_four(make_complaint):
    make_complaint(datetime.date(2024, 12, 31), outcome=ComplaintOutcome.UPHELD)  # before the eight quarters
    make_complaint(datetime.date(2025, 1, 1), outcome=ComplaintOutcome.UPHELD)  # the first day counts
    for _i in range(4):
        make_complaint(datetime.date(2025, 2, 1))
    make_complaint(datetime.date(2025, 5, 1), outcome=ComplaintOutcome.NOT_UPHELD)
    for outcome in [ComplaintOutcome.UPHELD] * 3 + [ComplaintOutcome.PARTLY_UPHELD] * 2 + [ComplaintOutcome.NOT_UPHELD]:
        make_complaint(datetime.date(2026, 10, 20), outcome=outcome)
    make_complaint(TODAY + datetime.timedelta(days=1), outcome=ComplaintOutcome.UPHELD)  # after today: not yet

    with translation.override("en"):
        figures = selectors.complaint_figures(today=TODAY)
    assert figures.quarters == EIGHT_QUARTERS
    assert figures.threshold == 5
    assert figures.rows == [
        ("Complaints received", cells(5, None, 0, 0, 0, 0, 0, 6)),
        ("Upheld in whole or in part", cells(None, 0, 0, 0, 0, 0, 0, 5)),
    ]


def test_complaint_figures_without_any_complaint_show_zeros(db):
    figures = selectors.complaint_figures(today=TODAY, quarter_count=2)
    assert figures.quarters == [Quarter(2026, 3), Quarter(2026, 4)]
    assert [row for _label, row in figures.rows] == [cells(0, 0), cells(0, 0)]


@pytest.fixture
def topics(db, category):
    main = Category.objects.get(code="financial")
    child = next(c for c in categories_in_order() if c.parent_id)
    second_main = Category.objects.get(code="misuse_of_position")
    retired = Category.objects.create(code="retired_topic", name="Retired topic", name_en="Retired topic", position=999)
    return main, child, second_main, retired


def test_session_figures_per_topic_and_region_in_the_eight_quarters_up_to_today(
    profile, counsellor_user, log_session, topics, region
):
    main, child, second_main, retired = topics
    log_session(counsellor_user, held_on=datetime.date(2024, 12, 31), topic=main)  # before the eight quarters
    for day in range(5):
        log_session(counsellor_user, held_on=datetime.date(2025, 1, 1 + day), topic=retired)
    for day in range(6):
        log_session(counsellor_user, held_on=datetime.date(2026, 10, 1 + day), topic=main)
    log_session(counsellor_user, held_on=TODAY, topic=main)  # today counts
    log_session(counsellor_user, held_on=TODAY + datetime.timedelta(days=1), topic=main)  # after today: not yet
    for day in range(5):
        log_session(counsellor_user, held_on=datetime.date(2026, 11, 1 + day), topic=second_main)
    log_session(counsellor_user, held_on=datetime.date(2026, 12, 1) - datetime.timedelta(days=20), topic=child)
    Category.objects.filter(pk=retired.pk).update(is_active=False)

    with translation.override("en"):
        figures = selectors.session_figures(today=TODAY)
        labels = {c.pk: (f"— {c.name}" if c.parent_id else c.name) for c in categories_in_order()}
        retired.refresh_from_db()
        retired_label = retired.name
    assert figures.quarters == EIGHT_QUARTERS
    expected = {
        # The child's 1 is hidden, and with it the smallest other count of the quarter (5).
        labels[main.pk]: cells(0, 0, 0, 0, 0, 0, 0, 7),
        labels[second_main.pk]: cells(0, 0, 0, 0, 0, 0, 0, None),
        labels[child.pk]: cells(0, 0, 0, 0, 0, 0, 0, None),
        retired_label: cells(5, 0, 0, 0, 0, 0, 0, 0),
    }
    order = [labels[c.pk] for c in categories_in_order() if c.pk in (main.pk, child.pk, second_main.pk)]
    assert figures.by_topic.row_labels == [*order, "Retired topic"]
    assert not labels[main.pk].startswith("—") and labels[child.pk].startswith("— ")
    assert dict(figures.by_topic.labelled_rows) == expected
    assert figures.by_topic.totals == cells(5, 0, 0, 0, 0, 0, 0, 13)
    assert figures.by_region.row_labels == ["Middle East and North Africa"]
    assert figures.by_region.rows == [cells(5, 0, 0, 0, 0, 0, 0, 13)]
    assert figures.by_region.totals == cells(5, 0, 0, 0, 0, 0, 0, 13)


def test_session_figures_cover_eight_quarters_unless_asked_otherwise(db):
    assert len(selectors.session_figures(today=TODAY).quarters) == 8
    assert selectors.session_figures(today=TODAY, quarter_count=1).quarters == [Quarter(2026, 4)]
