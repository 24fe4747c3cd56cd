from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Message to the reporter"),
        max_length=settings.REPORT_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The reporter reads this in the secure mailbox, never by email."),
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a message before sending."))
        return body
