"""CSV exports that a spreadsheet opens as text, never as formulas (OWASP "CSV injection").

A cell is neutralised with a leading apostrophe wherever a spreadsheet could start a new cell: at
its start, and after any character some locale uses as list separator or line break (`,` `;` TAB `|`,
CR, LF). Dutch Excel splits on `;`, so `x;=HYPERLINK(...)` must not yield a cell `=HYPERLINK(...)`.
Bidi controls are shown as marks (see meldpunt.bidi). Every cell is also quoted, so a spreadsheet that honours quotes sees one cell whatever its separator.
"""

import csv
import io
import re
from collections.abc import Iterable

from meldpunt import bidi

# A formula trigger at the start or after a separator, with blanks or quotes in between.
_TRIGGER = re.compile(r"(^|[,;\t\r\n|])([\s\"]*)(?=[=+\-@])")


def csv_cell(value) -> str:
    value = _TRIGGER.sub(r"\1\2'", bidi.neutralise(str(value)))
    return "'" + value if value[:1] in ("\t", "\r") else value


def csv_writer(file):
    """A csv.writer that quotes every cell; pass rows through csv_row (or use csv_text)."""
    return csv.writer(file, quoting=csv.QUOTE_ALL)


def csv_row(row: Iterable) -> list[str]:
    return [csv_cell(cell) for cell in row]


def csv_text(rows: Iterable[Iterable]) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    for row in rows:
        writer.writerow(csv_row(row))
    return buffer.getvalue()
