"""Server-side bar charts for the figures pages: plain numbers for an inline SVG, no scripts.

A hidden count (fewer than 5) gets no bar, only its words; the previous year is a lighter bar below.
"""

from __future__ import annotations

from dataclasses import dataclass

from .figures import BREAKDOWN_LABELS, figure_label

WIDTH = 300  # px of the longest bar
ROW = 34  # px per key: this year's bar, last year's bar, a gap


@dataclass(frozen=True)
class Bar:
    label: str
    y: int
    display: str
    width: int
    previous_display: str
    previous_width: int


def bars(cells, previous) -> tuple[list[Bar], int]:
    """(bars, svg height) for one group of cells, with the previous year's cells paired by key."""
    before = {cell.key: cell for cell in previous}
    counts = [c.count or 0 for c in cells] + [c.count or 0 for c in previous]
    top = max(counts + [1])
    result = []
    for i, cell in enumerate(cells):
        old = before.get(cell.key)
        result.append(Bar(
            label=cell.label, y=i * ROW, display=cell.display, width=round(WIDTH * (cell.count or 0) / top),
            previous_display=old.display if old else "", previous_width=round(WIDTH * ((old.count if old else 0) or 0) / top),
        ))
    return result, max(len(result) * ROW, ROW)


def figure_groups(figures, previous):
    """What the figures page and the transparency page draw: per figure and breakdown, a table and a chart."""
    groups = []
    for figure, breakdown, cells in figures.groups():
        earlier = [c for c in previous.cells if (c.figure, c.breakdown) == (figure, breakdown)]
        chart, height = bars(cells, earlier)
        groups.append({"figure": figure, "breakdown": breakdown, "title": figure_label(figure),
                       "breakdown_label": BREAKDOWN_LABELS[breakdown]() if breakdown else "", "cells": cells,
                       "rows": [(c, previous.get(figure, breakdown, c.key)) for c in cells],
                       "bars": chart, "height": height})
    return groups
