"""Reads of the counsellor area. Who sees what is decided here.

- The directory shows published profiles to anyone, signed in or not.
- Advice sessions are read only by the counsellor who logged them: `advice_sessions_visible_to`
  is the one door, and it is shut for every other role (coordinator, desks, administrators).
- The coordinator's figures are counts made in the database; no sealed field is ever loaded for them.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from meldpunt.accounts.models import Role
from meldpunt.intake.forms import categories_in_order
from meldpunt.intake.models import Category
from meldpunt.organisation.models import Post, Region

from .languages import language_name, text_direction
from .models import (
    AdviceSession,
    ComplaintNote,
    ComplaintOutcome,
    ComplaintStatus,
    Counsellor,
    CounsellorComplaint,
    CounsellorDisclosure,
    CounsellorLanguage,
    CounsellorPhoto,
    CounsellorSpecialism,
    Specialism,
    TrainingEvent,
    TrainingKind,
    TrainingSignup,
    WorkLocation,
)

SUPPRESS_BELOW = 5

# --- the directory (public) ----------------------------------------------------------------------


@dataclass(frozen=True)
class DirectoryFilters:
    q: str = ""
    post: Post | None = None
    region: Region | None = None
    language: str = ""
    gender: str = ""
    specialism: str = ""
    kind: str = ""
    bicultural: bool = False
    lived_experience: bool = False
    # What counsellors chose to show, with their consent: {field: value}, as a tuple of pairs.
    disclosures: tuple[tuple[str, str], ...] = ()

    @property
    def any(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


def _with_photo_digest(queryset: QuerySet[Counsellor]) -> QuerySet[Counsellor]:
    # At most one row: the photo's primary key is its counsellor.
    return queryset.annotate(
        photo_digest=Subquery(CounsellorPhoto.objects.filter(counsellor=OuterRef("pk")).values("digest"))
    )


def _for_display(queryset: QuerySet[Counsellor]) -> QuerySet[Counsellor]:
    return _with_photo_digest(queryset).prefetch_related(
        "language_rows", "specialism_rows", "posts", "regions", "disclosure_rows"
    )


def directory_search(filters: DirectoryFilters) -> QuerySet[Counsellor]:
    """Published counsellors matching every filter given. EXISTS subqueries keep one row per counsellor
    and let each filter use its (code, counsellor) index."""
    queryset = Counsellor.objects.filter(is_published=True)
    if filters.q:
        queryset = queryset.filter(Q(name__icontains=filters.q) | Q(organisation__icontains=filters.q))
    if filters.post is not None:
        # Covering a post: named for it, or covering its whole region.
        queryset = queryset.filter(
            Exists(Counsellor.posts.through.objects.filter(counsellor_id=OuterRef("pk"), post_id=filters.post.pk))
            | Exists(
                Counsellor.regions.through.objects.filter(counsellor_id=OuterRef("pk"), region_id=filters.post.region_id)
            )
        )
    if filters.region is not None:
        # Covering a region: the region as a whole, or one of its posts.
        queryset = queryset.filter(
            Exists(Counsellor.regions.through.objects.filter(counsellor_id=OuterRef("pk"), region_id=filters.region.pk))
            | Exists(
                Counsellor.posts.through.objects.filter(counsellor_id=OuterRef("pk"), post__region_id=filters.region.pk)
            )
        )
    if filters.language:
        queryset = queryset.filter(
            Exists(CounsellorLanguage.objects.filter(counsellor_id=OuterRef("pk"), code=filters.language))
        )
    if filters.specialism:
        queryset = queryset.filter(
            Exists(CounsellorSpecialism.objects.filter(counsellor_id=OuterRef("pk"), code=filters.specialism))
        )
    if filters.gender:
        queryset = queryset.filter(gender=filters.gender)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.bicultural:
        queryset = queryset.filter(shows_bicultural_background=True)
    if filters.lived_experience:
        queryset = queryset.filter(shows_lived_experience=True)
    for name, value in filters.disclosures:
        # Only what a counsellor consented to show exists as a row: withdrawn means not found.
        queryset = queryset.filter(
            Exists(CounsellorDisclosure.objects.filter(counsellor_id=OuterRef("pk"), field=name, value=value))
        )
    return _for_display(queryset.order_by("name", "id"))


def directory_profile(*, counsellor_id: int) -> Counsellor | None:
    return _for_display(Counsellor.objects.filter(is_published=True, pk=counsellor_id)).first()


def directory_photo(*, counsellor_id: int) -> CounsellorPhoto | None:
    return CounsellorPhoto.objects.filter(counsellor_id=counsellor_id, counsellor__is_published=True).first()


@dataclass(frozen=True)
class LocalisedText:
    text: str
    language: str

    @property
    def direction(self) -> str:
        return text_direction(self.language)


def localised(obj, field_name: str, language: str | None = None) -> LocalisedText | None:
    """The text in the reader's language, else English, else Dutch, else any language it exists in;
    with the language it is actually in, so the page can mark it (lang, dir)."""
    language = (language or get_language() or "en").lower()
    codes = [code for code, _name in settings.LANGUAGES]
    order = [language, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES, *codes]
    for code in order:  # a language met again was empty the first time: looking again finds nothing new
        if code not in codes:
            continue
        text = getattr(obj, build_localized_fieldname(field_name, code), "") or ""
        if text.strip():
            return LocalisedText(text=text, language=code)
    return None


SPECIALISM_NAMES = dict(Specialism.choices)


@dataclass(frozen=True)
class DirectoryCard:
    """What a directory result shows, put together once in Python from the prefetched rows: cheaper
    than walking the relations again and again in the template."""

    counsellor: Counsellor
    languages: list[str]
    specialisms: list[str]
    covers: list[str]
    introduction: LocalisedText | None
    disclosures: list[str] = field(default_factory=list)


def directory_cards(counsellors) -> list[DirectoryCard]:
    return [
        DirectoryCard(
            counsellor=c,
            languages=[language_name(row.code) for row in c.language_rows.all()],
            specialisms=[str(SPECIALISM_NAMES.get(row.code, row.code)) for row in c.specialism_rows.all()],
            covers=[region.name for region in c.regions.all()] + [post.name for post in c.posts.all()],
            introduction=localised(c, "introduction"),  # in the active language
            disclosures=[row.label for row in c.disclosure_rows.all()],
        )
        for c in counsellors
    ]


# --- the counsellor's own profile and sessions ----------------------------------------------------


def own_profile(user) -> Counsellor | None:
    if not (user.is_authenticated and user.role == Role.COUNSELLOR):
        return None
    return _with_photo_digest(Counsellor.objects.filter(user=user)).prefetch_related(
        "language_rows", "specialism_rows", "posts", "regions"
    ).first()


def advice_sessions_visible_to(user) -> QuerySet[AdviceSession]:
    """A counsellor's own sessions; nothing for anyone else, whatever their role."""
    if not (user.is_authenticated and user.is_active and user.role == Role.COUNSELLOR):
        return AdviceSession.objects.none()
    return AdviceSession.objects.filter(counsellor=user)


