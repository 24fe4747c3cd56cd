"""Rendered parts of public pages, kept per language until the content they show changes.

The home page, the report form's fields and the counsellor directory are the same for every visitor
who reads them in the same language with the same filters, and rendering them (hundreds of options,
dozens of cards) was most of each request. Their HTML is kept in each process's memory under a key of
(part, language, what the visitor chose, content version). The content version lives in the shared
cache and moves on whenever a row of a model the public pages show is saved or deleted, so every
process renders afresh after an edit; the entries also expire after `PUBLIC_CACHE_SECONDS`, a safety
net for a bulk update that sends no signal. Each process reads that version from the shared cache at
most once every `PUBLIC_CACHE_VERSION_SECONDS` (one second by default; 0 reads it on every use): with
the database cache, that read was a query on every public page, and most of their time. The process
that saves a row learns the new version at once; the others within that second.

Never kept here: anything with a per-visitor secret or token (CSRF tokens, the one-time form token,
receipt codes, mailbox or staff pages). Templates keep those outside the cached part.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import secrets
import uuid
from collections.abc import Callable

from django import template
from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.decorators import decorator_from_middleware
from django.utils.translation import get_language

VERSION_KEY = "public-content-version"

# The models whose rows public pages show. Saving or deleting one renders those pages afresh.
WATCHED_MODELS = (
    "organisation.Region", "organisation.Post",
    "intake.Category",
    "channels.ProcedurePage", "channels.ExternalAuthority", "content.ContentUnit", "content.NameTranslation",
    "vertrouwenspersonen.Counsellor", "vertrouwenspersonen.CounsellorLanguage",
    "vertrouwenspersonen.CounsellorSpecialism", "vertrouwenspersonen.CounsellorPhoto",
    "vertrouwenspersonen.CounsellorDisclosure", "vertrouwenspersonen.WorkLocation",
)


def _store():
    return caches["public_pages"]


def _shared_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex[:12]
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def content_version() -> str:
    """The shared content version, as this process last read it (kept in the per-process store, so
    clearing that store reads it afresh)."""
    seconds = settings.PUBLIC_CACHE_VERSION_SECONDS
    if not seconds:
        return _shared_version()
    store = _store()
    version = store.get(VERSION_KEY)
    if version is None:
        version = _shared_version()
        store.set(VERSION_KEY, version, seconds)
    return version


def content_changed(**_kwargs) -> None:
    """Signal receiver: the public pages render afresh in every process (in this one at once)."""
    version = uuid.uuid4().hex[:12]
    cache.set(VERSION_KEY, version, None)
    _store().delete(VERSION_KEY)


def connect_signals() -> None:
    for label in WATCHED_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue  # an app not installed in this setup
        post_save.connect(content_changed, sender=model, dispatch_uid=f"public-cache-save-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"public-cache-delete-{label}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(content_changed, sender=field.remote_field.through, dispatch_uid=f"public-cache-m2m-{label}-{field.name}")


def rendered(part: str, build: Callable[[], str], *, vary: str = "") -> str:
    """The HTML of `part` for the active language and `vary` (e.g. the normalised filters), built once
    per content version and process."""
    digest = hashlib.sha256(vary.encode()).hexdigest()[:16]
    key = f"{part}:{get_language()}:{digest}:{content_version()}"
    store = _store()
    html = store.get(key)
    if html is None:
        html = build()
        store.set(key, html, settings.PUBLIC_CACHE_SECONDS)
    return html


# --- reference rows: categories and posts ---------------------------------------------------------------

# Categories and posts are a few dozen rows that change a few times a year, but a report joined to them
# reads some eighty columns (every language's name), and building that query was most of the time of
# reading one report. Each process keeps them by id, read afresh when the content version moves on
# (both models are in WATCHED_MODELS). Kept as instances, never pickled; read, never changed.
_reference_rows: dict[str, tuple[str, dict]] = {}


def reference_rows(label: str) -> dict:
    """Every row of `label` ("intake.Category" or "organisation.Post") by id, as of the content version."""
    version = content_version()
    kept = _reference_rows.get(label)
    if kept is None or kept[0] != version:
        model = apps.get_model(label)
        kept = (version, {row.pk: row for row in model._default_manager.all()})
        _reference_rows[label] = kept
    return kept[1]


def with_kept_rows(record, **fields):
    """`record` with each of `fields` (field name = model label) taken from the kept rows instead of a join
    (None stays None). A row added in another process within the last second is read by Django as usual."""
    if record is not None:
        for field, label in fields.items():
            row = reference_rows(label).get(getattr(record, f"{field}_id"))
            if row is not None:
                setattr(record, field, row)
    return record


def with_category_and_post(report):
    """A report with its category and post from the kept rows."""
    return with_kept_rows(report, category="intake.Category", post="organisation.Post")


# --- {% public_part "name" vary... [if|unless condition] %} ... {% endpublic_part %} ----------------------

register = template.Library()


class PublicPartNode(template.Node):
    def __init__(self, name, vary, condition, negate, nodelist):
        self.name, self.vary, self.condition, self.negate, self.nodelist = name, vary, condition, negate, nodelist

    def render(self, context):
        if self.condition is not None and bool(self.condition.resolve(context, ignore_failures=True)) == self.negate:
            return self.nodelist.render(context)
        vary = "\x1f".join(str(v.resolve(context, ignore_failures=True)) for v in self.vary)
        return rendered(self.name.resolve(context), lambda: self.nodelist.render(context), vary=vary)


@register.tag("public_part")
def public_part(parser, token):
    """Keep the enclosed HTML per language, `vary` values and content version; with `if X` only while X
    is true, with `unless X` only while it is false (`unless form.is_bound`: a form holding typed text
    or errors is rendered every time)."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("public_part needs a name")
    condition, negate = None, False
    if len(bits) >= 3 and bits[-2] in ("if", "unless"):
        condition, negate = parser.compile_filter(bits[-1]), bits[-2] == "unless"
        bits = bits[:-2]
    nodelist = parser.parse(("endpublic_part",))
    parser.delete_first_token()
    return PublicPartNode(parser.compile_filter(bits[0]), [parser.compile_filter(b) for b in bits[1:]], condition, negate, nodelist)


