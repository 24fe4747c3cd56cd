from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from meldpunt import languages


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]{6}"}),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError(_("The code is six digits."))
        return token


class StaffLanguageForm(forms.Form):
    """Dutch or English: the language of the staff member's emails and staff pages."""

    language = forms.ChoiceField(
        label=_("Language of your emails and staff pages"),
        choices=lambda: [(code, languages.get(code).name) for code in settings.STAFF_LANGUAGES],
        widget=forms.RadioSelect,
    )
