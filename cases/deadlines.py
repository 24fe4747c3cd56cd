"""The legal clocks, as pure functions (EU Directive 2019/1937, Wet bescherming klokkenluiders).

Acknowledge within 7 days of receipt; give feedback within 3 months of the acknowledgement, or of
the end of those 7 days when no acknowledgement was sent. Dates are calendar dates in the portal's
time zone; the results are stored on the report when computed.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

ACKNOWLEDGEMENT_DAYS = 7
FEEDBACK_MONTHS = 3


def add_months(start: date, months: int) -> date:
    """Same day of the month `months` later; the last day of the month where that day does not exist."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def acknowledgement_due(received: date) -> date:
    return received + timedelta(days=ACKNOWLEDGEMENT_DAYS)


def feedback_due(*, received: date, acknowledged: date | None) -> date:
    start = acknowledged if acknowledged is not None else acknowledgement_due(received)
    return add_months(start, FEEDBACK_MONTHS)


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days (Monday to Friday) after `start`; public holidays are not counted
    out, so at worst the desk is reminded a day early."""
    day, left = start, days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def reply_due(since: date, working_days: int) -> date:
    """When the desk should have answered a reporter who wrote (or asked, or answered) on `since`."""
    return add_working_days(since, working_days)


def resumed_due(due: date, *, suspended_on: date, resumed_on: date) -> date:
    """A due date after a suspension: moved on by the days the clock stood still."""
    return due + timedelta(days=max(0, (resumed_on - suspended_on).days))


def reminder_dates(due: date, offsets_days: tuple[int, ...]) -> list[tuple[int, date]]:
    """(offset, the day that reminder is due) for each offset in days before `due`."""
    return [(offset, due - timedelta(days=offset)) for offset in offsets_days]


def reminder_step_due(due: date, *, offset_days: int, today: date) -> bool:
    """A reminder `offset_days` before `due` is due from that day until the deadline itself; after
    the deadline only the overdue alert is still useful."""
    return due - timedelta(days=offset_days) <= today <= due