def advice_session_list(user) -> QuerySet[AdviceSession]:
    return (
        advice_sessions_visible_to(user)
        .select_related("post", "region", "topic", "forwarded_report")
        .defer("advice_sealed", "wrapped_key")
        .order_by("-held_on", "-created_at")
    )


def advice_session_of(user, session_id) -> AdviceSession | None:
    return (
        advice_sessions_visible_to(user).select_related("post", "region", "topic", "forwarded_report").filter(pk=session_id).first()
    )


# --- the coordinator ------------------------------------------------------------------------------


def counsellors_for_management() -> QuerySet[Counsellor]:
    return (
        Counsellor.objects.select_related("user")
        .prefetch_related("language_rows", "posts", "regions")
        .order_by("name", "id")
    )


def counsellor_for_management(*, counsellor_id: int) -> Counsellor | None:
    return (
        _with_photo_digest(Counsellor.objects.filter(pk=counsellor_id))
        .select_related("user")
        .prefetch_related("language_rows", "specialism_rows", "posts", "regions")
        .first()
    )


TRAINING_VALID_DAYS = 365  # a counsellor counts as trained for 12 months after a training


def training_cutoff(today: datetime.date | None = None) -> datetime.date:
    return (today or timezone.localdate()) - datetime.timedelta(days=TRAINING_VALID_DAYS)


