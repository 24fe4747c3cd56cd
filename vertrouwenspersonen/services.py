"""Writes of the counsellor area: profiles, advice sessions, forwarding to the CCI, training records.

Every function is one transaction with its audit event inside it. Ownership is checked here as well
as in the views: a session is written and read only by the counsellor who logged it.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from meldpunt.accounts.models import Role, User
from meldpunt.audit.services import audit_record
from meldpunt.intake.models import ROUTE_COUNSELLOR_COORDINATOR, Category, Channel, PublicStatus, Report
from meldpunt.intake.services import (
    ReportDetails,
    mailbox_message_to_reporter,
    report_status_set,
    report_submit,
)
from meldpunt.notifications import notify
from meldpunt.organisation.models import Post, Region

from .models import (
    COMPLAINT_ACKNOWLEDGE_DAYS,
    COMPLAINT_CONCLUDE_DAYS,
    AdviceSession,
    ComplaintNote,
    ComplaintStatus,
    Counsellor,
    CounsellorComplaint,
    CounsellorDisclosure,
    CounsellorLanguage,
    CounsellorPhoto,
    CounsellorSpecialism,
    DisclosureField,
    EditableGroup,
    PosterPrint,
    TrainingEvent,
    TrainingSignup,
    WorkLocation,
)
from .photos import CleanPhoto
from .posters import sheet_snapshot

TRANSLATED_FIELDS = ("introduction", "availability")


def _made_with(model, token, **scope):
    """The row a form with this one-time token already made (a double submit), if any."""
    if not token:
        return None
    return model.objects.filter(submission_token=token, **scope).first()


def _once(model, token, create, **scope):
    """Run `create` unless the token's row exists; a racing twin that wins makes us return its row."""
    existing = _made_with(model, token, **scope)
    if existing is not None:
        return existing
    try:
        return create()
    except IntegrityError:
        existing = _made_with(model, token, **scope)
        if existing is None:
            raise
        return existing


def translated_field_names(field: str) -> list[str]:
    return [build_localized_fieldname(field, code) for code, _name in settings.LANGUAGES]  # Indonesian: _ind


# What each editable part of a profile consists of. `changes` dictionaries use these names.
FIELDS_OF_GROUP: dict[str, list[str]] = {
    EditableGroup.INTRODUCTION: translated_field_names("introduction"),
    EditableGroup.AVAILABILITY: translated_field_names("availability"),
    EditableGroup.CONTACT: ["phone", "email", "video_link"],
    EditableGroup.LANGUAGES: ["languages"],
    EditableGroup.SPECIALISMS: ["specialisms"],
    EditableGroup.COVERAGE: ["posts", "regions"],
    EditableGroup.GENDER: ["gender"],
    EditableGroup.PHOTO: ["photo", "remove_photo"],
}
# Showing a bi-cultural background or lived experience is the counsellor's own choice, always.
SELF_DISCLOSURE_FIELDS = ["shows_bicultural_background", "shows_lived_experience"]
COORDINATOR_FIELDS = ["name", "kind", "organisation", "user", "is_published", "self_editable"]
SCALAR_FIELDS = {
    *COORDINATOR_FIELDS, *SELF_DISCLOSURE_FIELDS, "phone", "email", "video_link", "gender",
    *translated_field_names("introduction"), *translated_field_names("availability"),
}
ALL_FIELDS = SCALAR_FIELDS | {"languages", "specialisms", "posts", "regions", "photo", "remove_photo"}


def fields_editable_by_counsellor(counsellor: Counsellor) -> list[str]:
    names = []
    for group in counsellor.self_editable or []:
        names.extend(FIELDS_OF_GROUP.get(group, []))
    return names + SELF_DISCLOSURE_FIELDS


