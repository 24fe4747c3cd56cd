"""Writes to posts and regions."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from . import names, seed
from .models import Post, Region


@dataclass
class SeedResult:
    regions_created: int = 0
    posts_created: int = 0
    names_filled: int = 0


def _fill(obj, wanted: dict[str, str]) -> int:
    """Fill the empty language names; a name an administrator typed is never overwritten."""
    filled = 0
    for language, text in wanted.items():
        field = build_localized_fieldname("name", language)  # "zh-hans" -> name_zh_hans, "id" -> name_ind
        if not getattr(obj, field):
            setattr(obj, field, text)
            filled += 1
    return filled


def organisation_seed() -> SeedResult:
    """The ministry's regions, posts abroad and directorates (seed.py), created if missing, with their
    names in every language filled where empty. Run by every `migrate`; safe to run again. A retired
    post stays retired; one deleted in the admin comes back (retire posts, do not delete them)."""
    # Saved under the default language, so the untranslated column holds the Dutch name as elsewhere.
    with transaction.atomic(), translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        return _seed()


def _seed() -> SeedResult:
    result = SeedResult()
    languages = names.languages()
    regions = {}
    existing_regions = {r.code: r for r in Region.objects.all()}
    existing_posts = {p.code: p for p in Post.objects.all()}
    for code, territory, msgid in seed.REGIONS:
        region = existing_regions.get(code)
        created = region is None
        if created:
            region = Region(code=code)
            result.regions_created += 1
        wanted = {lang: names.region_name(territory=territory, msgid=msgid, language=lang) for lang in languages}
        filled = _fill(region, wanted)
        result.names_filled += filled
        if created or filled:
            region.save()
        regions[code] = region

    def upsert(code, defaults, wanted):
        post = existing_posts.get(code)
        created = post is None
        if created:
            post = Post(code=code, **defaults)
            result.posts_created += 1
        filled = _fill(post, wanted)
        result.names_filled += filled
        if created or filled:
            post.full_clean()
            post.save()

    for code, dutch, english in seed.DIRECTORATES:
        wanted = {lang: dutch if lang == "nl" else english for lang in languages}
        upsert(code, {"kind": Post.Kind.DIRECTORATE, "city": "Den Haag", "country_code": "NL",
                      "region": regions["den-haag"], "languages": "nl,en"}, wanted)
    for code, kind, country, city, region, tz, msgid in seed.abroad_posts():
        wanted = {
            lang: names.post_name(kind=kind, country_code=country, city=city, time_zone=tz, msgid=msgid, language=lang)
            for lang in languages
        }
        upsert(code, {"kind": kind, "city": city, "country_code": country, "region": regions[region],
                      "languages": staff_languages(country)}, wanted)
    return result


def staff_languages(country_code: str) -> str:
    """The country's official languages (CLDR) and Dutch and English: a first guess for the admin."""
    from babel.languages import get_official_languages

    spoken = [code.split("_")[0].lower() for code in get_official_languages(country_code, de_facto=True)]
    spoken = ["zh-hans" if code == "zh" else code for code in spoken]
    ordered = list(dict.fromkeys(spoken + ["nl", "en"]))
    return ",".join(ordered)[:120]


def post_names_fill(post: Post) -> None:
    """For a post an administrator adds abroad: fill the languages left empty from CLDR."""
    if post.kind == Post.Kind.DIRECTORATE or not post.country_code:
        return
    wanted = {
        lang: names.post_name(kind=post.kind, country_code=post.country_code.upper(), city=post.city, language=lang)
        for lang in names.languages()
    }
    _fill(post, wanted)
