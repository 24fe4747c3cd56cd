"""Reporter-facing words of the advice point that intake shows (its catalogue is meldpunt/advice/locale)."""

from django.utils.translation import gettext_lazy as _

REPORTED_NOTICE = _("Your question is now a report. Your receipt code opens this mailbox from now on.")