def _apply_profile_changes(counsellor: Counsellor, changes: dict[str, Any]) -> list[str]:
    unknown = set(changes) - ALL_FIELDS
    if unknown:
        raise ValueError(f"Unknown profile fields: {sorted(unknown)}")
    user = changes.get("user", counsellor.user if counsellor.pk else None)
    if user is not None and user.role != Role.COUNSELLOR:
        # Translators: Legal meaning, translate exactly and say no more than the English; the identity is kept confidential and disclosed only with consent or by legal duty, after telling the person why (EU 2019/1937 art. 16); 'in confidence' is never 'total' or 'absolute' confidentiality: counsellors have no legal privilege. Terms: locale/glossary.tsv.
        raise ValidationError({"user": _("Only an account with the role of confidential counsellor can be linked.")})
    for name in SCALAR_FIELDS & set(changes):
        value = changes[name]
        setattr(counsellor, name, value if value is not None or name == "user" else "")
    counsellor.full_clean()
    counsellor.save()
    if "languages" in changes:
        _replace_rows(counsellor, CounsellorLanguage, counsellor.language_rows, changes["languages"])
    if "specialisms" in changes:
        _replace_rows(counsellor, CounsellorSpecialism, counsellor.specialism_rows, changes["specialisms"])
    if "posts" in changes:
        counsellor.posts.set(changes["posts"])
    if "regions" in changes:
        counsellor.regions.set(changes["regions"])
    if changes.get("photo") is not None:
        photo: CleanPhoto = changes["photo"]
        CounsellorPhoto.objects.update_or_create(
            counsellor=counsellor,
            defaults={"jpeg": photo.jpeg, "digest": photo.digest, "width": photo.width, "height": photo.height},
        )
    elif changes.get("remove_photo"):
        CounsellorPhoto.objects.filter(counsellor=counsellor).delete()
    return sorted(name for name, value in changes.items() if name != "remove_photo" or value)


def _replace_rows(counsellor: Counsellor, model, related, codes: Iterable[str]) -> None:
    wanted = list(dict.fromkeys(codes))  # keep the order given, drop repeats
    related.exclude(code__in=wanted).delete()
    have = set(related.values_list("code", flat=True))
    for code in wanted:
        if code not in have:
            row = model(counsellor=counsellor, code=code)
            row.full_clean()
            row.save()


def counsellor_create(*, actor: User, changes: dict[str, Any], submission_token: uuid.UUID | None = None) -> Counsellor:
    """The coordinator adds a counsellor to the directory."""

    @transaction.atomic
    def create() -> Counsellor:
        counsellor = Counsellor(submission_token=submission_token)
        fields = _apply_profile_changes(counsellor, changes)
        audit_record(actor=actor, action="counsellor.created", target=counsellor, fields=fields)
        return counsellor

    return _once(Counsellor, submission_token, create)


@transaction.atomic
def counsellor_update(*, actor: User, counsellor: Counsellor, changes: dict[str, Any]) -> Counsellor:
    """The coordinator changes any part of a profile."""
    counsellor = Counsellor.objects.select_for_update().get(pk=counsellor.pk)
    fields = _apply_profile_changes(counsellor, changes)
    audit_record(actor=actor, action="counsellor.updated", target=counsellor, fields=fields)
    return counsellor


@transaction.atomic
def counsellor_self_update(*, actor: User, counsellor: Counsellor, changes: dict[str, Any]) -> Counsellor:
    """A counsellor changes their own profile, within the parts the coordinator allows."""
    counsellor = Counsellor.objects.select_for_update().get(pk=counsellor.pk)
    if counsellor.user_id != actor.pk or actor.role != Role.COUNSELLOR:
        raise PermissionDenied
    outside = set(changes) - set(fields_editable_by_counsellor(counsellor))
    if outside:
        raise PermissionDenied(f"Not editable by the counsellor: {sorted(outside)}")
    fields = _apply_profile_changes(counsellor, changes)
    audit_record(actor=actor, action="counsellor.self_updated", target=counsellor, fields=fields)
    return counsellor


@transaction.atomic
def counsellor_confirm_current(*, actor: User, counsellor: Counsellor) -> Counsellor:
    """The counsellor confirms that what the directory says about them is current."""
    counsellor = Counsellor.objects.select_for_update().get(pk=counsellor.pk)
    if counsellor.user_id != actor.pk or actor.role != Role.COUNSELLOR:
        raise PermissionDenied
    counsellor.confirmed_current_at = timezone.now()
    counsellor.save(update_fields=["confirmed_current_at", "updated_at"])
    audit_record(actor=actor, action="counsellor.confirmed_current", target=counsellor)
    return counsellor


# --- advice sessions ------------------------------------------------------------------------------


def _require_owner(actor: User, session: AdviceSession) -> None:
    if not (actor.is_active and actor.role == Role.COUNSELLOR and session.counsellor_id == actor.pk):
        raise PermissionDenied


