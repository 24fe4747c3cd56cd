from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class AdviceAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your advice to the manager"),
        max_length=settings.REPORT_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The manager reads this in the portal; the email they get says only that there is an answer."),
    )

    def clean_answer(self):
        answer = self.cleaned_data["answer"].strip()
        if not answer:
            raise forms.ValidationError(_("Write your advice before sending."))
        return answer
