"""Forms of the counsellor area. They validate input; services decide and write."""

from __future__ import annotations

import datetime
import functools
import uuid

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meldpunt.accounts.models import Role, User
from meldpunt.form_text import TypedTextMixin
from meldpunt.intake.forms import CategoryChoiceField, ReportSubmissionForm, categories_in_order
from meldpunt.intake.models import Category
from meldpunt.organisation.models import Post, Region
from meldpunt.organisation.selectors import posts_for_choice
from meldpunt.widgets import QuickSelect

from . import photos
from .languages import SPOKEN_LANGUAGES, language_name, text_direction
from .models import (
    DISCLOSURE_VALUES,
    ComplaintOutcome,
    Counsellor,
    DisclosureField,
    EditableGroup,
    FollowUp,
    Gender,
    Kind,
    PaperSize,
    PrintKind,
    SessionChannel,
    Specialism,
    StaffGroup,
    TrainingKind,
    WorkLocation,
)
from .services import translated_field_names

ADVICE_MAX_CHARS = 10_000


class OneTimeTokenMixin:
    """A hidden one-time token: the service stores it, so a double submit adds nothing twice."""

    def add_token_field(self):
        self.fields["submission_token"] = forms.CharField(widget=forms.HiddenInput, required=False)
        if not self.is_bound:
            self.initial.setdefault("submission_token", uuid.uuid4().hex)

    def clean_submission_token(self):
        token = self.cleaned_data.get("submission_token") or ""
        try:
            return uuid.UUID(token) if token else None
        except ValueError:
            raise forms.ValidationError(_("The form was damaged. Please send it again.")) from None


def _posts_grouped_by_region():
    """Post choices grouped by region (an <optgroup> each), names in the reader's language."""
    groups: dict[str, list] = {}
    for post in posts_for_choice().order_by("region__name", "name"):
        groups.setdefault(post.region.name, []).append((post.pk, post.name))
    return list(groups.items())


class GroupedPostField(forms.ModelChoiceField):
    widget = QuickSelect

    def __init__(self, *args, **kwargs):
        super().__init__(Post.objects.filter(is_active=True), *args, **kwargs)

    def set_grouped_choices(self):
        # A callable: the posts are read only when the <select> is rendered, not for every search.
        self.choices = lambda: [("", self.empty_label or "")] + _posts_grouped_by_region()


# --- the directory --------------------------------------------------------------------------------


