"""Widgets shared by the public forms."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A <select> whose options are written in Python. Django renders every option through a template
    of its own; with a hundred or more options (posts, categories) that was most of a page."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html("<select name=\"{}\"{}>", widget["name"], flatatt(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html("<optgroup label=\"{}\">", group_name))
            for option in options:
                parts.append(
                    format_html("<option value=\"{}\"{}>{}</option>", option["value"], flatatt(option["attrs"]), option["label"])
                )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308  every part above is escaped by format_html
