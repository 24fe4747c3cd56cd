"""Posters and leaflets per post: what a printed sheet says, made from the data, and when it is out of date.

A sheet names the counsellors who cover the post (named for it, or for its whole region), how to reach
them, the portal's address with a QR code made here (no third-party service sees anything), the routes
and the promise the law keeps, in each of the post's languages that the portal offers. Each sheet made
is recorded (PosterPrint) with what it named, so the overview can say when the paper on the wall no
longer matches the directory.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from meldpunt.organisation.models import Post, Region

from .languages import language_name, text_direction
from .models import Counsellor, CounsellorPhoto, PosterPrint, PrintKind
from .selectors import LocalisedText, localised

FALLBACK_SHEET_LANGUAGES = ["en"]


def offered_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def sheet_languages(post: Post) -> list[str]:
    """The post's languages that the portal offers, in the post's order; English where there is none."""
    offered = set(offered_languages())
    languages = [code for code in dict.fromkeys(post.language_codes) if code in offered]
    return languages or list(FALLBACK_SHEET_LANGUAGES)


def qr_svg(data: str) -> SafeString:
    """A QR code as inline SVG (no XML declaration, no style attribute: the page's CSP allows neither)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308 - made here from our own URL


def portal_address() -> str:
    return settings.SITE_URL.rstrip("/")


def portal_link(language: str) -> str:
    """The address the QR code opens: the portal's home page in `language`."""
    return portal_address() + reverse("vertrouwenspersonen:open", kwargs={"language": language})


def directory_link(post: Post) -> str:
    return f"{portal_address()}{reverse('vertrouwenspersonen:directory')}?post={post.pk}"


def covering_counsellors(posts: list[Post]) -> dict[int, list[Counsellor]]:
    """The published counsellors covering each post: named for it, for one of its work locations (the
    residence staff read the same poster), or for its whole region. A constant number of queries."""
    region_ids = {post.region_id for post in posts}
    counsellors = list(
        Counsellor.objects.filter(is_published=True)
        .filter(
            Q(posts__in=posts) | Q(regions__in=region_ids)
            | Q(work_locations__post__in=posts, work_locations__is_active=True)
        )
        .distinct()
        .annotate(photo_digest=Subquery(CounsellorPhoto.objects.filter(counsellor=OuterRef("pk")).values("digest")[:1]))
        .prefetch_related("posts", "regions", "language_rows", "work_locations")
        .order_by("name", "id")
    )
    covering: dict[int, list[Counsellor]] = defaultdict(list)
    for post in posts:
        for counsellor in counsellors:
            if (
                any(p.pk == post.pk for p in counsellor.posts.all())
                or any(r.pk == post.region_id for r in counsellor.regions.all())
                or any(w.post_id == post.pk and w.is_active for w in counsellor.work_locations.all())
            ):
                covering[post.pk].append(counsellor)
    return covering


def autonym(code: str) -> str:
    """A language named in itself where the portal speaks it (العربية for ar), else in the active language."""
    if code in offered_languages():
        with translation.override(code):
            return language_name(code)
    return language_name(code)


@dataclass(frozen=True)
class SheetCounsellor:
    counsellor: Counsellor
    languages: list[str]


@dataclass(frozen=True)
class CounsellorText:
    counsellor: Counsellor
    introduction: LocalisedText | None
    availability: LocalisedText | None


@dataclass(frozen=True)
class LanguageBlock:
    code: str
    counsellors: list[CounsellorText]

    @property
    def direction(self) -> str:
        return text_direction(self.code)


@dataclass(frozen=True)
class Staleness:
    """What changed since a sheet was made. Empty lists: the sheet is current."""

    left: list[str] = field(default_factory=list)
    joined: list[str] = field(default_factory=list)
    languages_added: list[str] = field(default_factory=list)

    @property
    def out_of_date(self) -> bool:
        return bool(self.left or self.joined or self.languages_added)


@dataclass(frozen=True)
class Sheet:
    post: Post
    kind: str
    paper: str
    languages: list[str]
    counsellors: list[SheetCounsellor]
    blocks: list[LanguageBlock]
    portal_address: str
    portal_link: str
    directory_link: str
    qr: SafeString
    made_at: datetime.datetime | None = None
    staleness: Staleness = field(default_factory=Staleness)

    @property
    def first_language(self) -> str:
        return self.languages[0]

    @property
    def direction(self) -> str:
        return text_direction(self.first_language)

    @property
    def is_leaflet(self) -> bool:
        return self.kind == PrintKind.LEAFLET


def _staleness(
    print_row: PosterPrint | None, counsellors: list[Counsellor], languages: list[str], names: dict[int, str] | None = None
) -> Staleness:
    if print_row is None:
        return Staleness()
    now_ids = [c.pk for c in counsellors]
    left_ids = [pk for pk in print_row.counsellor_ids if pk not in now_ids]
    if names is None:
        names = dict(Counsellor.objects.filter(pk__in=left_ids).values_list("pk", "name")) if left_ids else {}
    return Staleness(
        left=[names.get(pk, "?") for pk in left_ids],
        joined=[c.name for c in counsellors if c.pk not in print_row.counsellor_ids],
        languages_added=[language_name(code) for code in languages if code not in print_row.language_codes],
    )


def build_sheets(posts: list[Post], *, kind: str, paper: str, prints: dict[int, PosterPrint] | None = None) -> list[Sheet]:
    """The sheets for these posts as the data stands now; with `prints`, each says when it was made and
    what has changed since."""
    prints = prints or {}
    covering = covering_counsellors(posts)
    sheets = []
    for post in posts:
        languages = sheet_languages(post)
        counsellors = covering[post.pk]
        blocks = [
            LanguageBlock(
                code=code,
                counsellors=[
                    CounsellorText(c, localised(c, "introduction", code), localised(c, "availability", code))
                    for c in counsellors
                ],
            )
            for code in languages
        ]
        made = prints.get(post.pk)
        link = portal_link(languages[0])
        sheets.append(
            Sheet(
                post=post, kind=kind, paper=paper, languages=languages,
                counsellors=[
                    SheetCounsellor(c, [autonym(row.code) for row in c.language_rows.all()]) for c in counsellors
                ],
                blocks=blocks, portal_address=portal_address(), portal_link=link, directory_link=directory_link(post),
                qr=qr_svg(link), made_at=made.made_at if made else None,
                staleness=_staleness(made, counsellors, languages),
            )
        )
    return sheets


def sheet_snapshot(posts: list[Post]) -> dict[int, tuple[list[int], list[str]]]:
    """What a sheet made now would name, per post: (counsellor ids, language codes)."""
    covering = covering_counsellors(posts)
    return {post.pk: ([c.pk for c in covering[post.pk]], sheet_languages(post)) for post in posts}


# --- the coordinator's overview ---------------------------------------------------------------------


def posts_for_printing(*, region: Region | None = None, post: Post | None = None) -> list[Post]:
    queryset = Post.objects.filter(is_active=True).select_related("region").order_by("region__name", "name")
    if post is not None:
        queryset = queryset.filter(pk=post.pk)
    elif region is not None:
        queryset = queryset.filter(region=region)
    return list(queryset)


def batch_prints(batch) -> QuerySet[PosterPrint]:
    return PosterPrint.objects.filter(batch=batch).select_related("post", "post__region").order_by(
        "post__region__name", "post__name"
    )


@dataclass(frozen=True)
class PrintStatus:
    post: Post
    poster: PosterPrint | None
    leaflet: PosterPrint | None
    poster_staleness: Staleness
    leaflet_staleness: Staleness


def print_overview(*, region: Region | None = None) -> list[PrintStatus]:
    """Per active post: when its poster and leaflet were last made and whether they are out of date.
    A constant number of queries, whatever the number of posts."""
    posts = posts_for_printing(region=region)

    def latest(kind):
        return Subquery(
            PosterPrint.objects.filter(post=OuterRef("pk"), kind=kind).order_by("-made_at", "-id").values("id")[:1]
        )

    latest_ids = Post.objects.filter(pk__in=[p.pk for p in posts]).annotate(
        poster_id=latest(PrintKind.POSTER), leaflet_id=latest(PrintKind.LEAFLET)
    ).values_list("pk", "poster_id", "leaflet_id")
    by_post = {pk: (poster_id, leaflet_id) for pk, poster_id, leaflet_id in latest_ids}
    wanted = [i for pair in by_post.values() for i in pair if i]
    prints = PosterPrint.objects.in_bulk(wanted)
    covering = covering_counsellors(posts)
    names = dict(Counsellor.objects.values_list("pk", "name"))
    rows = []
    for post in posts:
        poster_id, leaflet_id = by_post.get(post.pk, (None, None))
        poster, leaflet = prints.get(poster_id), prints.get(leaflet_id)
        languages = sheet_languages(post)
        rows.append(
            PrintStatus(
                post=post, poster=poster, leaflet=leaflet,
                poster_staleness=_staleness(poster, covering[post.pk], languages, names),
                leaflet_staleness=_staleness(leaflet, covering[post.pk], languages, names),
            )
        )
    return rows
