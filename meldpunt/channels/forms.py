import uuid

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meldpunt.form_text import TypedTextMixin
from meldpunt.intake.forms import CategoryChoiceField, categories_in_order
from meldpunt.intake.models import Category
from meldpunt.organisation.selectors import posts_for_choice

from .models import IdentityChoice


def _language_choices():
    return [(code, name) for code, name in settings.LANGUAGES]


def _current_language() -> str:
    language = get_language() or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class _CategoryAndPost:
    """The category and post fields as the report form shows them (main categories with their subcategories)."""

    def _setup_category_and_post(self):
        self.fields["post"].queryset = posts_for_choice()
        self.fields["category"].choices = [("", self.fields["category"].empty_label)] + [
            (c.pk, self.fields["category"].label_from_instance(c)) for c in categories_in_order()
        ]


class ManagerReportForm(_CategoryAndPost, TypedTextMixin, forms.Form):
    """A report a staff member brought to their manager.

    Lenient, so that "save draft" keeps whatever has been typed: only lengths and choices are checked.
    `check_ready_to_forward()` adds what forwarding needs on top.
    """

    category = CategoryChoiceField(
        label=_("What kind of violation is it?"),
        queryset=Category.objects.filter(is_active=True),
        required=False,
        empty_label=_("Choose a category"),
        help_text=_("If you are not sure, choose the one closest to it. The CCI can change it."),
    )
    narrative = forms.CharField(
        label=_("What did the staff member tell you?"),
        max_length=settings.REPORT_TEXT_MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Write down what happened as the staff member told it, in their words where you can."),
    )
    occurred_when = forms.CharField(
        label=_("When did it happen?"), max_length=200, required=False,
        help_text=_("A date, a period, or 'it is still going on'."),
    )
    post = forms.ModelChoiceField(
        label=_("Where did it happen?"), queryset=None, required=False, empty_label=_("Choose the post or directorate")
    )
    involved = forms.CharField(
        label=_("Who was involved?"), max_length=settings.REPORT_SHORT_TEXT_MAX_CHARS, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    witnesses = forms.CharField(
        label=_("Were there witnesses?"), max_length=settings.REPORT_SHORT_TEXT_MAX_CHARS, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    identity = forms.ChoiceField(
        label=_("What did the staff member choose about their name?"),
        choices=IdentityChoice.choices,
        widget=forms.RadioSelect,
        initial=IdentityChoice.ANONYMOUS,
        help_text=_("Ask the staff member. You know who they are; the CCI is given their name only if they agree."),
    )
    reporter_name = forms.CharField(label=_("The staff member's name"), max_length=200, required=False)
    reporter_contact = forms.CharField(
        label=_("How can the CCI reach the staff member? (email or phone)"), max_length=200, required=False
    )
    slip_language = forms.ChoiceField(
        label=_("Language of the receipt slip for the staff member"),
        choices=_language_choices,
        # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
        help_text=_("After forwarding you get a receipt code to hand over, with a slip to print in this language."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_category_and_post()
        if not self.is_bound:
            self.initial.setdefault("slip_language", _current_language())

    def clean(self):
        data = super().clean()
        for field in ("narrative", "occurred_when", "involved", "witnesses", "reporter_name", "reporter_contact"):
            if field in data:
                data[field] = data[field].strip()
        return data

    def check_ready_to_forward(self) -> bool:
        """After a valid save: add an error to every field forwarding still needs; True when none."""
        data = self.cleaned_data
        if not data.get("category"):
            # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
            self.add_error("category", _("Choose a category before forwarding."))
        if not data.get("post"):
            # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
            self.add_error("post", _("Choose where it happened before forwarding."))
        if not data.get("narrative"):
            # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
            self.add_error("narrative", _("Write down what happened before forwarding."))
        if data.get("identity") == IdentityChoice.NAMED and not data.get("reporter_name"):
            self.add_error(
                # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone). Terms: locale/glossary.tsv.
                "reporter_name", _("Give the staff member's name, or record that they chose to stay anonymous.")
            )
        return not self.errors


class AdviceRequestForm(_CategoryAndPost, TypedTextMixin, forms.Form):
    request_id = forms.UUIDField(widget=forms.HiddenInput)
    category = CategoryChoiceField(
        label=_("What kind of incident is it about?"),
        queryset=Category.objects.filter(is_active=True),
        empty_label=_("Choose a category"),
        help_text=_("If you are not sure, choose the one closest to it."),
    )
    post = forms.ModelChoiceField(label=_("Where is your team?"), queryset=None, empty_label=_("Choose the post or directorate"))
    question = forms.CharField(
        label=_("Your question to the advice point"),
        max_length=settings.REPORT_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Describe the incident and what you would like advice on. Leave out names unless they are needed for the advice."
        ),
    )

    def __init__(self, *args, manager=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_category_and_post()
        if not self.is_bound:
            self.initial.setdefault("request_id", uuid.uuid4())
            if manager is not None and manager.post_id:
                self.initial.setdefault("post", manager.post_id)

    def clean_question(self):
        question = self.cleaned_data["question"].strip()
        if not question:
            raise forms.ValidationError(_("Please write your question."))
        return question


class SlipLanguageForm(forms.Form):
    """The language of the receipt slip, when a manager turns an advice request into a report."""

    slip_language = forms.ChoiceField(label=_("Language of the receipt slip"), choices=_language_choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("slip_language", _current_language())
