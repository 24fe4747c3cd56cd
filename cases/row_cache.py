"""Rows of the staff inbox, rendered once and kept per process (issue 17: the rows were most of the
inbox's time).

A row is kept under a key made of every value it shows, with the reader's language, the time zone
and today's date (the "overdue" marks): a report whose status, acknowledgement, reply clock, category
or case changes has a new key, so a changed row is rendered afresh at once and nothing stale is ever
shown. What a row holds is the same for every reader who may see the report: reference, dates,
channel, language, category and status; never report text, names, or anything sealed. The case
column (with the handler's name) is rendered with the page, not kept.

Rows are only looked up for the reports the selector has just given the reader (desk_inbox), so a
kept row can never show a report to anyone who may not see it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from django.template.loader import get_template
from django.utils import timezone
from django.utils.translation import get_language

KEPT_ROWS = 4096  # about 2.5 MB a process at most: forty pages of fifty rows in each of two languages


class RowCache:
    """A small least-recently-used store, safe for gunicorn's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._rows: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get_or_render(self, key: tuple, render: Callable[[], str]) -> str:
        with self._lock:
            row = self._rows.get(key)
            if row is not None:
                self._rows.move_to_end(key)
                return row
        row = render()
        with self._lock:
            self._rows[key] = row
            self._rows.move_to_end(key)
            while len(self._rows) > self.size:
                self._rows.popitem(last=False)
        return row

    def clear(self) -> None:
        with self._lock:
            self._rows.clear()

    def __len__(self) -> int:
        return len(self._rows)


inbox_rows_kept = RowCache(KEPT_ROWS)


def inbox_rows(reports, *, today, report_url: str) -> list[tuple]:
    """(report, the row's first seven cells as HTML) for each report of an inbox page."""
    template = get_template("cases/_inbox_row.html")
    common = (get_language(), timezone.get_current_timezone_name(), today, report_url)
    rows = []
    for report in reports:
        key = (
            *common, report.pk, report.reference, report.received_at, report.acknowledged_at,
            report.acknowledgement_due, report.channel, report.language, report.category_id, str(report.category),
            report.status, report.reply_due,
        )
        context = {"report": report, "today": today, "report_url": report_url}
        rows.append((report, inbox_rows_kept.get_or_render(key, lambda context=context: template.render(context))))
    return rows
