"""What each public status means to the reporter, and what happens next, with the dates.

Every status the reporter can read in the mailbox has an explanation here; the "what happens next"
lines are built from the dates stored on the report (the legal clocks, as they stand after any
extension), in the reporter's language, dates from CLDR (meldpunt/local_dates.py) in every language. Say less, never more: nothing here promises what the law or
the portal does not keep.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldpunt.accounts.models import Desk
from meldpunt.local_dates import local_date

from .models import PublicInstrument, PublicStatus, Report

EXPLANATIONS = {
    PublicStatus.RECEIVED: gettext_lazy("Your report has arrived safely at the reporting point."),
    PublicStatus.ACKNOWLEDGED: gettext_lazy("The reporting point has confirmed that it received your report."),
    PublicStatus.ASSESSING: gettext_lazy(
        "The reporting point is looking at your report: what it is about, how serious it is and how it should be "
        "handled. It may ask you questions in this mailbox."
    ),
    PublicStatus.ADDRESSING: gettext_lazy(
        "The reporting point has chosen how to deal with your report (for example a conversation, mediation or an "
        "investigation) and is working on it."
    ),
    PublicStatus.DECIDED: gettext_lazy(
        "The reporting point has reached a decision about your report and has written to you about it in this mailbox."
    ),
    PublicStatus.CLOSED: gettext_lazy("The handling of your report is finished and the case is closed."),
    PublicStatus.FORWARDED: gettext_lazy(
        # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
        "With your consent, the external reporting point passed your report to the ministry's central reporting and "
        "advice point for integrity (the CCI), which handles it from now on."
    ),
}


# How the report is being dealt with, per instrument (PublicInstrument), in plain words. Say less:
# nothing about whom, nothing about an outcome before the decision.
INSTRUMENT_EXPLANATIONS = {
    PublicInstrument.CONVERSATION: gettext_lazy(
        "The reporting point deals with your report through a conversation, for example with the person it concerns "
        "or with their manager."
    ),
    PublicInstrument.MEDIATION: gettext_lazy(
        "The reporting point deals with your report through mediation: an impartial mediator helps the people "
        "involved talk it through, if they agree to take part."
    ),
    PublicInstrument.INVESTIGATION: gettext_lazy(
        "Your report is being investigated. Before any conclusion is drawn, the person concerned is heard and can "
        "respond."
    ),
    PublicInstrument.REFERRAL: gettext_lazy(
        "The reporting point has passed your report on to another body that is responsible for dealing with it."
    ),
    PublicInstrument.NO_FURTHER_ACTION: gettext_lazy("The reporting point has decided to take no further action on your report."),
}


@dataclass(frozen=True)
class StatusExplained:
    label: str
    explanation: str
    next_steps: list[str]
    instrument: str = ""  # how the report is being dealt with, when the desk has chosen
    instrument_explanation: str = ""


def _day(value) -> str:
    """A date (a moment: its day in the portal's time zone) as the active language writes it, from CLDR."""
    return local_date(value)


def _next_steps(report: Report) -> list[str]:
    status = report.status
    if status == PublicStatus.CLOSED:
        return [_(
            "Your mailbox stays open: write here if you have questions, or if you notice negative consequences for your "
            "work or career because of your report."
        )]
    if status == PublicStatus.DECIDED:
        return [_("Read the reporting point's message in this mailbox. After that, the case will be closed.")]
    steps = []
    if report.clocks_suspended_at is not None:
        steps.append(_(
            # Translators: Legal meaning, translate exactly and say no more than the English; a legal deadline: keep every number and the term exactly (acknowledgement within 7 days, feedback within 3 months). Terms: locale/glossary.tsv.
            "The deadlines are paused; the reporting point told you why in a message here, and will tell you when they "
            "run again."
        ))
    else:
        if report.feedback_given_at is not None:
            steps.append(
                _("The reporting point gave you feedback on %(date)s. It will write to you here again when there is news.")
                % {"date": _day(report.feedback_given_at)}
            )
        elif report.acknowledged_at is None and report.acknowledgement_due:
            steps.append(
                _("The reporting point will confirm here that it received your report, by %(date)s at the latest.")
                % {"date": _day(report.acknowledgement_due)}
            )
            if report.feedback_due:
                steps.append(
                    _("After that you will hear here what is being done with your report, by %(date)s at the latest.")
                    % {"date": _day(report.feedback_due)}
                )
        elif report.feedback_due:
            steps.append(
                _("You will hear here what is being done with your report, by %(date)s at the latest.")
                % {"date": _day(report.feedback_due)}
            )
    if status == PublicStatus.FORWARDED and _moved(report):
        steps.append(_("That desk continues in this same mailbox, with the same receipt code."))
    elif status == PublicStatus.FORWARDED:
        steps.append(_("The CCI continues in this same mailbox, with the same receipt code."))
    steps.append(_("You can write here or ask for a meeting at any time."))
    return steps


def _moved(report: Report) -> bool:
    """Moved to another desk with the reporter's consent, other than the external point's passing on to the CCI."""
    return bool(report.moved_from_desk) and not (report.moved_from_desk == Desk.EXTERNAL and report.desk == Desk.CCI)


def _explanation(report: Report) -> str:
    if report.status == PublicStatus.FORWARDED and _moved(report):
        return _(
            # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
            "With your consent, your report was moved to another desk: %(desk)s. That desk handles it from now on."
        ) % {"desk": report.get_desk_display()}
    return str(EXPLANATIONS[report.status])


def status_explained(report: Report) -> StatusExplained:
    """The report's public status in plain words, with what happens next (in the active language)."""
    return StatusExplained(
        label=str(report.get_status_display()),
        explanation=_explanation(report),
        next_steps=_next_steps(report),
        instrument=str(report.get_public_instrument_display()) if report.public_instrument else "",
        instrument_explanation=str(INSTRUMENT_EXPLANATIONS[report.public_instrument]) if report.public_instrument else "",
    )
