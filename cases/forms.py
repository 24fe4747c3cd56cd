import uuid

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldpunt.form_text import TypedTextMixin
from meldpunt.intake.forms import CategoryChoiceField, categories_in_order
from meldpunt.intake.models import Category

from .models import (
    CaseExclusion,
    Finding,
    Instrument,
    InstrumentEntry,
    Measure,
    RetaliationRisk,
    Seriousness,
    Urgency,
)
from .workflow import PLACEHOLDER  # marks, in a standard text, the part that only the handler can write


class OnceForm(forms.Form):
    """A form whose second submission (double click, reload) changes nothing."""

    # Optional so that a client without it (a script, an old page) still works, just without the guard.
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4().hex)


class VersionedForm(forms.Form):
    """Carries the case version the handler saw, so a colleague's change in between is not overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def _text(label, *, rows=6, required=True, max_length=None, help_text=""):
    return forms.CharField(
        label=label, required=required, max_length=max_length or settings.REPORT_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": rows}), help_text=help_text,
    )


def _date(label, *, required=True):
    return forms.DateField(label=label, required=required, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class ReplyForm(TypedTextMixin, OnceForm):
    body = _text(_("Message to the reporter"), help_text=_("The reporter reads this in the secure mailbox, never by email."))

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a message before sending."))
        if PLACEHOLDER in body:
            raise forms.ValidationError(_("Replace %(mark)s with your own text before sending.") % {"mark": PLACEHOLDER})
        return body


class CaseOpenForm(forms.Form):
    reference = forms.CharField(
        label=_("Add to an existing case"), max_length=20, required=False,
        help_text=_("The case reference, e.g. Z-2026-00012. Leave empty to open a new case."),
    )


class AssessmentForm(VersionedForm):
    category = CategoryChoiceField(label=_("Category (confirmed or changed)"), queryset=Category.objects.filter(is_active=True))
    seriousness = forms.ChoiceField(label=_("Seriousness"), choices=[("", "—"), *Seriousness.choices])
    retaliation_risk = forms.ChoiceField(label=_("Risk of retaliation for the reporter"), choices=[("", "—"), *RetaliationRisk.choices])
    urgency = forms.ChoiceField(label=_("Urgency"), choices=[("", "—"), *Urgency.choices])
    considerations = _text(
        _("Considerations"), rows=10,
        help_text=_("The nature of the report, how it should be handled and why. Kept encrypted; never shown to the reporter."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["category"]
        field.choices = [("", "—")] + [(c.pk, field.label_from_instance(c)) for c in categories_in_order()]

    def clean_considerations(self):
        text = self.cleaned_data["considerations"].strip()
        if not text:
            raise forms.ValidationError(_("Write down the considerations."))
        return text


class TransitionForm(VersionedForm):
    """The fields of one workflow step: only those the step takes are kept (see workflow.Transition)."""

    reason = _text(_("Reason"), rows=4, required=False, max_length=settings.REPORT_SHORT_TEXT_MAX_CHARS)
    instrument = forms.ChoiceField(label=_("Instrument"), choices=[("", "—"), *Instrument.choices], required=False)
    instrument_reasons = _text(_("Reasons for this instrument"), rows=5, required=False)
    decision_reasons = _text(_("Reasons for the decision"), rows=6, required=False)
    reporter_message = _text(
        _("Message to the reporter"), rows=10, required=False,
        help_text=_("Sent to the mailbox of every reporter of the case with this step, never by email. Prefilled with the standard text in the reporter's language; replace [...] with your own words."),
    )

    lessons = _text(
        _("Lessons learned (optional)"), rows=5, required=False,
        help_text=_("What the organisation should change, without names or details that point to anyone. Kept encrypted; the coordinator lists them per year."),
    )

    def __init__(self, *args, transition, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        keep = {"version", *transition.inputs, *(("reason",) if transition.needs_reason else ())}
        if transition.name == "close":
            keep.add("reason")  # an optional closing note
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if transition.needs_reason:
            self.fields["reason"].required = True
        if "instrument" in self.fields:
            self.fields["instrument"].required = True

    def values(self) -> dict:
        """The case values this step sets (everything except the version and the reason)."""
        return {k: v for k, v in self.cleaned_data.items() if k not in ("version", "reason")}


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(label=_("Handler"), queryset=None, empty_label=_("Choose a handler"))

    def __init__(self, *args, handlers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers
        self.fields["handler"].label_from_instance = lambda u: f"{u.get_full_name() or u.get_username()} ({u.get_username()})"


class ExclusionForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Staff member"), queryset=None, empty_label=_("Choose a staff member"))
    reason = forms.ChoiceField(label=_("Why"), choices=CaseExclusion.Reason.choices, widget=forms.RadioSelect)

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = staff
        self.fields["user"].label_from_instance = lambda u: f"{u.get_full_name() or u.get_username()} ({u.get_username()})"


class NoteForm(OnceForm):
    body = _text(_("Internal note"), rows=4, help_text=_("For the case team only; never shown to the reporter."))

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write the note before saving."))
        return body


class MinutesForm(OnceForm):
    held_on = _date(_("Date of the meeting"))
    body = _text(
        _("Minutes"), rows=14,
        help_text=_("The reporter reads these in the mailbox and accepts them or asks for a correction. Every version is kept."),
    )

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("Minutes are recorded after the meeting; the date cannot be in the future."))
        return held_on

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write the minutes before saving."))
        return body


class FiguresForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    scope = forms.ChoiceField(
        label=_("Desks"), required=False,
        choices=[("desk", _("My desk")), ("all", _("All desks (organisation-wide)"))],
    )

    def clean_scope(self):
        return self.cleaned_data.get("scope") or "desk"


class DeadlineChangeForm(OnceForm):
    """A coordinator extends one deadline, or suspends or resumes the report's clocks."""

    ACTIONS = [
        ("extend_acknowledgement", _("Extend the acknowledgement deadline")),
        ("extend_feedback", _("Extend the feedback deadline")),
        ("suspend", _("Suspend the deadlines")),
        ("resume", _("Resume the deadlines")),
    ]

    action = forms.ChoiceField(label=_("Change"), choices=ACTIONS, widget=forms.RadioSelect)
    new_due = _date(_("New date (for an extension)"), required=False)
    reason = _text(_("Reason"), rows=3, max_length=2000, required=False,
                   help_text=_("For the desk's record; the reporter reads a standard message, not this reason."))

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action and action.startswith("extend_"):
            if not data.get("new_due"):
                self.add_error("new_due", _("Give the new date."))
            elif data["new_due"] <= timezone.localdate():
                self.add_error("new_due", _("The new date must lie in the future."))
        if action and action != "resume" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for this change."))
        return data


