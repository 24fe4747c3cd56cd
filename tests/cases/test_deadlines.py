"""The legal clocks, table-tested."""

from datetime import date

import pytest

from cases import deadlines


@pytest.mark.parametrize(
    ("received", "acknowledged", "ack_due", "feedback_due"),
    [
        (date(2026, 1, 10), None, date(2026, 1, 17), date(2026, 4, 17)),
        (date(2026, 1, 10), date(2026, 1, 12), date(2026, 1, 17), date(2026, 4, 12)),
        (date(2026, 11, 28), None, date(2026, 12, 5), date(2027, 3, 5)),
        (date(2026, 11, 23), date(2026, 11, 30), date(2026, 11, 30), date(2027, 2, 28)),  # no 30 February
        (date(2027, 11, 30), date(2027, 11, 30), date(2027, 12, 7), date(2028, 2, 29)),  # leap year
    ],
)
def test_acknowledgement_in_7_days_and_feedback_in_3_months(received, acknowledged, ack_due, feedback_due):
    assert deadlines.acknowledgement_due(received) == ack_due
    assert deadlines.feedback_due(received=received, acknowledged=acknowledged) == feedback_due


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [(date(2026, 1, 31), 1, date(2026, 2, 28)), (date(2026, 10, 15), 3, date(2027, 1, 15)), (date(2026, 12, 31), 12, date(2027, 12, 31))],
)
def test_add_months(start, months, expected):
    assert deadlines.add_months(start, months) == expected