def _place(post: Post | None, region: Region | None) -> tuple[Post | None, Region]:
    if post is not None:
        return post, post.region
    if region is None:
        raise ValidationError({"region": _("Choose the post or the region.")})
    return None, region


def advice_session_log(
    *,
    actor: User,
    held_on: datetime.date,
    channel: str,
    topic: Category,
    advice: str,
    follow_up: str,
    post: Post | None = None,
    region: Region | None = None,
    submission_token: uuid.UUID | None = None,
) -> AdviceSession:
    """Record one advice session, without names; the advice text is sealed."""
    if not (actor.is_active and actor.role == Role.COUNSELLOR):
        raise PermissionDenied
    post, region = _place(post, region)

    @transaction.atomic
    def create() -> AdviceSession:
        session = AdviceSession(
            counsellor=actor, held_on=held_on, channel=channel, post=post, region=region, topic=topic,
            follow_up=follow_up, submission_token=submission_token,
        )
        session.seal("advice", advice)
        session.full_clean()
        session.save()
        audit_record(actor=actor, action="advice_session.logged", target=session)
        return session

    return _once(AdviceSession, submission_token, create, counsellor=actor)


@transaction.atomic
def advice_session_update(
    *,
    actor: User,
    session: AdviceSession,
    held_on: datetime.date,
    channel: str,
    topic: Category,
    advice: str,
    follow_up: str,
    post: Post | None = None,
    region: Region | None = None,
) -> AdviceSession:
    session = AdviceSession.objects.select_for_update().get(pk=session.pk)
    _require_owner(actor, session)
    session.post, session.region = _place(post, region)
    session.held_on, session.channel, session.topic, session.follow_up = held_on, channel, topic, follow_up
    session.seal("advice", advice)
    session.full_clean()
    session.save()
    audit_record(actor=actor, action="advice_session.updated", target=session)
    return session


@transaction.atomic
def advice_session_read(*, actor: User, session: AdviceSession) -> str:
    """The session's advice text, for its counsellor; every read is written to the audit trail."""
    _require_owner(actor, session)
    audit_record(actor=actor, action="advice_session.read", target=session)
    return session.unseal("advice")


@dataclass(frozen=True)
class Forwarded:
    report: Report
    receipt_code: str | None  # None when the session had already been forwarded (a double submit)


def advice_session_forward(
    *,
    actor: User,
    session: AdviceSession,
    details: ReportDetails,
    language: str,
    submission_token: str,
    consent: bool,
) -> Forwarded:
    """File a report with the CCI on the person's behalf, at their request, with their consent recorded.

    The report goes in through intake like any other (channel: counsellor), so the person gets their
    own receipt code and follows it up in the ordinary mailbox. A session is forwarded once.
    """
    if not consent:
        # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
        raise ValidationError({"consent": _("A report is forwarded only when the person asked for it and agreed.")})
    with transaction.atomic():
        session = AdviceSession.objects.select_for_update().get(pk=session.pk)
        _require_owner(actor, session)
        if session.forwarded_report_id:
            return Forwarded(report=session.forwarded_report, receipt_code=None)
        submitted = report_submit(
            details=details, channel=Channel.COUNSELLOR, language=language,
            submission_token=submission_token, recorded_by=actor,
        )
        session.forwarded_report = submitted.report
        session.forward_consent_at = timezone.now()
        session.forwarded_anonymously = details.is_anonymous
        session.full_clean()
        session.save(update_fields=["forwarded_report", "forward_consent_at", "forwarded_anonymously"])
        audit_record(
            actor=actor, action="advice_session.forwarded", target=session,
            report=str(submitted.report.pk), anonymous=details.is_anonymous,
        )
        return Forwarded(report=submitted.report, receipt_code=submitted.receipt_code)


# --- training and intervision ---------------------------------------------------------------------


def training_event_record(
    *,
    actor: User,
    kind: str,
    title: str,
    held_on: datetime.date,
    attendees: Iterable[Counsellor],
    region: Region | None = None,
    submission_token: uuid.UUID | None = None,
) -> TrainingEvent:
    """The coordinator records a training or intervision meeting and who attended it."""
    attendees = list(attendees)
    if not attendees:
        raise ValidationError({"attendees": _("Choose at least one counsellor who attended.")})

    @transaction.atomic
    def create() -> TrainingEvent:
        event = TrainingEvent(
            kind=kind, title=title, held_on=held_on, region=region, recorded_by=actor, submission_token=submission_token
        )
        event.full_clean()
        event.save()
        event.attendees.set(attendees)
        audit_record(actor=actor, action="training.recorded", target=event, kind=kind, attendees=len(attendees))
        return event

    return _once(TrainingEvent, submission_token, create)


