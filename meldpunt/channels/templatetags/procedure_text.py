"""Plain text from the database to HTML, with no HTML from the database.

Administrators write plain text: an empty line starts a new paragraph, a paragraph starting with
"## " is a heading, and a paragraph whose lines all start with "- " is a list. Every piece is escaped;
the only tags are the ones made here.
"""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

BLOCKS = re.compile(r"\n\s*\n")


@register.filter
def procedure_text(value: str, heading_level: int = 2) -> str:
    html = []
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    for block in (b.strip() for b in BLOCKS.split(text)):
        if not block:
            continue
        lines = [line.strip() for line in block.split("\n")]
        if len(lines) == 1 and lines[0].startswith("## "):
            html.append(f"<h{heading_level}>{escape(lines[0][3:].strip())}</h{heading_level}>")
        elif all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{escape(line[2:].strip())}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    return mark_safe("\n".join(html))  # every piece above is escaped
