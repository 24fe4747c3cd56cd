"""Pages of a list without counting the whole list.

An inbox of 100,000 reports costs a full count per page when Django's Paginator shows "page 1 of
2,000"; with need-to-know filters that count dominated the page. These pages read one row more than
they show, to know whether there is a next page, and so cost the same on any desk size.
"""

from __future__ import annotations

from dataclasses import dataclass


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