def trained_counsellor_ids(today: datetime.date | None = None) -> set[int]:
    """Counsellors who attended a training (not only intervision) in the last 12 months."""
    today = today or timezone.localdate()
    return set(
        TrainingEvent.attendees.through.objects.filter(
            trainingevent__kind=TrainingKind.TRAINING,
            trainingevent__held_on__gt=training_cutoff(today), trainingevent__held_on__lte=today,
        ).values_list("counsellor_id", flat=True)
    )


@dataclass
class PlaceCoverage:
    """The counsellors covering a post or a work location, and the languages spoken there that none of
    them speaks, or that no *trained* one speaks."""

    counsellors: list[Counsellor] = field(default_factory=list)
    missing_languages: list[tuple[str, str]] = field(default_factory=list)
    trained: list[Counsellor] = field(default_factory=list)
    missing_trained_languages: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def of(cls, covering: list[Counsellor], codes: list[str], trained_ids: set[int], **kwargs):
        trained = [c for c in covering if c.pk in trained_ids]

        def missing(among):
            spoken = {row.code for c in among for row in c.language_rows.all()}
            return [(code, language_name(code)) for code in codes if code not in spoken]

        return cls(
            counsellors=covering, missing_languages=missing(covering), trained=trained,
            missing_trained_languages=missing(trained), **kwargs,
        )


@dataclass
class PostCoverage(PlaceCoverage):
    post: Post | None = None


@dataclass
class LocationCoverage(PlaceCoverage):
    location: WorkLocation | None = None


@dataclass
class RegionCoverage:
    region: Region
    regional_counsellors: int = 0
    posts_total: int = 0
    posts_covered: int = 0


@dataclass
class Coverage:
    posts: list[PostCoverage]
    regions: list[RegionCoverage]
    locations: list[LocationCoverage] = field(default_factory=list)
    untrained_counsellors: list[Counsellor] = field(default_factory=list)

    @property
    def posts_without_counsellor(self) -> list[PostCoverage]:
        return [row for row in self.posts if not row.counsellors]

    @property
    def regions_without_counsellor(self) -> list[RegionCoverage]:
        return [row for row in self.regions if not row.regional_counsellors]

    @property
    def posts_with_language_gaps(self) -> list[PostCoverage]:
        return [row for row in self.posts if row.counsellors and row.missing_languages]

    @property
    def posts_without_trained_counsellor(self) -> list[PostCoverage]:
        return [row for row in self.posts if row.counsellors and not row.trained]

    @property
    def locations_without_counsellor(self) -> list[LocationCoverage]:
        return [row for row in self.locations if not row.counsellors]

    @property
    def locations_with_language_gaps(self) -> list[LocationCoverage]:
        return [row for row in self.locations if row.counsellors and row.missing_languages]

    @property
    def locations_without_trained_counsellor(self) -> list[LocationCoverage]:
        return [row for row in self.locations if row.counsellors and not row.trained]


