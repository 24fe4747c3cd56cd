"""The case workflow: every state and every allowed transition, in one table.

`cases.services.case_transition` is the only code that changes a case's state; it looks the
transition up here, applies the values the handler gave (`inputs`), checks what the transition
`requires`, and refuses with the reasons when anything is missing. The reporter reads the
`public_status` of the new state in the mailbox, in their own language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from meldpunt.intake.models import PublicInstrument, PublicStatus

from .models import CaseState, Finding, Instrument, InstrumentEntry

S = CaseState
K = InstrumentEntry.Kind


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[str]
    target: str
    # Case fields the handler fills in with this transition (see forms.TransitionForm).
    inputs: tuple[str, ...] = ()
    # Named checks (REQUIREMENTS below) that must all pass after the inputs are applied.
    requires: tuple[str, ...] = ()
    help: str = ""

    @property
    def needs_reason(self) -> bool:
        return "reason" in self.requires


# The message the reporter reads in the mailbox with a decision or the closure: the step form shows
# it prefilled with the standard text (REPORTER_MESSAGE_KIND) in the report's language, and the step
# sends it to every report of the case. Without it the step is refused (see _reporter_message).
REPORTER_MESSAGE = "reporter_message"
# Optional at closure: what the organisation should change (cases.models.LessonLearned), sealed.
LESSONS = "lessons"
# The finding and measures of each person concerned are recorded on their own page (PersonConcerned);
# the decision step checks them and takes the reasons and the message.
DECISION_INPUTS = ("decision_reasons", REPORTER_MESSAGE)
INSTRUMENT_INPUTS = ("instrument", "instrument_reasons")

TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "start_triage", _("Start triage"), frozenset({S.RECEIVED}), S.TRIAGE,
            help=_("Look at the nature of the report and how it should be handled."),
        ),
        Transition(
            "choose_instrument", _("Choose an instrument"), frozenset({S.TRIAGE}), S.ADDRESSING,
            inputs=INSTRUMENT_INPUTS, requires=("assessment", "instrument", "instrument_reasons"),
            help=_("The assessment must be recorded first. No further action and referrals need their reasons."),
        ),
        Transition(
            "change_instrument", _("Change the instrument"), frozenset({S.ADDRESSING}), S.ADDRESSING,
            inputs=INSTRUMENT_INPUTS, requires=("instrument", "instrument_reasons", "reason"),
            help=_("For example when mediation did not work out."),
        ),
        Transition(
            "return_to_triage", _("Return to triage"), frozenset({S.ADDRESSING}), S.TRIAGE, requires=("reason",),
        ),
        Transition(
            "decide", _("Record the decision"), frozenset({S.ADDRESSING}), S.DECIDED,
            inputs=DECISION_INPUTS, requires=("instrument_record", "decision", "reporter_message"),
            help=_("Each person concerned needs a finding and at least one measure (or no measure), each with its date; then the reasons, and the message that tells the reporter."),
        ),
        Transition(
            "revise_decision", _("Revise the decision"), frozenset({S.DECIDED}), S.DECIDED,
            inputs=DECISION_INPUTS, requires=("instrument_record", "decision", "reporter_message", "reason"),
        ),
        Transition(
            "close", _("Close the case"), frozenset({S.DECIDED}), S.CLOSED, inputs=(REPORTER_MESSAGE, LESSONS),
            requires=("instrument_record", "decision", "feedback_given", "closure_message"),
            help=_("Needs the decision, feedback sent to every reporter of the case, and the closure message, which is prefilled below."),
        ),
        Transition("reopen", _("Reopen the case"), frozenset({S.CLOSED}), S.TRIAGE, requires=("reason",)),
    ]
}

# The standard message each step with a message to the reporter prefills (cases.models.StandardMessage.Kind).
REPORTER_MESSAGE_KIND = {"decide": "feedback", "revise_decision": "feedback", "close": "closure"}

# What the reporter reads for each state; None keeps what they read before (received or acknowledged).
PUBLIC_STATUS: dict[str, str | None] = {
    S.RECEIVED: None,
    S.TRIAGE: PublicStatus.ASSESSING,
    S.ADDRESSING: PublicStatus.ADDRESSING,
    S.DECIDED: PublicStatus.DECIDED,
    S.CLOSED: PublicStatus.CLOSED,
}

# How the reporter reads each instrument in the mailbox (meldpunt.intake.status explains each).
PUBLIC_INSTRUMENT: dict[str, str] = {
    Instrument.CONVERSATION: PublicInstrument.CONVERSATION,
    Instrument.MEDIATION: PublicInstrument.MEDIATION,
    Instrument.INVESTIGATION: PublicInstrument.INVESTIGATION,
    Instrument.REFERRAL_COMPLAINTS: PublicInstrument.REFERRAL,
    Instrument.REFERRAL_OTHER: PublicInstrument.REFERRAL,
    Instrument.NO_FURTHER_ACTION: PublicInstrument.NO_FURTHER_ACTION,
}
# States in which the reporter reads the instrument; before them, none is chosen yet.
SHOWS_INSTRUMENT = frozenset({S.ADDRESSING, S.DECIDED, S.CLOSED})

# The record each instrument keeps (InstrumentEntry kinds), and which of them the decision needs.
# The hearing of the person concerned (hoor en wederhoor) is checked per person: everyone with an
# established or partly established finding must have been heard, with their response recorded.
_REFERRAL = (K.REFERRED_TO, K.REFERRAL_REASONS, K.HANDED_OVER, K.REPORTER_CONSENT)
INSTRUMENT_KINDS: dict[str, tuple[str, ...]] = {
    Instrument.CONVERSATION: (K.WITH_WHOM, K.FOLLOW_UP),
    Instrument.MEDIATION: (K.MEDIATOR, K.SESSION, K.MEDIATION_OUTCOME),
    Instrument.INVESTIGATION: (
        K.INVESTIGATOR, K.TERMS_OF_REFERENCE, K.PROTOCOL_STEP, K.INTERVIEW, K.HEARING, K.INVESTIGATION_REPORT, K.CONCLUSION,
    ),
    Instrument.REFERRAL_COMPLAINTS: _REFERRAL,
    Instrument.REFERRAL_OTHER: _REFERRAL,
    Instrument.NO_FURTHER_ACTION: (),
}
INSTRUMENT_RECORDS: dict[str, tuple[str, ...]] = {
    Instrument.CONVERSATION: (K.WITH_WHOM, K.FOLLOW_UP),
    Instrument.MEDIATION: (K.MEDIATOR, K.SESSION, K.MEDIATION_OUTCOME),
    Instrument.INVESTIGATION: (K.INVESTIGATOR, K.TERMS_OF_REFERENCE, K.PROTOCOL_STEP, K.INVESTIGATION_REPORT, K.CONCLUSION),
    Instrument.REFERRAL_COMPLAINTS: (K.REFERRED_TO, K.REFERRAL_REASONS, K.HANDED_OVER),
    Instrument.REFERRAL_OTHER: (K.REFERRED_TO, K.REFERRAL_REASONS, K.HANDED_OVER),
    Instrument.NO_FURTHER_ACTION: (),
}
# Entries that carry a date, a person concerned, or a detail (which of InstrumentEntry.Detail).
DATED_KINDS = frozenset({K.SESSION, K.PROTOCOL_STEP, K.INTERVIEW, K.HEARING, K.INVESTIGATION_REPORT, K.CONCLUSION, K.REPORTER_CONSENT})
DETAIL_OF_KIND = {
    K.INVESTIGATOR: (InstrumentEntry.Detail.INTERNAL, InstrumentEntry.Detail.EXTERNAL),
    K.HANDED_OVER: (InstrumentEntry.Detail.WITH_IDENTITY, InstrumentEntry.Detail.WITHOUT_IDENTITY),
}
HEARD_FINDINGS = frozenset({Finding.ESTABLISHED, Finding.PARTLY_ESTABLISHED})

# Instruments that may only be chosen with reasons.
INSTRUMENTS_NEEDING_REASONS = frozenset({Instrument.NO_FURTHER_ACTION, Instrument.REFERRAL_COMPLAINTS, Instrument.REFERRAL_OTHER})


@dataclass(frozen=True)
class Check:
    """What `case_transition` hands to a requirement: the case with the inputs applied, and more."""

    case: object
    reason: str
    texts: dict[str, str]  # sealed inputs in plain text (instrument_reasons, decision_reasons, reporter_message)
    reports_without_feedback: list[str]
    # Reports of the case that had no closure message since the case's last change of state.
    reports_without_closure: list[str] = field(default_factory=list)
    # The persons concerned, each as (person, [its measures]).
    persons: list = field(default_factory=list)
    # The instrument's record: (instrument, kind, person id, detail) of every entry.
    entries: list = field(default_factory=list)


def _assessment(c: Check) -> str | None:
    case = c.case
    missing = [
        label for label, value in (
            (_("category"), case.category_id), (_("seriousness"), case.seriousness),
            (_("risk of retaliation"), case.retaliation_risk), (_("urgency"), case.urgency),
            (_("considerations"), case.assessed_at),
        ) if not value
    ]
    if missing:
        return _("Record the assessment first; missing: %(fields)s.") % {"fields": ", ".join(str(m) for m in missing)}
    return None


def _instrument(c: Check) -> str | None:
    return None if c.case.instrument else _("Choose an instrument.")


def _instrument_reasons(c: Check) -> str | None:
    if c.case.instrument in INSTRUMENTS_NEEDING_REASONS and not c.texts.get("instrument_reasons", "").strip():
        return _("Give the reasons for this choice (no further action and referrals always need them).")
    return None


def _decision(c: Check) -> str | None:
    problems = []
    if not c.persons:
        problems.append(_("at least one person concerned (where nobody is known, record the role only)"))
    for person, measures in c.persons:
        # pragma below: "and" or "or" read the same, as the database keeps a finding and its date together.
        if not (person.finding and person.finding_on):  # pragma: no mutate
            problems.append(_("the finding and its date for person %(number)s") % {"number": person.number})
        if not measures:
            problems.append(_("a measure (or “No measure”) and its date for person %(number)s") % {"number": person.number})
    if not c.texts.get("decision_reasons", "").strip():
        problems.append(_("the reasons for the decision"))
    if problems:
        return _("The decision is incomplete; missing: %(fields)s.") % {"fields": ", ".join(str(p) for p in problems)}
    return None


def instrument_record_missing(instrument: str, entries, persons) -> list[str]:
    """What the instrument's record still lacks (labels for the handler), from the table above."""
    kinds = {kind for entry_instrument, kind, _person, _detail in entries if entry_instrument == instrument}
    missing = [str(K(kind).label) for kind in INSTRUMENT_RECORDS.get(instrument, ()) if kind not in kinds]
    if instrument == Instrument.INVESTIGATION:
        # pragma below: "and" or "or" read the same, as hearings are recorded only in investigations (INSTRUMENT_KINDS).
        heard = {person for entry_instrument, kind, person, _detail in entries if entry_instrument == instrument and kind == K.HEARING}  # pragma: no mutate
        missing += [
            _("the hearing of person %(number)s and their response (their finding is a breach)") % {"number": person.number}
            for person, _measures in persons if person.finding in HEARD_FINDINGS and person.pk not in heard
        ]
    if instrument in (Instrument.REFERRAL_COMPLAINTS, Instrument.REFERRAL_OTHER):
        with_identity = any(
            entry_instrument == instrument and kind == K.HANDED_OVER and detail == InstrumentEntry.Detail.WITH_IDENTITY
            for entry_instrument, kind, _person, detail in entries
        )
        if with_identity and K.REPORTER_CONSENT not in kinds:
            missing.append(_("the reporter's consent, as their identity goes along"))
    return missing