# --- compression: only pages that carry no secret ----------------------------------------------------------


# zlib's fastest level: a public page of 20-40 KB compresses in a quarter of the time level 6 takes
# (which was a third of the report form's and the directory's whole request), and travels 10-20 % larger,
# far under the 50 KB a reporter page may weigh.
GZIP_LEVEL = 1


def gzip_body(content: bytes) -> bytes:
    """As Django's compress_string, at GZIP_LEVEL: a gzip member whose header carries a file name of
    random length (Django's Heal-the-BREACH padding)."""
    compressed = memoryview(gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0))
    header = bytearray(compressed[:10])
    header[3] = gzip.FNAME
    return bytes(header) + b"a" * secrets.randbelow(GZipMiddleware.max_random_bytes) + b"\x00" + compressed[10:]


class _QuickGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if response.streaming or len(response.content) < 200 or response.has_header("Content-Encoding"):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        compressed = gzip_body(response.content)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
        return response


def compressed_when_public(view):
    """gzip the HTML of a public page read with GET. Never a receipt, mailbox (nor its sign-in) or staff page, nor a form
    sent back with what the visitor typed: compression beside a secret lets an attacker guess it from
    the sizes (BREACH). Static files are compressed by WhiteNoise."""
    compressed = decorator_from_middleware(_QuickGZipMiddleware)(view)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET":
            return view(request, *args, **kwargs)
        response = compressed(request, *args, **kwargs)
        response.public_page = True  # the same for every visitor without a session (public_fast_path)
        return response

    return wrapper
