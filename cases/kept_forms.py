"""Empty forms of the desk's pages, rendered once and kept per process (issue 17: rendering the report
page's four forms through Django's form templates was some forty per cent of its time).

A form is kept under a fingerprint of everything its rendering reads: its class, language, time zone,
prefix and ids, and for each field its label, help text, flags, widget and attributes, choices and value
as the widget writes it. A form whose choices change (another translator, a handler excluded), whose
initial value moves on (the proposed due time, by the minute) or whose labels are in another language
has another fingerprint and is rendered afresh; nothing stale is ever shown.

Only empty forms are kept: a form sent back with what was typed or its errors is rendered every time,
and so is a form with any text in a text box, so that no typed or sealed text is ever held. The one-time
form token is the one value that differs per view: it is left out of the fingerprint and put in afresh.

    {% load desk_lists %}
    {% kept_form form %}   (the same HTML as {{ form.as_div }})
"""

from __future__ import annotations

from django import forms
from django.forms.widgets import DateTimeBaseInput, Input
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .row_cache import RowCache

KEPT_FORMS = 512  # a few KB each: some 2 MB a process at most
TOKEN_FIELD = "form_token"  # cases.forms.OnceForm's guard against a second submission
TOKEN_MARK = "\x00form-token\x00"

forms_kept = RowCache(KEPT_FORMS)


def _choices(field) -> tuple | None:
    if not hasattr(field, "choices"):
        return None
    choices = list(iter(field.choices))  # iter: list() of the iterator itself would ask its len(), a COUNT query
    if isinstance(field, forms.ModelChoiceField):
        field.choices = choices  # read once: a rendering after the fingerprint uses these, not a second query
    return tuple((str(value), str(label)) for value, label in choices)


def _field_print(form, name: str, field) -> tuple:
    widget = field.widget
    value = None if name == TOKEN_FIELD else widget.format_value(form[name].value())
    return (
        name, type(field).__name__, type(widget).__name__, str(field.label), str(field.help_text),
        field.required, field.disabled, field.show_hidden_initial, field.localize, field.label_suffix,
        widget.is_localized, getattr(widget, "input_type", None), widget.template_name, field.template_name,
        tuple(sorted((key, str(attr)) for key, attr in widget.attrs.items())), _choices(field),
        str(value) if not isinstance(value, list) else tuple(map(str, value)),
    )


TEXT_INPUT_TYPES = {"text", "email", "search", "url", "tel", "password"}


def _is_text_box(widget) -> bool:
    """A box people type words into (not a date, a number, a choice or a hidden value)."""
    if isinstance(widget, forms.Textarea):
        return True
    return (
        isinstance(widget, Input) and not isinstance(widget, (forms.HiddenInput, DateTimeBaseInput))
        and widget.attrs.get("type", widget.input_type) in TEXT_INPUT_TYPES
    )


def _holds_text(form) -> bool:
    """Whether a text box of the form would show any text (typed, or given as its initial value)."""
    return any(
        _is_text_box(field.widget) and form[name].value() not in (None, "")
        for name, field in form.fields.items()
    )


def fingerprint(form) -> tuple:
    return (
        type(form).__module__, type(form).__qualname__, get_language(), timezone.get_current_timezone_name(),
        form.prefix, str(form.auto_id), form.label_suffix, form.use_required_attribute, form.template_name_div,
        tuple(_field_print(form, name, field) for name, field in form.fields.items()),
    )


def render_kept(form) -> str:
    """The form as `as_div` renders it; an empty form from the kept renderings."""
    if form.is_bound or _holds_text(form):
        return form.as_div()
    token = str(form[TOKEN_FIELD].value() or "") if TOKEN_FIELD in form.fields else ""

    def render() -> str:
        html = str(form.as_div())
        return html.replace(token, TOKEN_MARK) if token else html

    html = forms_kept.get_or_render((fingerprint(form), bool(token)), render)
    return mark_safe(html.replace(TOKEN_MARK, token) if token else html)