# --- posters and leaflets -------------------------------------------------------------------------


def poster_prints_make(*, actor: User, posts: Iterable[Post], kind: str, paper: str) -> uuid.UUID:
    """The coordinator makes posters or leaflets for one post or many at once. Each sheet is recorded
    with what it names, so the overview can later tell when it is out of date. Returns the batch."""
    if actor.role != Role.COUNSELLOR_COORDINATOR:
        raise PermissionDenied
    posts = list(posts)
    if not posts:
        raise ValidationError(_("There is no active post to make a sheet for."))
    batch = uuid.uuid4()
    made_at = timezone.now()
    snapshot = sheet_snapshot(posts)
    with transaction.atomic():
        for post in posts:
            counsellor_ids, language_codes = snapshot[post.pk]
            row = PosterPrint(
                batch=batch, post=post, kind=kind, paper=paper, made_at=made_at, made_by=actor,
                counsellor_ids=counsellor_ids, language_codes=language_codes,
            )
            row.full_clean()
            row.save()
        audit_record(actor=actor, action="poster.made", kind=kind, paper=paper, posts=len(posts), batch=str(batch))
    return batch


# --- work locations (residences, garages, guard posts) --------------------------------------------


def work_location_save(
    *,
    actor: User,
    post: Post,
    name: str,
    staff_groups: list[str],
    languages: list[str],
    counsellors: Iterable[Counsellor],
    is_active: bool = True,
    location: WorkLocation | None = None,
) -> WorkLocation:
    """The coordinator adds or changes a post's work location and names its counsellors."""
    if actor.role != Role.COUNSELLOR_COORDINATOR:
        raise PermissionDenied
    with transaction.atomic():
        if location is None:
            location = WorkLocation()
            action = "work_location.created"
        else:
            location = WorkLocation.objects.select_for_update().get(pk=location.pk)
            action = "work_location.updated"
        location.post, location.name, location.is_active = post, name.strip(), is_active
        location.staff_groups = list(dict.fromkeys(staff_groups))
        location.languages = ",".join(dict.fromkeys(languages))
        try:
            location.full_clean()
        except ValidationError as error:
            if "__all__" in getattr(error, "error_dict", {}):
                raise ValidationError({"name": _("This post already has a work location with this name.")}) from None
            raise
        location.save()
        location.counsellors.set(list(counsellors))
        audit_record(actor=actor, action=action, target=location, post=post.pk, counsellors=location.counsellors.count())
    return location


# --- a diverse pool, by choice (GDPR art. 9: explicit consent, withdrawable at once) ---------------


def counsellor_disclosures_set(
    *, actor: User, counsellor: Counsellor, choices: dict[str, str], consents: Iterable[str]
) -> Counsellor:
    """The counsellor themselves chooses what to show. A value is kept only with explicit consent for
    that field; an empty choice withdraws it and deletes it at once. Nobody else may do this for them.
    The audit trail records which field was consented to or withdrawn, never the value."""
    consents = set(consents)
    with transaction.atomic():
        counsellor = Counsellor.objects.select_for_update().get(pk=counsellor.pk)
        if not (actor.is_active and actor.role == Role.COUNSELLOR and counsellor.user_id == actor.pk):
            raise PermissionDenied
        have = {row.field: row for row in counsellor.disclosure_rows.all()}
        # Unticking the consent of what is shown withdraws it; a new choice needs the box ticked.
        choices = {
            name: ("" if value and name not in consents and name in have and have[name].value == value else value)
            for name, value in choices.items()
        }
        missing = [name for name, value in choices.items() if value and name not in consents]
        if missing:
            raise ValidationError(
                {name: _("Tick the box to agree that this is shown, or choose 'Not shown'.") for name in missing}
            )
        now = timezone.now()
        for name, value in choices.items():
            if name not in DisclosureField.values:
                raise ValueError(f"Unknown disclosure field: {name}")
            row = have.get(name)
            if not value:
                if row is not None:
                    row.delete()
                    audit_record(actor=actor, action="counsellor.disclosure_withdrawn", target=counsellor, field=name)
                continue
            if row is not None and row.value == value:
                continue
            row = row or CounsellorDisclosure(counsellor=counsellor, field=name)
            row.value, row.consented_at = value, now
            row.full_clean()
            row.save()
            audit_record(actor=actor, action="counsellor.disclosure_consented", target=counsellor, field=name)
    return counsellor