def coverage_overview(*, today: datetime.date | None = None) -> Coverage:
    """Which active posts and regions have a published counsellor, and which languages spoken at a
    post no counsellor covering it speaks. A post is covered by counsellors named for it and by those
    covering its whole region. A work location (a residence, a garage) is covered by counsellors named for
    it or for its post: a region-wide counsellor is not someone its staff know. Each place also says which
    of its counsellors had a training in the last 12 months. A constant number of queries, whatever the
    size of the directory."""
    posts = list(Post.objects.filter(is_active=True).select_related("region").order_by("region__name", "name"))
    regions = list(Region.objects.order_by("name"))
    counsellors = list(
        Counsellor.objects.filter(is_published=True)
        .prefetch_related("posts", "regions", "language_rows", "work_locations")
        .order_by("name")
    )
    trained_ids = trained_counsellor_ids(today)
    by_post: dict[int, list[Counsellor]] = defaultdict(list)
    by_region: dict[int, list[Counsellor]] = defaultdict(list)
    by_location: dict[int, list[Counsellor]] = defaultdict(list)
    for counsellor in counsellors:
        for location in counsellor.work_locations.all():
            by_location[location.pk].append(counsellor)
        for post in counsellor.posts.all():
            by_post[post.pk].append(counsellor)
        for region in counsellor.regions.all():
            by_region[region.pk].append(counsellor)
    post_rows = []
    for post in posts:
        covering = list({c.pk: c for c in by_post[post.pk] + by_region[post.region_id]}.values())
        post_rows.append(PostCoverage.of(covering, post.language_codes, trained_ids, post=post))
    region_rows = []
    for region in regions:
        in_region = [row for row in post_rows if row.post.region_id == region.pk]
        region_rows.append(
            RegionCoverage(
                region=region,
                regional_counsellors=len(by_region[region.pk]),
                posts_total=len(in_region),
                posts_covered=sum(1 for row in in_region if row.counsellors),
            )
        )
    location_rows = []
    locations = WorkLocation.objects.filter(is_active=True, post__is_active=True).select_related("post__region")
    for location in locations.order_by("post__region__name", "post__name", "name"):
        covering = list({c.pk: c for c in by_location[location.pk] + by_post[location.post_id]}.values())
        location_rows.append(LocationCoverage.of(covering, location.language_codes, trained_ids, location=location))
    return Coverage(
        posts=post_rows, regions=region_rows, locations=location_rows,
        untrained_counsellors=[c for c in counsellors if c.pk not in trained_ids],
    )


# --- anonymous figures ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Quarter:
    year: int
    quarter: int

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.quarter - 2, 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.quarter == 1 else Quarter(self.year, self.quarter - 1)


