from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldpunt.form_text import TypedTextMixin

from ..forms import OnceForm, ReplyForm
from ..workflow import PLACEHOLDER
from . import selectors
from .services import DESK_LANGUAGES

DEFAULT_DUE = timedelta(hours=48)  # what the form proposes; the handler sets the due time


class TranslatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        profile = obj.translator_profile
        name = obj.get_full_name() or obj.get_username()
        return f"{name} · {profile.get_kind_display()} · {profile.languages}" if profile.languages else f"{name} · {profile.get_kind_display()}"


def _due_field(required: bool):
    return forms.DateTimeField(
        label=_("Translation due"), required=required,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class AssignmentFields(forms.Form):
    """The translator and due time of a translation request."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["translator"] = TranslatorChoiceField(
            label=_("Translator"), queryset=selectors.translators(), required=self.assignment_required,
            empty_label=_("Choose a translator"),
            help_text=_("Only translators who signed the confidentiality statement. They see this one text, nothing else."),
        )
        self.fields["due_at"] = _due_field(self.assignment_required)
        if not self.is_bound:
            self.initial.setdefault("due_at", timezone.localtime() + DEFAULT_DUE)

    assignment_required = True


class TranslationRequestForm(TypedTextMixin, AssignmentFields, OnceForm):
    target_language = forms.ChoiceField(
        label=_("Translate into"), choices=[(code, name) for code, name in settings.LANGUAGES if code in DESK_LANGUAGES],
    )
    source_language = forms.ChoiceField(
        label=_("Language of the text"), choices=settings.LANGUAGES, required=False,
        help_text=_("Needed for minutes only; for the reporter's texts it is the language they wrote in."),
    )


class HeldReplyForm(AssignmentFields, ReplyForm):
    """A message to the reporter, with the language it is written in. In another language than the
    reporter's it needs a translator: it is held until the handler approves the translation."""

    assignment_required = False
    written_language = forms.ChoiceField(label=_("Language of your message"), choices=settings.LANGUAGES, required=False)

    field_order = ["body", "written_language", "translator", "due_at"]


class StandardMessageForm(HeldReplyForm):
    """A standard message side by side: the text in the reporter's written language, sent as it is once
    its marked parts are filled in, or the handler's own-language text, held for translation."""

    SEND = "send"
    TRANSLATE = "translate"

    staff_body = forms.CharField(label=_("In your language"), required=False, max_length=settings.REPORT_TEXT_MAX_CHARS,
                                 widget=forms.Textarea(attrs={"rows": 14}))
    send_as = forms.ChoiceField(choices=[(SEND, SEND), (TRANSLATE, TRANSLATE)], required=False)

    def clean_body(self):
        return self.cleaned_data["body"].strip()

    def clean(self):
        data = super().clean()
        field = "staff_body" if data.get("send_as") == self.TRANSLATE else "body"
        text = (data.get(field) or "").strip()
        if not text:
            self.add_error(field, _("Write a message before sending."))
        elif PLACEHOLDER in text:
            self.add_error(field, _("Replace %(mark)s with your own text before sending.") % {"mark": PLACEHOLDER})
        return data


class ProvideForm(TypedTextMixin, forms.Form):
    translation = forms.CharField(label=_("Translation"), max_length=settings.REPORT_TEXT_MAX_CHARS,
                                  widget=forms.Textarea(attrs={"rows": 14}))

    def clean_translation(self):
        text = self.cleaned_data["translation"].strip()
        if not text:
            raise forms.ValidationError(_("Write the translation before sending it."))
        return text
