import uuid

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meldpunt.accounts.models import Desk
from meldpunt.form_text import TypedTextMixin
from meldpunt.organisation.selectors import posts_for_choice
from meldpunt.widgets import QuickSelect

from .models import Category, ForwardingConsent


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"— {obj.name}" if obj.parent_id else obj.name


def categories_in_order():
    """Main categories each followed by their subcategories."""
    categories = list(Category.objects.filter(is_active=True).order_by("position", "code"))
    ordered = []
    for main in (c for c in categories if c.parent_id is None):
        ordered.append(main)
        ordered.extend(c for c in categories if c.parent_id == main.pk)
    return ordered


def written_language_field(label):
    """The language the reporter writes in: offered in its own name, set by the view to the interface
    language until the reporter chooses another."""
    # Not required: a form without it (an old page, a carried message) keeps the language already known.
    return forms.ChoiceField(
        label=label, choices=settings.LANGUAGES, required=False,
        help_text=_("The reporting point answers you in this language."),
        error_messages={"invalid_choice": _("Please choose one of the languages in the list.")},
    )


class ReportSubmissionForm(TypedTextMixin, forms.Form):
    """What every form that files a report shares: the one-time token that makes a double submit
    store one report, and a narrative that is more than white space."""

    submission_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_token", uuid.uuid4().hex)

    def clean_submission_token(self):
        try:
            return uuid.UUID(self.cleaned_data["submission_token"]).hex
        except ValueError:
            raise forms.ValidationError(_("The form was damaged. Please send it again.")) from None

    def clean_narrative(self):
        narrative = self.cleaned_data["narrative"].strip()
        if not narrative:
            raise forms.ValidationError(_("Please describe what happened."))
        return narrative