def quarters_up_to(today: datetime.date, count: int) -> list[Quarter]:
    """The `count` quarters ending with today's, oldest first."""
    current = Quarter(today.year, (today.month - 1) // 3 + 1)
    quarters = [current]
    for _i in range(count - 1):
        quarters.append(quarters[-1].previous())
    return list(reversed(quarters))


@dataclass(frozen=True)
class Cell:
    value: int | None  # None: suppressed

    @property
    def suppressed(self) -> bool:
        return self.value is None


def suppress_column(values: list[int], threshold: int = SUPPRESS_BELOW) -> tuple[list[Cell], Cell]:
    """Small-count suppression for one column of counts and its total.

    Counts from 1 to threshold-1 are hidden. Where exactly one is hidden and the total is shown, it
    could be worked out by subtraction, so the smallest other non-zero count is hidden as well. A
    total under the threshold hides the whole column. Zero is shown: it tells nothing about anyone.
    """
    total = sum(values)
    if 0 < total < threshold:
        return [Cell(0) if v == 0 else Cell(None) for v in values], Cell(None)
    hidden = {i for i, v in enumerate(values) if 0 < v < threshold}
    if len(hidden) == 1:
        others = [(v, i) for i, v in enumerate(values) if v >= threshold]  # shown and not zero
        if others:
            hidden.add(min(others)[1])
    return [Cell(None) if i in hidden else Cell(v) for i, v in enumerate(values)], Cell(total)


@dataclass
class FigureTable:
    row_labels: list[str]
    rows: list[list[Cell]]
    totals: list[Cell]

    @property
    def labelled_rows(self) -> list[tuple[str, list[Cell]]]:
        return list(zip(self.row_labels, self.rows, strict=True))


@dataclass
class Figures:
    quarters: list[Quarter]
    by_topic: FigureTable
    by_region: FigureTable
    threshold: int = SUPPRESS_BELOW


def _table(counts: dict[tuple[int, Quarter], int], labels: list[tuple[int, str]], quarters: list[Quarter]) -> FigureTable:
    keys = [key for key, _label in labels if any(counts.get((key, q)) for q in quarters)]
    label_of = dict(labels)
    columns = []
    totals = []
    for quarter in quarters:
        cells, total = suppress_column([counts.get((key, quarter), 0) for key in keys])
        columns.append(cells)
        totals.append(total)
    rows = [[columns[c][r] for c in range(len(quarters))] for r in range(len(keys))]
    return FigureTable(row_labels=[label_of[key] for key in keys], rows=rows, totals=totals)


def session_figures(*, today: datetime.date | None = None, quarter_count: int = 8) -> Figures:
    """Sessions per topic and per region in each quarter, all counsellors together, small counts hidden.
    Only non-sealed columns are read, as counts made by the database."""
    today = today or timezone.localdate()
    quarters = quarters_up_to(today, quarter_count)
    start = quarters[0].first_day
    base = (
        AdviceSession.objects.filter(held_on__gte=start, held_on__lte=today)
        .annotate(year=ExtractYear("held_on"), quarter=ExtractQuarter("held_on"))
        .order_by()
    )
    by_topic: dict[tuple[int, Quarter], int] = {}
    for row in base.values("year", "quarter", "topic_id").annotate(n=Count("id")):
        by_topic[(row["topic_id"], Quarter(row["year"], row["quarter"]))] = row["n"]
    by_region: dict[tuple[int, Quarter], int] = {}
    for row in base.values("year", "quarter", "region_id").annotate(n=Count("id")):
        by_region[(row["region_id"], Quarter(row["year"], row["quarter"]))] = row["n"]
    topics = [(c.pk, f"— {c.name}" if c.parent_id else c.name) for c in categories_in_order()]
    known = {pk for pk, _label in topics}
    topics += [(c.pk, c.name) for c in Category.objects.filter(is_active=False) if c.pk not in known]
    regions = [(r.pk, r.name) for r in Region.objects.order_by("name")]
    return Figures(
        quarters=quarters,
        by_topic=_table(by_topic, topics, quarters),
        by_region=_table(by_region, regions, quarters),
    )


# --- training and intervision ---------------------------------------------------------------------


def training_overview(*, today: datetime.date | None = None) -> QuerySet[Counsellor]:
    """Every counsellor with their attendance; `last_training` is the date of their last training."""
    today = today or timezone.localdate()
    past = Q(training_events__held_on__lte=today)
    return Counsellor.objects.annotate(
        trainings=Count("training_events", filter=past & Q(training_events__kind=TrainingKind.TRAINING)),
        intervisions=Count("training_events", filter=past & Q(training_events__kind=TrainingKind.INTERVISION)),
        last_attended=Max("training_events__held_on", filter=past),
        last_training=Max("training_events__held_on", filter=past & Q(training_events__kind=TrainingKind.TRAINING)),
    ).order_by("name", "id")


def training_events_recent(limit: int = 50, *, today: datetime.date | None = None) -> QuerySet[TrainingEvent]:
    today = today or timezone.localdate()
    return (
        TrainingEvent.objects.filter(held_on__lte=today)
        .select_related("region")
        .annotate(attendee_count=Count("attendees", distinct=True), signup_count=Count("signup_rows", distinct=True))
        .order_by("-held_on", "-id")[:limit]
    )


def training_sessions_upcoming(*, counsellor: Counsellor | None = None, today: datetime.date | None = None):
    """Sessions from today on, with how many signed up; for a counsellor, whether they did."""
    today = today or timezone.localdate()
    queryset = (
        TrainingEvent.objects.filter(held_on__gte=today)
        .select_related("region")
        .annotate(signup_count=Count("signup_rows"))
        .order_by("held_on", "id")
    )
    if counsellor is not None:
        queryset = queryset.annotate(
            signed_up=Exists(TrainingSignup.objects.filter(event=OuterRef("pk"), counsellor=counsellor))
        )
    return queryset


def training_session(*, event_id: int) -> TrainingEvent | None:
    return TrainingEvent.objects.select_related("region").prefetch_related("signups", "attendees").filter(pk=event_id).first()


# --- work locations -------------------------------------------------------------------------------


def work_locations_for_management() -> QuerySet[WorkLocation]:
    return (
        WorkLocation.objects.select_related("post__region")
        .prefetch_related("counsellors")
        .order_by("post__region__name", "post__name", "name", "id")
    )


def work_location_for_management(*, location_id: int) -> WorkLocation | None:
    return work_locations_for_management().filter(pk=location_id).first()


# --- complaints about counsellors (the coordinator only; never the counsellor concerned) -------------


def complaints_visible_to(user) -> QuerySet[CounsellorComplaint]:
    if not (user.is_authenticated and user.is_active and user.role == Role.COUNSELLOR_COORDINATOR):
        return CounsellorComplaint.objects.none()
    return CounsellorComplaint.objects.exclude(counsellor__user=user)


def complaint_worklist(user) -> QuerySet[CounsellorComplaint]:
    """Open complaints first, the earliest deadline first."""
    return (
        complaints_visible_to(user)
        .select_related("counsellor", "report__post")
        .defer("report__narrative_sealed", "report__involved_sealed", "report__witnesses_sealed",
               "report__occurred_when_sealed", "report__reporter_name_sealed", "report__reporter_contact_sealed")
        .order_by(
            models.Case(models.When(status=ComplaintStatus.CONCLUDED, then=1), default=0), "conclude_due", "id"
        )
    )


def complaint_of(user, complaint_id) -> CounsellorComplaint | None:
    return complaints_visible_to(user).select_related("counsellor", "report__post").filter(pk=complaint_id).first()


def complaint_notes(complaint: CounsellorComplaint) -> list[tuple[ComplaintNote, str]]:
    return [(note, note.unseal("text")) for note in complaint.notes.select_related("written_by")]


@dataclass(frozen=True)
class ComplaintFigures:
    quarters: list[Quarter]
    rows: list[tuple[str, list[Cell]]]
    threshold: int = SUPPRESS_BELOW


def complaint_figures(*, today: datetime.date | None = None, quarter_count: int = 8) -> ComplaintFigures:
    """Complaints about counsellors received, and upheld in whole or part, per quarter. Every count from 1
    to 4 is shown as "fewer than 5"; the rows overlap (upheld is part of received), so no total is given
    from which a hidden count could be worked out."""
    today = today or timezone.localdate()
    quarters = quarters_up_to(today, quarter_count)
    base = CounsellorComplaint.objects.filter(received_on__gte=quarters[0].first_day, received_on__lte=today).annotate(
        year=ExtractYear("received_on"), quarter=ExtractQuarter("received_on")
    ).order_by()
    upheld = Q(outcome__in=[ComplaintOutcome.UPHELD, ComplaintOutcome.PARTLY_UPHELD])
    received_by, upheld_by = {}, {}
    for row in base.values("year", "quarter").annotate(received=Count("id"), upheld=Count("id", filter=upheld)):
        received_by[Quarter(row["year"], row["quarter"])] = row["received"]
        upheld_by[Quarter(row["year"], row["quarter"])] = row["upheld"]

    def cells(counts):
        return [Cell(None) if 0 < counts.get(q, 0) < SUPPRESS_BELOW else Cell(counts.get(q, 0)) for q in quarters]

    return ComplaintFigures(
        quarters=quarters,
        rows=[(_("Complaints received"), cells(received_by)), (_("Upheld in whole or in part"), cells(upheld_by))],
    )
