from django import forms
from django.utils.translation import gettext_lazy as _


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by the vault itself (type from content, size)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [f for f in files if f]


class StaffEvidenceForm(forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        widget=MultipleFileInput(attrs={"aria-describedby": "evidence-limits"}),
        error_messages={"required": _("Choose at least one file.")},
    )
    description = forms.CharField(
        label=_("What is it? (optional)"),
        max_length=500,
        required=False,
        help_text=_("For example: minutes of the meeting of 12 March, signed; screenshot sent by a witness."),
    )


class OriginalOpenForm(forms.Form):
    PURPOSES = [("preview", _("View it here, in the browser")), ("download", _("Download it"))]

    reason = forms.CharField(
        label=_("Why do you need the original?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please give a reason.")},
        help_text=_("The original may hold hidden data such as location or author. Your reason is kept in the audit trail."),
    )
    purpose = forms.ChoiceField(label=_("How do you want to open it?"), choices=PURPOSES, widget=forms.RadioSelect, initial="preview")

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Please give a reason."))
        return reason