def _instrument_record(c: Check) -> str | None:
    missing = instrument_record_missing(c.case.instrument, c.entries, c.persons)
    if missing:  # never without an instrument: with none chosen, nothing is missing
        return _("The record of the instrument (%(instrument)s) is incomplete; missing: %(fields)s.") % {
            "instrument": Instrument(c.case.instrument).label, "fields": "; ".join(str(m) for m in missing),
        }
    return None


def _feedback_given(c: Check) -> str | None:
    if c.reports_without_feedback:
        return _("Send feedback to the reporter first (report %(references)s has none yet).") % {
            "references": ", ".join(c.reports_without_feedback)
        }
    return None


PLACEHOLDER = "[...]"


def _message_problem(text: str) -> str | None:
    if not text.strip():
        return _("Write the message to the reporter: they read it in the mailbox, in their language.")
    if PLACEHOLDER in text:
        return _("Replace %(mark)s in the message to the reporter with your own text.") % {"mark": PLACEHOLDER}
    return None


def _reporter_message(c: Check) -> str | None:
    return _message_problem(c.texts.get(REPORTER_MESSAGE, ""))


def _closure_message(c: Check) -> str | None:
    """The closure message goes with the closing step, unless every reporter already had one."""
    text = c.texts.get(REPORTER_MESSAGE, "")
    if text.strip() or not c.reports_without_closure:
        return _message_problem(text) if text.strip() else None
    return _("Send the closure message to the reporter (report %(references)s has none yet).") % {
        "references": ", ".join(c.reports_without_closure)
    }


def _reason(c: Check) -> str | None:
    return None if c.reason.strip() else _("Give the reason for this step.")


REQUIREMENTS: dict[str, Callable[[Check], str | None]] = {
    "assessment": _assessment,
    "instrument": _instrument,
    "instrument_reasons": _instrument_reasons,
    "decision": _decision,
    "instrument_record": _instrument_record,
    "feedback_given": _feedback_given,
    "reporter_message": _reporter_message,
    "closure_message": _closure_message,
    "reason": _reason,
}


def allowed_from(state: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if state in t.sources]


def refusal_for_state(transition: Transition, state: str) -> str:
    sources = ", ".join(str(S(s).label) for s in sorted(transition.sources))
    return _("“%(step)s” is not possible while the case is “%(state)s”; it is possible from: %(sources)s.") % {
        "step": transition.label, "state": S(state).label, "sources": sources,
    }


def unmet_requirements(transition: Transition, check: Check) -> list[str]:
    return [problem for name in transition.requires if (problem := REQUIREMENTS[name](check))]
