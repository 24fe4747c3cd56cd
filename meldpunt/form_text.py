"""Forms whose text people type in any language and script (reporter forms, manager forms).

- Every text box gets dir="auto": Arabic typed on an English page runs right to left, and Latin
  text on an Arabic page runs left to right.
- Label punctuation per script: a label that already ends in a question mark or colon gets no extra
  colon (Django adds one unless the label ends in ASCII ":?.!", so Arabic "؟" and Chinese "？"
  came out as "؟:" and "？:"); Chinese labels get the full-width colon "：".
"""

from django import forms
from django.utils.translation import get_language

ENDS_A_LABEL = ":?.!;؟？：。！؛…"
TEXT_WIDGETS = (forms.Textarea, forms.TextInput, forms.EmailInput)


def label_suffix_for(label) -> str | None:
    """The suffix for this label in the active language; None keeps the form's default."""
    text = str(label or "").rstrip()
    if text and text[-1] in ENDS_A_LABEL:
        return ""
    if (get_language() or "").startswith("zh"):
        return "："
    return None


class TypedTextMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, TEXT_WIDGETS):
                field.widget.attrs.setdefault("dir", "auto")
            field.label_suffix = label_suffix_for(field.label)