class MailboxJoinForm(forms.Form):
    """Join this report's mailbox to an earlier report of the same reporter who lost the code."""

    earlier = forms.CharField(label=_("Reference of the earlier report"), max_length=20)
    reason = forms.CharField(
        label=_("Why you are sure it is the same reporter"),
        help_text=_("What you checked in this report's mailbox. Kept sealed with the earlier report."),
        max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
    )
class ExampleOutcomeForm(forms.Form):
    """An anonymised example outcome for the transparency page, in Dutch and English at least."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    text_nl = forms.CharField(label=_("Example (Dutch)"), max_length=600, widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("No names, places, dates or details that point to anyone."))
    text_en = forms.CharField(label=_("Example (English)"), max_length=600, widget=forms.Textarea(attrs={"rows": 3}))
    text_fr = forms.CharField(label=_("Example (French)"), max_length=600, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    text_es = forms.CharField(label=_("Example (Spanish)"), max_length=600, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    text_pt = forms.CharField(label=_("Example (Portuguese)"), max_length=600, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    text_ar = forms.CharField(label=_("Example (Arabic)"), max_length=600, required=False,
                              widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}))
    text_ru = forms.CharField(label=_("Example (Russian)"), max_length=600, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    text_zh_hans = forms.CharField(label=_("Example (Chinese)"), max_length=600, required=False, widget=forms.Textarea(attrs={"rows": 2}))


def _not_in_future(value):
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("A decision cannot be dated in the future."))
    return value


class PersonForm(OnceForm):
    """A person concerned: name and role (sealed), and their finding with its date."""

    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    role = forms.CharField(label=_("Role or position"), max_length=200, required=False,
                           help_text=_("Where the name is not known, the role is enough (e.g. head of section at the post)."))
    finding = forms.ChoiceField(label=_("Finding"), choices=[("", "—"), *Finding.choices], required=False)
    finding_on = _date(_("Date of the finding"), required=False)

    def clean_finding_on(self):
        return _not_in_future(self.cleaned_data.get("finding_on"))

    def clean(self):
        data = super().clean()
        if not ((data.get("name") or "").strip() or (data.get("role") or "").strip()):
            self.add_error("name", _("Give the name or the role of the person concerned."))
        if data.get("finding") and not data.get("finding_on") and "finding_on" not in self.errors:
            self.add_error("finding_on", _("Give the date of the finding."))
        if data.get("finding_on") and not data.get("finding"):
            self.add_error("finding", _("Choose the finding, or leave the date empty."))
        return data


class MeasureForm(forms.Form):
    measure = forms.ChoiceField(label=_("Measure"), choices=[("", "—"), *Measure.choices],
                                help_text=_("In the Rijk categories; record each measure taken for this person."))
    taken_on = _date(_("Date of the measure"))

    def clean_taken_on(self):
        return _not_in_future(self.cleaned_data.get("taken_on"))


class InstrumentEntryForm(TypedTextMixin, OnceForm):
    """One entry in the record of the case's instrument; the kinds offered are the instrument's own."""

    kind = forms.ChoiceField(label=_("What to record"))
    on = _date(_("Date"), required=False)
    person = forms.ChoiceField(label=_("Person concerned (for a hearing)"), required=False)
    detail = forms.ChoiceField(
        label=_("Detail"), required=False, choices=[("", "—"), *InstrumentEntry.Detail.choices],
        help_text=_("For the investigator: internal or external. For what was handed over: with or without the reporter's identity."),
    )
    text = _text(_("Text"), rows=6, help_text=_("Kept encrypted; never shown to the reporter."))
    response = _text(_("Response of the person concerned (for a hearing)"), rows=5, required=False)

    def __init__(self, *args, kinds, persons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "—"), *((k, InstrumentEntry.Kind(k).label) for k in kinds)]
        self.fields["person"].choices = [("", "—"), *persons]

    def clean_on(self):
        on = self.cleaned_data.get("on")
        if on and on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return on


class MoveProposalForm(TypedTextMixin, forms.Form):
    """A desk proposes to move a report to another desk; the reporter answers in the mailbox."""

    to_desk = forms.ChoiceField(label=_("Move the report to"), choices=())
    reasons = forms.CharField(
        label=_("Why (the reporter reads this in the mailbox, so write it in their language)"),
        widget=forms.Textarea(attrs={"rows": 4}), max_length=4000,
        error_messages={"required": _("Write the reasons for the move: the reporter reads them before answering.")},
    )

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, **kwargs)
        from meldpunt.accounts.models import Desk

        self.fields["to_desk"].choices = [(value, label) for value, label in Desk.choices if report is None or value != report.desk]