class ReportForm(ReportSubmissionForm):
    IDENTITY_CHOICES = [
        # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone). Terms: locale/glossary.tsv.
        ("anonymous", _("Stay anonymous: my name is not asked for or recorded")),
        # Translators: Legal meaning, translate exactly and say no more than the English; the identity is kept confidential and disclosed only with consent or by legal duty, after telling the person why (EU 2019/1937 art. 16); 'in confidence' is never 'total' or 'absolute' confidentiality: counsellors have no legal privilege. Terms: locale/glossary.tsv.
        ("named", _("Give my name and how to reach me (kept confidential)")),
    ]

    category = CategoryChoiceField(
        label=_("What kind of violation is it?"),
        queryset=Category.objects.filter(is_active=True),
        empty_label=_("Choose a category"),
        widget=QuickSelect,
        help_text=_("If you are not sure, choose the one closest to it. The reporting point can change it."),
    )
    narrative = forms.CharField(
        label=_("What happened?"),
        max_length=settings.REPORT_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 10}),
        # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone). Terms: locale/glossary.tsv.
        help_text=_("Describe what happened in your own words and your own language. If you want to stay anonymous, do not write your own name."),
    )
    written_language = written_language_field(_("Which language did you write in?"))
    occurred_when = forms.CharField(
        label=_("When did it happen?"),
        max_length=200,
        required=False,
        help_text=_("A date, a period, or 'it is still going on'."),
    )
    post = forms.ModelChoiceField(
        label=_("Where did it happen?"),
        queryset=None,
        empty_label=_("Choose the post or directorate"),
        widget=QuickSelect,
    )
    involved = forms.CharField(
        label=_("Who was involved?"),
        max_length=settings.REPORT_SHORT_TEXT_MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Names or roles of the people involved, if you know them."),
    )
    witnesses = forms.CharField(
        label=_("Were there witnesses?"),
        max_length=settings.REPORT_SHORT_TEXT_MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    desk_involved = forms.BooleanField(
        label=_("Someone who works at the reporting point is involved in what I report"),
        required=False,
        help_text=_("Then only the reporting point's coordinator sees your report at first, and decides who else at the reporting point may see it."),
    )
    # Issue 15 point 6: when the coordinator is involved, the reporter sends the report to another desk
    # themselves (their own choice is their consent); the desk of this form's channel never sees it.
    other_desk = forms.ChoiceField(
        # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
        label=_("Is the coordinator of this reporting point involved, or do you not want this reporting point to handle your report? Then choose another desk."),
        required=False,
        widget=forms.RadioSelect,
        # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
        help_text=_("Your report then goes straight to the desk you choose, and this reporting point does not see it."),
    )
    identity = forms.ChoiceField(
        # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone). Terms: locale/glossary.tsv.
        label=_("Do you want to stay anonymous?"), choices=IDENTITY_CHOICES, widget=forms.RadioSelect, initial="anonymous"
    )
    reporter_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    reporter_contact = forms.CharField(
        label=_("How can we reach you? (email or phone)"), max_length=200, required=False
    )
    wants_email_nudge = forms.BooleanField(
        label=_("Send me an email when there is a new message (the email will say nothing about the report)"),
        required=False,
    )
    # Shown when the reporter comes from "Lost your code?" (or filled it in before).
    follows = forms.CharField(
        label=_("Your earlier report"),
        help_text=_("Its reference (for example M-2026-00042) or the first 8 digits of your old receipt code, if you know them."),
        max_length=40,
        required=False,
    )

    def __init__(self, *args, channel_desk: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        # A formal complaint is heard from both sides, so the person complained about learns who complains:
        # the complaints committee's form asks for the name and offers no anonymity it could not keep.
        self.names_the_complainant = channel_desk == Desk.COMPLAINTS
        if self.names_the_complainant:
            del self.fields["identity"]
            self.fields["reporter_name"].required = True
            # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone). Terms: locale/glossary.tsv.
            self.fields["reporter_name"].error_messages["required"] = _("A formal complaint needs your name.")
        self.fields["other_desk"].choices = [("", _("No: this reporting point may handle it")), *(
            (value, label) for value, label in Desk.choices if value != channel_desk
        )]
        # The interface language until the reporter chooses another: the same for every visitor in a language.
        self.fields["written_language"].initial = get_language()
        self.fields["post"].queryset = posts_for_choice()
        # A callable: read only when the <select> is rendered (the rendered fields are kept per language).
        category = self.fields["category"]
        category.choices = lambda: [("", category.empty_label)] + [
            (c.pk, category.label_from_instance(c)) for c in categories_in_order()
        ]

    @property
    def is_untouched(self) -> bool:
        """Nothing typed and nothing to show again: the same fields for every visitor, so the rendered
        fields can be kept (meldpunt/public_cache.py). Only the one-time token differs, outside them."""
        return not self.is_bound and set(self.initial) <= {"submission_token"}

    def clean(self):
        data = super().clean()
        if self.names_the_complainant:
            data["identity"] = "named"
        if data.get("identity") == "named":
            if not (data.get("reporter_name") or "").strip() and "reporter_name" not in self.errors:
                # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone). Terms: locale/glossary.tsv.
                self.add_error("reporter_name", _("Please give your name, or choose to stay anonymous."))
        elif data.get("wants_email_nudge"):
            self.add_error(
                "wants_email_nudge", _("An email needs an address. Choose to give your contact details, or untick this box.")
            )
        if data.get("wants_email_nudge") and "@" not in (data.get("reporter_contact") or ""):
            self.add_error("reporter_contact", _("Please give an email address for the email notice."))
        return data


class ReceiptCodeForm(TypedTextMixin, forms.Form):
    code = forms.CharField(
        label=_("Your receipt code"),
        max_length=64,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false", "dir": "ltr"}),
        help_text=_("The 24 digits you were given when you sent your report. Spaces do not matter."),
    )


class MailboxReplyForm(TypedTextMixin, forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=settings.REPORT_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    written_language = written_language_field(_("Which language did you write in?"))

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Please write a message before sending."))
        return body


class OwnIdsMixin:
    """Several mailbox forms share one page: each gets ids of its own (id_<prefix>_<field>), so no two
    fields share an id and every label points at its own box. Field names stay as they are."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class MeetingRequestForm(OwnIdsMixin, TypedTextMixin, forms.Form):
    id_prefix = "meeting"

    note = forms.CharField(
        label=_("How and when would you like to meet? (optional)"),
        max_length=settings.REPORT_SHORT_TEXT_MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone); a legal deadline: keep every number and the term exactly (acknowledgement within 7 days, feedback within 3 months). Terms: locale/glossary.tsv.
        help_text=_("For example: by video, by phone or in person; days or times that suit you. If you want to stay anonymous, do not write your name."),
    )


class NewCodeRequestForm(TypedTextMixin, forms.Form):
    """A named reporter asks for a new code to be sent to the address in their report."""

    earlier = forms.CharField(
        label=_("Your earlier report"),
        help_text=_("Its reference (for example M-2026-00042) or the first 8 digits of your old receipt code."),
        max_length=40,
    )
    contact = forms.EmailField(
        label=_("The email address you gave in that report"), max_length=200,
    )


class ReportAdditionForm(TypedTextMixin, forms.Form):
    addition = forms.CharField(
        label=_("What would you like to add?"),
        help_text=_("For example something you remembered later, a date, a place or another witness. The reporting point sees it with your report, marked as an addition."),
        max_length=settings.REPORT_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
    )

    def clean_addition(self):
        text = self.cleaned_data["addition"].strip()
        if not text:
            raise forms.ValidationError(_("Please write what you would like to add before sending."))
        return text


class MinutesAnswerForm(TypedTextMixin, forms.Form):
    ACCEPT = "accept"
    CORRECT = "correct"

    answer = forms.ChoiceField(choices=[(ACCEPT, ACCEPT), (CORRECT, CORRECT)], widget=forms.HiddenInput)
    correction = forms.CharField(
        label=_("What should be corrected?"),
        max_length=settings.REPORT_TEXT_MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == self.CORRECT and not (data.get("correction") or "").strip():
            self.add_error("correction", _("Please write what should be corrected."))
        return data


class ForwardingConsentForm(OwnIdsMixin, TypedTextMixin, forms.Form):
    id_prefix = "consent"

    answer = forms.ChoiceField(
        label=_("May we pass your report to the CCI?"),
        choices=[
            (ForwardingConsent.Answer.WITH_IDENTITY, _("Yes, with my name and contact details")),
            (ForwardingConsent.Answer.WITHOUT_IDENTITY, _("Yes, but without my name and contact details")),
            # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
            (ForwardingConsent.Answer.REFUSED, _("No, do not pass it on")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose one of the answers.")},
    )

    def __init__(self, *args, consent=None, **kwargs):
        super().__init__(*args, **kwargs)
        if consent is not None and consent.moves_on_acceptance:
            # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
            self.fields["answer"].label = _("May your report move to that desk?")


class DisclosureAnswerForm(OwnIdsMixin, TypedTextMixin, forms.Form):
    """The reporter's answer to a request to pass their name and contact details on."""

    id_prefix = "disclosure"

    YES, NO = "yes", "no"

    answer = forms.ChoiceField(
        label=_("May the reporting point pass your name and contact details on, as its message explains?"),
        choices=[
            # Translators: Legal meaning, translate exactly and say no more than the English; consent, identity and retaliation keep their legal sense. Terms: locale/glossary.tsv.
            (YES, _("Yes, I consent")),
            # Translators: Legal meaning, translate exactly and say no more than the English; consent, identity and retaliation keep their legal sense. Terms: locale/glossary.tsv.
            (NO, _("No, I do not consent")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose one of the answers.")},
    )


class AftercareAnswerForm(OwnIdsMixin, TypedTextMixin, forms.Form):
    """The reporter's answer to an aftercare check-in: yes or no, and a few words if they like."""

    id_prefix = "aftercare"

    YES, NO = "yes", "no"

    answer = forms.ChoiceField(
        label=_("Have you met any negative consequence for your career or position since your report?"),
        choices=[(NO, _("No")), (YES, _("Yes"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose one of the answers.")},
    )
    note = forms.CharField(
        label=_("Would you like to tell us more? (optional)"),
        max_length=settings.REPORT_SHORT_TEXT_MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