class DirectorySearchForm(TypedTextMixin, forms.Form):
    """The directory's filters: a GET form, so they work without JavaScript and can be bookmarked."""

    q = forms.CharField(label=_("Name"), max_length=100, required=False)
    post = GroupedPostField(label=_("Post or directorate"), required=False, empty_label=_("Any post"))
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.order_by("name"), required=False, empty_label=_("Any region"),
        widget=QuickSelect,
    )
    language = forms.ChoiceField(label=_("Speaks"), required=False, widget=QuickSelect)
    gender = forms.ChoiceField(label=_("Gender"), required=False, widget=QuickSelect)
    specialism = forms.ChoiceField(label=_("Specialism"), required=False, widget=QuickSelect)
    kind = forms.ChoiceField(label=_("Internal or external"), required=False, widget=QuickSelect)
    bicultural = forms.BooleanField(label=_("Has a bi-cultural background (shown by their choice)"), required=False)
    lived_experience = forms.BooleanField(
        label=_("Has lived experience of racism (shown by their choice)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].set_grouped_choices()

    def disclosures(self) -> tuple[tuple[str, str], ...]:
        data = self.cleaned_data if self.is_bound else {}
        return tuple((name, data[name]) for name in DisclosureField.values if data.get(name))


@functools.lru_cache(maxsize=256)
def _filter_choices(name: str, language: str | None) -> list[tuple[str, str]]:
    """A directory filter's choices in one language, worked out once per process (the lists are fixed)."""
    if name == "language":
        first, rest = _("Any language"), sorted(SPOKEN_LANGUAGES, key=lambda item: str(item[1]))
    elif name in DISCLOSURE_VALUES:
        first, rest = _("Any"), DISCLOSURE_VALUES[name]
    else:
        first, rest = {
            "gender": (_("Any gender"), Gender.choices),
            "specialism": (_("Any specialism"), Specialism.choices),
            "kind": (_("Internal and external"), Kind.choices),
        }[name]
    return [("", str(first))] + [(value, str(label)) for value, label in rest]


def _choices_of(name: str):
    # A callable: read in the active language when the form is rendered or checked, not when it is made.
    return lambda: _filter_choices(name, get_language())


for _name in ("language", "gender", "specialism", "kind"):
    DirectorySearchForm.base_fields[_name].choices = _choices_of(_name)
for _name, _label in DisclosureField.choices:  # one filter per kind of disclosure, after the others
    DirectorySearchForm.base_fields[_name] = forms.ChoiceField(
        label=_label, required=False, widget=QuickSelect, choices=_choices_of(_name)
    )


# --- profiles -------------------------------------------------------------------------------------


def _language_widget(code: str, textarea: bool) -> forms.Widget:
    attrs = {"lang": code, "dir": text_direction(code)}
    if textarea:
        attrs["rows"] = 4
    return forms.Textarea(attrs=attrs) if textarea else forms.TextInput(attrs=attrs)


class ProfileForm(OneTimeTokenMixin, forms.Form):
    """Every part of a profile. The coordinator sees all of it; a counsellor sees the parts allowed."""

    name = forms.CharField(label=_("Name"), max_length=160)
    kind = forms.ChoiceField(label=_("Internal or external"), choices=Kind.choices, widget=forms.RadioSelect)
    organisation = forms.CharField(
        label=_("Organisation"), max_length=160, required=False,
        help_text=_("For an external counsellor: the organisation they work for."),
    )
    user = forms.ModelChoiceField(
        label=_("Staff account"), queryset=User.objects.none(), required=False, empty_label=_("No account"),
        help_text=_("The account the counsellor signs in with, if they have one: they can then keep their own profile and log sessions."),
    )
    is_published = forms.BooleanField(label=_("Show in the directory"), required=False)
    self_editable = forms.MultipleChoiceField(
        label=_("Parts the counsellor may edit themselves"), choices=EditableGroup.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", _("Not shown"))] + Gender.choices, required=False
    )
    shows_bicultural_background = forms.BooleanField(
        label=_("Show that I have a bi-cultural background"), required=False,
        help_text=_("Only shown when ticked. Leave it empty if you prefer not to say."),
    )
    shows_lived_experience = forms.BooleanField(
        label=_("Show that I have lived experience of racism"), required=False,
        help_text=_("Only shown when ticked. Leave it empty if you prefer not to say."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"), choices=SPOKEN_LANGUAGES, widget=forms.CheckboxSelectMultiple, required=False
    )
    specialisms = forms.MultipleChoiceField(
        label=_("Specialisms"), choices=Specialism.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions covered"), queryset=Region.objects.order_by("name"), widget=forms.CheckboxSelectMultiple,
        required=False, help_text=_("A counsellor covering a region is there for every post in it."),
    )
    posts = forms.ModelMultipleChoiceField(
        label=_("Posts covered"), queryset=Post.objects.filter(is_active=True).select_related("region"),
        widget=forms.SelectMultiple(attrs={"size": 10}), required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    video_link = forms.URLField(
        label=_("Video call link"), required=False, assume_scheme="https",
        validators=[URLValidator(schemes=["https"], message=_("Use a secure link that starts with https://."))],
        help_text=_("An https link to a video call room or booking page."),
    )
    photo = forms.FileField(
        label=_("Photo"), required=False,
        help_text=_("Optional. A JPEG, PNG or WebP picture of at most 5 MB. It is resized, and everything else in the file (such as location data) is removed."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)

    def __init__(self, *args, editable: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if editable is None:
            self.add_token_field()  # the coordinator's form can add a counsellor
        for field_name in ("introduction", "availability"):
            label = _("Introduction") if field_name == "introduction" else _("Availability")
            for (code, _name), name in zip(settings.LANGUAGES, translated_field_names(field_name), strict=True):
                self.fields[name] = forms.CharField(
                    label=f"{label} · {language_name(code)}",
                    max_length=2000 if field_name == "introduction" else 300,
                    required=False,
                    widget=_language_widget(code, textarea=field_name == "introduction"),
                )
        self.fields["user"].queryset = User.objects.filter(role=Role.COUNSELLOR, is_active=True).order_by("username")
        self.fields["posts"].label_from_instance = lambda post: f"{post.name} ({post.region.name})"
        if editable is not None:
            for name in list(self.fields):
                if name not in editable:
                    del self.fields[name]

    @property
    def introduction_fields(self):
        return [self[name] for name in translated_field_names("introduction") if name in self.fields]

    @property
    def availability_fields(self):
        return [self[name] for name in translated_field_names("availability") if name in self.fields]

    def fields_named(self, *names):
        return [self[name] for name in names if name in self.fields]

    @property
    def about_fields(self):
        return self.fields_named("gender", "shows_bicultural_background", "shows_lived_experience", "languages", "specialisms")

    @property
    def coordinator_fields(self):
        return self.fields_named("name", "kind", "organisation", "user", "is_published", "self_editable")

    @property
    def coverage_fields(self):
        return self.fields_named("regions", "posts")

    @property
    def contact_fields(self):
        return self.fields_named("phone", "email", "video_link")

    @property
    def photo_fields(self):
        return self.fields_named("photo", "remove_photo")

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return photos.photo_clean(upload)

    def clean(self):
        data = super().clean()
        if data.get("photo") and data.get("remove_photo"):
            self.add_error("remove_photo", _("Choose either a new photo or removing the photo, not both."))
        if "name" in self.fields and not (data.get("name") or "").strip():
            self.add_error("name", _("Please give the counsellor's name."))
        return data

    def changes(self) -> dict:
        """The cleaned data as the services take it; a photo field left empty changes nothing."""
        changes = {
            name: value for name, value in self.cleaned_data.items() if name in self.fields and name != "submission_token"
        }
        if changes.get("photo") is None:
            changes.pop("photo", None)
        if "name" in changes:
            changes["name"] = changes["name"].strip()
        return changes


def profile_initial(counsellor: Counsellor) -> dict:
    initial = {
        name: getattr(counsellor, name) or ""
        for name in [
            "name", "kind", "organisation", "gender", "phone", "email", "video_link",
            *translated_field_names("introduction"), *translated_field_names("availability"),
        ]
    }
    initial.update(
        user=counsellor.user_id,
        is_published=counsellor.is_published,
        self_editable=list(counsellor.self_editable or []),
        shows_bicultural_background=counsellor.shows_bicultural_background,
        shows_lived_experience=counsellor.shows_lived_experience,
        languages=[row.code for row in counsellor.language_rows.all()],
        specialisms=[row.code for row in counsellor.specialism_rows.all()],
        regions=list(counsellor.regions.all()),
        posts=list(counsellor.posts.all()),
    )
    return initial


# --- advice sessions ------------------------------------------------------------------------------

# A date input takes only ISO dates (the browser shows them in the user's format): render the value
# as ISO whatever the page's language, or Dutch and French pages show an empty date field.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AdviceSessionForm(OneTimeTokenMixin, forms.Form):
    held_on = forms.DateField(
        label=_("Date of the session"), widget=DATE_INPUT,
        help_text=_("For example 2026-03-31."),
    )
    channel = forms.ChoiceField(label=_("How did you meet?"), choices=SessionChannel.choices, widget=forms.RadioSelect)
    where = forms.ChoiceField(
        label=_("Post or region"),
        help_text=_("Where the person works. Choose a region if naming the post could point to the person."),
    )
    topic = CategoryChoiceField(label=_("Topic"), queryset=Category.objects.filter(is_active=True), empty_label=_("Choose a topic"))
    advice = forms.CharField(
        label=_("Advice given"), max_length=ADVICE_MAX_CHARS, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Write no names. This text is encrypted and only you can read it."),
    )
    follow_up = forms.ChoiceField(label=_("Follow-up"), choices=FollowUp.choices, widget=forms.RadioSelect, initial=FollowUp.NONE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_token_field()
        regions = [(f"region:{r.pk}", r.name) for r in Region.objects.order_by("name")]
        posts = [(f"post:{pk}", name) for _region, group in _posts_grouped_by_region() for pk, name in group]
        self.fields["where"].choices = [
            ("", _("Choose the post or the region")),
            (_("Regions"), regions),
            (_("Posts and directorates"), posts),
        ]
        self.fields["topic"].choices = [("", self.fields["topic"].empty_label)] + [
            (c.pk, self.fields["topic"].label_from_instance(c)) for c in categories_in_order()
        ]

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        if held_on < datetime.date(2000, 1, 1):
            raise forms.ValidationError(_("Please check the date."))
        return held_on

    def clean_advice(self):
        advice = self.cleaned_data["advice"].strip()
        if not advice:
            raise forms.ValidationError(_("Please write down the advice you gave."))
        return advice

    def clean_where(self):
        kind, _sep, pk = self.cleaned_data["where"].partition(":")
        model = {"post": Post, "region": Region}.get(kind)
        obj = model.objects.filter(pk=pk).first() if model and pk.isdigit() else None
        if obj is None:
            raise forms.ValidationError(_("Choose the post or the region from the list."))
        return obj

    def session_fields(self) -> dict:
        data = self.cleaned_data
        where = data["where"]
        return {
            "held_on": data["held_on"],
            "channel": data["channel"],
            "topic": data["topic"],
            "advice": data["advice"],
            "follow_up": data["follow_up"],
            "post": where if isinstance(where, Post) else None,
            "region": where if isinstance(where, Region) else None,
        }


def session_initial(session, advice: str) -> dict:
    where = f"post:{session.post_id}" if session.post_id else f"region:{session.region_id}"
    return {
        "held_on": session.held_on, "channel": session.channel, "where": where, "topic": session.topic_id,
        "advice": advice, "follow_up": session.follow_up,
    }


class ForwardForm(ReportSubmissionForm):
    """What the person asked the counsellor to pass on to the CCI, in their words."""

    IDENTITY_CHOICES = [
        # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone); who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
        ("anonymous", _("Anonymous: the person's name is not passed on to the CCI")),
        ("named", _("With the person's name and how to reach them")),
    ]

    consent = forms.BooleanField(
        label=_("The person asked me to file this report with the CCI and agreed to what it says"),
        # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
        error_messages={"required": _("A report is forwarded only when the person asked for it and agreed.")},
    )
    identity = forms.ChoiceField(
        # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone). Terms: locale/glossary.tsv.
        label=_("Does the person want to stay anonymous?"), choices=IDENTITY_CHOICES, widget=forms.RadioSelect,
        initial="anonymous",
    )
    reporter_name = forms.CharField(label=_("The person's name"), max_length=200, required=False)
    reporter_contact = forms.CharField(
        label=_("How the CCI can reach them (email or phone)"), max_length=200, required=False
    )
    category = CategoryChoiceField(label=_("Kind of violation"), queryset=Category.objects.filter(is_active=True))
    post = GroupedPostField(label=_("Where did it happen?"), empty_label=_("Choose the post or directorate"))
    narrative = forms.CharField(
        label=_("What happened, as the person wants it told"), max_length=settings.REPORT_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 10}),
        # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone). Terms: locale/glossary.tsv.
        help_text=_("Write what the person wants the CCI to know. For an anonymous report, leave out anything that names the person."),
    )
    occurred_when = forms.CharField(label=_("When did it happen?"), max_length=200, required=False)
    involved = forms.CharField(
        label=_("Who was involved?"), max_length=settings.REPORT_SHORT_TEXT_MAX_CHARS, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    witnesses = forms.CharField(
        label=_("Were there witnesses?"), max_length=settings.REPORT_SHORT_TEXT_MAX_CHARS, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    language = forms.ChoiceField(
        label=_("The language the report is written in"), choices=settings.LANGUAGES,
    )
    # Consent last: it is given for the report as written above it.
    field_order = ["identity", "reporter_name", "reporter_contact", "category", "post", "narrative", "occurred_when",
                   "involved", "witnesses", "language", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].set_grouped_choices()
        self.fields["category"].choices = [("", _("Choose a category"))] + [
            (c.pk, self.fields["category"].label_from_instance(c)) for c in categories_in_order()
        ]

    def clean(self):
        data = super().clean()
        if data.get("identity") == "named":
            if not (data.get("reporter_name") or "").strip():
                # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone). Terms: locale/glossary.tsv.
                self.add_error("reporter_name", _("Give the person's name, or choose an anonymous report."))
            if not (data.get("reporter_contact") or "").strip():
                # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone). Terms: locale/glossary.tsv.
                self.add_error("reporter_contact", _("Give a way to reach the person, or choose an anonymous report."))
        return data


# --- training -------------------------------------------------------------------------------------


class TrainingBaseForm(OneTimeTokenMixin, forms.Form):
    """What a training or intervision meeting is, recorded afterwards or scheduled ahead."""

    kind = forms.ChoiceField(label=_("Kind"), choices=TrainingKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("For example: Training on sexual harassment, or Intervision network Africa."))
    held_on = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    region = forms.ModelChoiceField(
        label=_("Regional network"), queryset=Region.objects.order_by("name"), required=False,
        empty_label=_("None (ministry-wide)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_token_field()

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Please give a title."))
        return title


class TrainingEventForm(TrainingBaseForm):
    attendees = forms.ModelMultipleChoiceField(
        label=_("Attended by"), queryset=Counsellor.objects.order_by("name", "id"), widget=forms.CheckboxSelectMultiple,
    )

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate() + datetime.timedelta(days=1):
            raise forms.ValidationError(_("Record a meeting once it has taken place."))
        if held_on < datetime.date(2000, 1, 1):
            raise forms.ValidationError(_("Please check the date."))
        return held_on


class PrintForm(forms.Form):
    """What to print: posters or leaflets, for one post or for every post of a region at once."""

    post = GroupedPostField(label=_("Post"), required=False, empty_label=_("Any post"))
    region = forms.ModelChoiceField(
        label=_("Or every post in a region"), queryset=Region.objects.order_by("name"), required=False,
        empty_label=_("Any region"),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=PrintKind.choices, widget=forms.RadioSelect, initial=PrintKind.POSTER)
    paper = forms.ChoiceField(label=_("Paper size"), choices=PaperSize.choices, widget=forms.RadioSelect, initial=PaperSize.A4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].set_grouped_choices()

    def clean(self):
        data = super().clean()
        if not data.get("post") and not data.get("region"):
            raise forms.ValidationError(_("Choose a post, or a region to print for all its posts."))
        if data.get("post") and data.get("region"):
            raise forms.ValidationError(_("Choose either a post or a region, not both."))
        if data.get("kind") == PrintKind.LEAFLET and data.get("paper") == PaperSize.A3:
            self.add_error("paper", _("A leaflet is printed on A4."))
        return data


class WorkLocationForm(forms.Form):
    """A post's residence or other work location, who works there, which languages, its counsellors."""

    post = GroupedPostField(label=_("Post"))
    name = forms.CharField(
        label=_("Name of the location"), max_length=160, help_text=_("For example: Residence, or Garage and drivers' room.")
    )
    staff_groups = forms.MultipleChoiceField(
        label=_("Who works there"), choices=StaffGroup.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken there"), choices=SPOKEN_LANGUAGES, widget=forms.CheckboxSelectMultiple, required=False
    )
    counsellors = forms.ModelMultipleChoiceField(
        label=_("Its counsellors"), queryset=Counsellor.objects.order_by("name", "id"),
        widget=forms.CheckboxSelectMultiple, required=False,
        help_text=_("Counsellors named for the post count for its locations too; name here those the staff there know."),
    )
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].set_grouped_choices()

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please give the location a name."))
        return name


def work_location_initial(location: WorkLocation) -> dict:
    return {
        "post": location.post_id, "name": location.name, "staff_groups": location.staff_groups,
        "languages": location.language_codes, "counsellors": [c.pk for c in location.counsellors.all()],
        "is_active": location.is_active,
    }


class DisclosureForm(forms.Form):
    """What a counsellor chooses to show, each with its own explicit consent."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in DisclosureField.choices:
            self.fields[name] = forms.ChoiceField(
                label=label, required=False, choices=[("", _("Not shown"))] + DISCLOSURE_VALUES[name]
            )
            self.fields[f"consent_{name}"] = forms.BooleanField(
                label=_("I agree that this is shown in the directory. I can withdraw this at any time."),
                required=False,
            )

    def pairs(self):
        """(choice field, consent field) per disclosure, for the template."""
        return [(self[name], self[f"consent_{name}"]) for name in DisclosureField.values]

    def choices(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in DisclosureField.values}

    def consents(self) -> list[str]:
        return [name for name in DisclosureField.values if self.cleaned_data.get(f"consent_{name}")]


def disclosure_initial(counsellor: Counsellor) -> dict:
    initial = {}
    for row in counsellor.disclosure_rows.all():
        initial[row.field] = row.value
        initial[f"consent_{row.field}"] = True
    return initial


class TrainingScheduleForm(TrainingBaseForm):
    """The coordinator schedules a training or intervision session; counsellors then sign up."""

    language = forms.ChoiceField(label=_("Language of the session"), choices=SPOKEN_LANGUAGES)
    place = forms.CharField(label=_("Place"), max_length=200, required=False, help_text=_("Where it is held, if in person."))
    video_link = forms.URLField(
        label=_("Video call link"), required=False, assume_scheme="https", validators=[URLValidator(schemes=["https"])],
        help_text=_("An https link to the video call, if online."),
    )


class TrainingAttendanceForm(forms.Form):
    attendees = forms.ModelMultipleChoiceField(
        label=_("Attended by"), queryset=Counsellor.objects.order_by("name", "id"), widget=forms.CheckboxSelectMultiple,
        required=False, help_text=_("Those who signed up are ticked; untick whoever did not come, tick whoever came without signing up."),
    )


class ComplaintStepForm(forms.Form):
    """One step in handling a complaint about a counsellor; each part is optional, at least one is needed."""

    counsellor = forms.ModelChoiceField(
        label=_("Counsellor concerned"), queryset=Counsellor.objects.order_by("name", "id"), required=False,
        empty_label=_("Not (yet) known"),
    )
    note = forms.CharField(
        label=_("Note on the record (sealed; only the counsellor coordinator reads it)"), required=False,
        max_length=ADVICE_MAX_CHARS, widget=forms.Textarea(attrs={"rows": 4}),
    )
    message = forms.CharField(
        label=_("Message to the reporter (in their mailbox)"), required=False, max_length=ADVICE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
    )
    acknowledge = forms.BooleanField(label=_("Acknowledge receipt"), required=False)
    outcome = forms.ChoiceField(
        label=_("Conclude with outcome"), required=False, choices=[("", _("Not yet"))] + ComplaintOutcome.choices
    )

    def __init__(self, *args, complaint=None, **kwargs):
        super().__init__(*args, **kwargs)
        if complaint is not None and complaint.acknowledged_at:
            del self.fields["acknowledge"]

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("note", "message", "acknowledge", "outcome")) and not self.has_changed():
            raise forms.ValidationError(_("Nothing to record: add a note, a message, or a step."))
        return data
