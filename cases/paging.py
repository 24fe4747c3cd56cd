"""Pages of a list without counting the whole list.

An inbox of 100,000 reports costs a full count per page when Django's Paginator shows "page 1 of
2,000"; with need-to-know filters that count dominated the page. These pages read one row more than
they show, to know whether there is a next page, and so cost the same on any desk size.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class Page:
    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def page_of(queryset, number, per_page: int) -> Page:
    try:
        number = max(1, int(number or 1))
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return Page(object_list=rows[:per_page], number=number, has_next=len(rows) > per_page)


# --- keyset pages: as fast on page 900 as on page 1 ------------------------------------------------------


@dataclass(frozen=True)
class KeysetPage:
    """A page found from the last (or first) row of its neighbour instead of by counting rows from the
    top, so a deep page costs one index seek like the first. Links carry that row's key (`after` or
    `before`) and the page number, which is only shown."""

    object_list: list
    number: int
    has_next: bool
    has_previous: bool
    next_cursor: str = ""
    previous_cursor: str = ""

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def _cursor(row, field: str) -> str:
    return f"{getattr(row, field).isoformat()}~{row.pk}"


def _parse_cursor(value: str | None):
    from django.utils.dateparse import parse_datetime

    if not value or "~" not in value:
        return None
    moment, _sep, pk = value.partition("~")
    parsed = parse_datetime(moment)
    return (parsed, pk) if parsed is not None and pk else None


def keyset_page_of(queryset, params, per_page: int, *, field: str) -> KeysetPage:
    """Newest first by (`field`, pk). `params` is request.GET: `after`/`before` cursors and `page` (shown).
    A page asked by number alone (an old bookmark) is found by counting, as before."""
    try:
        number = max(1, int(params.get("page") or 1))
    except (TypeError, ValueError):
        number = 1
    newest_first = queryset.order_by(f"-{field}", "-pk")
    after, before = _parse_cursor(params.get("after")), _parse_cursor(params.get("before"))
    if not (after or before) and (params.get("after") or params.get("before")):
        number = 1  # a damaged link: the first page rather than an error or an empty page
    if after:
        moment, pk = after
        # A range on the indexed column (not an OR of two ranges), so the database seeks, then skips ties.
        rows = list(newest_first.filter(Q(**{f"{field}__lte": moment}) & ~Q(**{field: moment, "pk__gte": pk}))[: per_page + 1])
        has_next, has_previous = len(rows) > per_page, True
        rows = rows[:per_page]
    elif before:
        moment, pk = before
        older_first = queryset.order_by(field, "pk")
        rows = list(older_first.filter(Q(**{f"{field}__gte": moment}) & ~Q(**{field: moment, "pk__lte": pk}))[: per_page + 1])
        has_previous, has_next = len(rows) > per_page, True
        rows = rows[:per_page][::-1]
    else:
        start = (number - 1) * per_page
        rows = list(newest_first[start : start + per_page + 1])
        has_next, has_previous = len(rows) > per_page, number > 1
        rows = rows[:per_page]
    if not has_previous:
        number = 1
    return KeysetPage(
        object_list=rows, number=number, has_next=has_next, has_previous=has_previous,
        next_cursor=_cursor(rows[-1], field) if rows and has_next else "",
        previous_cursor=_cursor(rows[0], field) if rows and has_previous else "",
    )