# --- scheduling training and intervision ----------------------------------------------------------


def _require_coordinator(actor: User) -> None:
    if not (actor.is_active and actor.role == Role.COUNSELLOR_COORDINATOR):
        raise PermissionDenied


def training_session_schedule(
    *,
    actor: User,
    kind: str,
    title: str,
    held_on: datetime.date,
    language: str,
    place: str = "",
    video_link: str = "",
    region: Region | None = None,
    submission_token: uuid.UUID | None = None,
) -> TrainingEvent:
    """The coordinator schedules a (regional) training or intervision session: date, place or video, language."""
    _require_coordinator(actor)
    if held_on < timezone.localdate():
        raise ValidationError({"held_on": _("Schedule a session for today or later.")})
    if not (place.strip() or video_link.strip()):
        raise ValidationError({"place": _("Give a place, a video link, or both.")})

    @transaction.atomic
    def create() -> TrainingEvent:
        event = TrainingEvent(
            kind=kind, title=title, held_on=held_on, language=language, place=place.strip(), video_link=video_link,
            region=region, recorded_by=actor, submission_token=submission_token,
        )
        event.full_clean()
        event.save()
        audit_record(actor=actor, action="training.scheduled", target=event, kind=kind)
        return event

    return _once(TrainingEvent, submission_token, create)


def _own_counsellor(actor: User) -> Counsellor:
    counsellor = Counsellor.objects.filter(user=actor).first() if actor.role == Role.COUNSELLOR else None
    if counsellor is None or not actor.is_active:
        raise PermissionDenied
    return counsellor


def _session_still_open(actor: User, event: TrainingEvent) -> tuple[Counsellor, TrainingEvent]:
    """The actor's own profile and the session, locked; refused once the session has taken place."""
    counsellor = _own_counsellor(actor)
    event = TrainingEvent.objects.select_for_update().get(pk=event.pk)
    if event.held_on < timezone.localdate():
        raise ValidationError(_("This session has already taken place."))
    return counsellor, event


@transaction.atomic
def training_sign_up(*, actor: User, event: TrainingEvent) -> TrainingSignup:
    """A counsellor signs up for a session that has not yet taken place. Twice is once."""
    counsellor, event = _session_still_open(actor, event)
    signup, created = TrainingSignup.objects.get_or_create(
        event=event, counsellor=counsellor, defaults={"signed_up_at": timezone.now()}
    )
    if created:
        audit_record(actor=actor, action="training.signed_up", target=event)
    return signup


@transaction.atomic
def training_sign_up_cancel(*, actor: User, event: TrainingEvent) -> None:
    counsellor, event = _session_still_open(actor, event)
    deleted, _rows = TrainingSignup.objects.filter(event=event, counsellor=counsellor).delete()
    if deleted:
        audit_record(actor=actor, action="training.sign_up_cancelled", target=event)


@transaction.atomic
def training_attendance_record(*, actor: User, event: TrainingEvent, attendees: Iterable[Counsellor]) -> TrainingEvent:
    """After the session, the coordinator records who attended (signed up or not)."""
    _require_coordinator(actor)
    event = TrainingEvent.objects.select_for_update().get(pk=event.pk)
    if event.held_on > timezone.localdate():
        raise ValidationError(_("Attendance is recorded once the session has taken place."))
    attendees = list(attendees)
    event.attendees.set(attendees)
    audit_record(actor=actor, action="training.attendance_recorded", target=event, attendees=len(attendees))
    return event


# --- when trust breaks: complaints about a counsellor ---------------------------------------------


