from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from meldpunt.form_text import TypedTextMixin
from meldpunt.intake.forms import MailboxReplyForm, ReportForm, ReportSubmissionForm


class AdviceQuestionForm(ReportSubmissionForm):
    """Ask the advice point: a question and, only if the asker wants an email notice, an address."""

    narrative = forms.CharField(
        label=_("Your question"),
        max_length=settings.REPORT_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Please write your question.")},
        # Translators: Legal meaning, translate exactly and say no more than the English; consent, identity and retaliation keep their legal sense. Terms: locale/glossary.tsv.
        help_text=_("Ask in your own words and your own language. If you want to stay anonymous, do not write your own name."),
    )
    contact = forms.CharField(
        label=_("Email address for a notice (optional)"),
        max_length=200,
        required=False,
        help_text=_("Only if you want an email when there is an answer. The email will say nothing about your question."),
    )

    def clean_narrative(self):
        narrative = self.cleaned_data["narrative"].strip()
        if not narrative:
            raise forms.ValidationError(_("Please write your question."))
        return narrative

    def clean_contact(self):
        contact = self.cleaned_data["contact"].strip()
        if contact:
            try:
                validate_email(contact)
            except forms.ValidationError:
                raise forms.ValidationError(_("Please give a valid email address, or leave this box empty.")) from None
        return contact


class AdviceReplyForm(MailboxReplyForm):
    pass


class AdviceToReportForm(TypedTextMixin, forms.Form):
    """The one step that turns a question into a report: the text carried over, what and where, confirmed."""

    category = ReportForm.base_fields["category"]
    post = ReportForm.base_fields["post"]
    narrative = ReportForm.base_fields["narrative"]
    confirm = forms.BooleanField(
        label=_("Yes, send this as a report to the central reporting and advice point"),
        error_messages={"required": _("Please confirm that you want to make a report.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        helper = ReportForm()
        self.fields["post"].queryset = helper.fields["post"].queryset
        self.fields["category"].choices = helper.fields["category"].choices

    def clean_narrative(self):
        narrative = self.cleaned_data["narrative"].strip()
        if not narrative:
            raise forms.ValidationError(_("Please describe what happened."))
        return narrative