def complaint_deadlines(received_on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """(acknowledge by, conclude by) for a complaint received on `received_on`."""
    return (
        received_on + datetime.timedelta(days=COMPLAINT_ACKNOWLEDGE_DAYS),
        received_on + datetime.timedelta(days=COMPLAINT_CONCLUDE_DAYS),
    )


def on_report_received(*, report: Report, **_kwargs) -> None:
    """Listener for intake's report_received: a report routed to the counsellor coordinator becomes a
    complaint on their worklist, with its own deadlines. Reports for the desks are left alone."""
    if report.desk != ROUTE_COUNSELLOR_COORDINATOR:
        return
    received_on = timezone.localdate(report.received_at)
    acknowledge_due, conclude_due = complaint_deadlines(received_on)
    complaint, created = CounsellorComplaint.objects.get_or_create(
        report=report,
        defaults={"received_on": received_on, "acknowledge_due": acknowledge_due, "conclude_due": conclude_due},
    )
    if created:
        audit_record(actor=None, actor_label="system", action="complaint.opened", target=complaint, report=str(report.pk))
        # Only the counsellor coordinators are told, without content; never a counsellor, never a desk.
        recipients = list(
            User.objects.filter(role=Role.COUNSELLOR_COORDINATOR, is_active=True).exclude(email="")
            .values_list("email", flat=True)
        )
        link = reverse("counsellors:complaint", kwargs={"complaint_id": complaint.pk})
        transaction.on_commit(
            lambda: notify(recipients=recipients, template="counsellor_complaint_new", link=link)
        )


def _complaint_locked(actor: User, complaint: CounsellorComplaint) -> CounsellorComplaint:
    _require_coordinator(actor)
    # Lock the complaint row alone (PostgreSQL refuses FOR UPDATE across the nullable counsellor join).
    complaint = CounsellorComplaint.objects.select_for_update(of=("self",)).select_related("report", "counsellor").get(
        pk=complaint.pk
    )
    if complaint.counsellor_id and complaint.counsellor.user_id == actor.pk:
        raise PermissionDenied  # never the counsellor concerned
    return complaint


@transaction.atomic
def complaint_read(*, actor: User, complaint: CounsellorComplaint) -> str:
    """The complaint's text (the report's narrative) and notes, for the coordinator; on the record."""
    complaint = _complaint_locked(actor, complaint)
    audit_record(actor=actor, action="complaint.read", target=complaint)
    audit_record(actor=actor, action="report.read", target=complaint.report)
    return complaint.report.unseal("narrative")


@transaction.atomic
def complaint_update(
    *,
    actor: User,
    complaint: CounsellorComplaint,
    counsellor: Counsellor | None = None,
    note: str = "",
    message: str = "",
    acknowledge: bool = False,
    outcome: str = "",
) -> CounsellorComplaint:
    """One step of handling, on the record: name the counsellor concerned, add a sealed note, write to
    the reporter's mailbox, acknowledge, or conclude with an outcome (which needs a message to the reporter)."""
    complaint = _complaint_locked(actor, complaint)
    if complaint.status == ComplaintStatus.CONCLUDED:
        raise ValidationError(_("This complaint is concluded."))
    if outcome and not message.strip():
        raise ValidationError({"message": _("Tell the reporter what came of it before you conclude.")})
    now = timezone.now()
    if counsellor is not None and counsellor.pk != complaint.counsellor_id:
        complaint.counsellor = counsellor
        audit_record(actor=actor, action="complaint.counsellor_named", target=complaint, counsellor=counsellor.pk)
    if note.strip():
        entry = ComplaintNote(complaint=complaint, written_by=actor, written_at=now)
        entry.seal("text", note.strip())
        entry.save()
        audit_record(actor=actor, action="complaint.note_added", target=complaint)
    if message.strip():
        mailbox_message_to_reporter(report=complaint.report, sender=actor, body=message.strip())
    if acknowledge and complaint.acknowledged_at is None:
        complaint.acknowledged_at = now
        complaint.status = ComplaintStatus.IN_PROGRESS
        report_status_set(report=complaint.report, status=PublicStatus.ACKNOWLEDGED, actor=actor)
        audit_record(actor=actor, action="complaint.acknowledged", target=complaint)
    if outcome:
        complaint.acknowledged_at = complaint.acknowledged_at or now
        complaint.status, complaint.outcome, complaint.concluded_at = ComplaintStatus.CONCLUDED, outcome, now
        report_status_set(report=complaint.report, status=PublicStatus.CLOSED, actor=actor)
        audit_record(actor=actor, action="complaint.concluded", target=complaint, outcome=outcome)
    complaint.full_clean()
    complaint.save()
    return complaint
