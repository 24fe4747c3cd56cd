"""Public pages for a visitor who brings no session: the page as last rendered, with tokens of their own.

A crisis at a post sends everyone to the same few pages at once. For a visitor with no session (no
mailbox, no staff sign-in, no messages waiting), a public page (the views marked `compressed_when_public`)
is the same for everyone who reads it in the same language, except for two things: the CSRF tokens
(masked afresh for every response) and the report form's one-time token. So each process keeps the page's
last rendering, split at those tokens, per path, query, language and content version, and serves it
with fresh tokens through Django's own CSRF middleware, without passing the request through the other
sixteen middlewares and the template engine again.

What keeps this safe:
- Only a GET with no cookie but the CSRF and language cookies, over HTTPS (or with the redirect off), on
  an allowed host. Anything else, and any page not marked public, goes through the whole stack.
- A page is kept only after two renderings, each for its own visitor, are identical once their tokens are
  taken out. A page that shows anything else that differs per request is never kept (and a warning says
  which), so nothing of one visitor can reach another.
- The headers are those of the last full rendering (the security headers, the policy, Vary,
  Content-Language); an `Expires` of a never-cached page is set to now; the CSRF cookie is set by
  Django's CSRF middleware as on every page; the body is compressed afresh with random padding, as the
  public pages are (public_cache).
- The key holds the content version, so an edit to what the pages show is served within the second
  the version is trusted (PUBLIC_CACHE_VERSION_SECONDS), as for the kept page parts.

`PUBLIC_FAST_PATH=0` turns it off.
"""

from __future__ import annotations

import gzip
import logging
import re
import secrets
import struct
import uuid
import zlib

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils import translation
from django.utils.http import http_date

from meldpunt import public_cache

logger = logging.getLogger(__name__)

# The per-response values of a public page. Each match becomes a fresh value when the page is served.
CSRF_FIELD = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(">)')
FORM_TOKEN_FIELD = re.compile(rb'(<input type="hidden" name="submission_token" value=")[0-9a-f]{32}(")')
TOKEN_FIELDS = (("csrf", CSRF_FIELD), ("form", FORM_TOKEN_FIELD))

# Headers that belong to one response, not to the page: made afresh for each.
PER_RESPONSE_HEADERS = {"content-length", "content-encoding", "set-cookie", "expires"}
UNSAFE_KEY = "never"  # a page whose renderings differ beyond their tokens
STORE = "public_fast_pages"  # a cache of each process's own memory (settings.CACHES); without it, no fast path

# Moves on when a setting is changed while the process runs (override_settings in tests): the headers and
# pages kept until then are not served again.
_generation = 0


def _settings_changed(**_kwargs) -> None:
    global _generation
    _generation += 1


setting_changed.connect(_settings_changed, dispatch_uid="public-fast-path-settings")


def _split(body: bytes) -> tuple[tuple, ...]:
    """The page as (text, token kind, text, token kind, ..., text): texts are bytes, kinds are str."""
    marks = sorted(((kind, match) for kind, pattern in TOKEN_FIELDS for match in pattern.finditer(body)), key=lambda m: m[1].start())
    parts, at = [], 0
    for kind, match in marks:
        parts += [body[at:match.end(1)], kind]
        at = match.start(2)
    parts.append(body[at:])
    return tuple(parts)


class PublicFastPathMiddleware:
    """First in MIDDLEWARE. See the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)
        self.allowed_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        store = caches[STORE]
        kept = store.get(key)
        if isinstance(kept, dict) and kept.get("confirmed"):
            return self._serve(request, kept)
        response = self.get_response(request)
        if kept != UNSAFE_KEY and getattr(response, "public_page", False):
            self._keep(store, key, kept, response, path=request.path)
        return response

    def _key(self, request) -> str | None:
        if not settings.PUBLIC_FAST_PATH or request.method != "GET" or STORE not in settings.CACHES:
            return None
        if settings.CSRF_USE_SESSIONS:  # the token's secret would live in a session
            return None
        if not set(request.COOKIES) <= self.allowed_cookies:
            return None
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        query = request.META.get("QUERY_STRING", "")
        if len(query) > 300:
            return None
        language = translation.get_language_from_request(request)
        compressed = bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        # HTTPS or not: the security middleware sends HSTS only over HTTPS.
        scheme = "https" if request.is_secure() else "http"
        return f"fast:{_generation}:{scheme}://{host}{request.path}?{query}:{language}:{int(compressed)}:{public_cache.content_version()}"

    def _keep(self, store, key: str, kept, response, *, path: str) -> None:
        if response.status_code != 200 or response.streaming or response.cookies.keys() - {settings.CSRF_COOKIE_NAME}:
            return
        body = response.content
        compressed = response.get("Content-Encoding") == "gzip"
        if compressed:
            body = gzip.decompress(body)
        elif response.has_header("Content-Encoding"):
            return
        parts = _split(body)
        shape = {
            "parts": parts,
            "deflated": deflated_parts(parts) if compressed else (),
            "headers": [(k, v) for k, v in response.headers.items() if k.lower() not in PER_RESPONSE_HEADERS],
            "expires": response.has_header("Expires"),
            "compressed": compressed,
            "confirmed": False,
        }
        if kept is None:
            store.set(key, shape, settings.PUBLIC_CACHE_SECONDS)
        elif kept["parts"] == parts and kept["headers"] == shape["headers"] and kept["compressed"] == compressed:
            store.set(key, {**shape, "confirmed": True}, settings.PUBLIC_CACHE_SECONDS)
        else:
            logger.warning("public page %s differs between visitors beyond its tokens: always rendered", path)
            store.set(key, UNSAFE_KEY, settings.PUBLIC_CACHE_SECONDS)

    def _serve(self, request, kept: dict) -> HttpResponse:
        self.csrf.process_request(request)  # the visitor's CSRF secret from their cookie, if any
        # One masked CSRF token and one form token a page, as a full rendering has them.
        values = {"csrf": get_token(request).encode(), "form": uuid.uuid4().hex.encode()}
        body = b"".join(part if isinstance(part, bytes) else values[part] for part in kept["parts"])
        if kept["compressed"]:
            content = gzip_member(kept["deflated"], values, body)
        else:
            content = body
        response = HttpResponse(content)
        for name, value in kept["headers"]:
            response.headers[name] = value
        if kept["expires"]:
            response.headers["Expires"] = http_date()
        if kept["compressed"]:
            response.headers["Content-Encoding"] = "gzip"
        response.headers["Content-Length"] = str(len(content))
        response.served_kept = True  # for tests and the benchmark's profile
        return self.csrf.process_response(request, response)


# --- compression: the page's texts deflated once, its tokens stored as they are ----------------------------
#
# Compressing a 30-40 KB page was most of the time left. Each text between the tokens is deflated once, on
# its own and flushed to a byte boundary (Z_SYNC_FLUSH), so the pieces can follow one another in one
# deflate stream; the tokens go in as stored (uncompressed) blocks. A token is therefore never compressed
# against anything on the page (BREACH needs exactly that), and the gzip header keeps Django's random-length
# padding. The checksum is that of the whole page, as gzip requires.

FINAL_BLOCK = zlib.compressobj(public_cache.GZIP_LEVEL, zlib.DEFLATED, -15).flush()  # an empty last block


def deflated_parts(parts: tuple) -> tuple:
    """Each text of `parts` deflated on its own; token kinds left as they are."""
    deflated = []
    for part in parts:
        if isinstance(part, bytes):
            compressor = zlib.compressobj(public_cache.GZIP_LEVEL, zlib.DEFLATED, -15)
            part = compressor.compress(part) + compressor.flush(zlib.Z_SYNC_FLUSH)
        deflated.append(part)
    return tuple(deflated)


def _stored_block(data: bytes) -> bytes:
    return b"\x00" + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data  # not last, stored, byte-aligned


def gzip_member(deflated: tuple, values: dict, body: bytes) -> bytes:
    """A gzip member of `body`: the kept deflated texts with the tokens in `values` between them."""
    header = bytes((0x1F, 0x8B, 8, gzip.FNAME, 0, 0, 0, 0, 0, 255))
    padding = b"a" * secrets.randbelow(GZipMiddleware.max_random_bytes) + b"\x00"
    stream = b"".join(part if isinstance(part, bytes) else _stored_block(values[part]) for part in deflated)
    trailer = struct.pack("<II", zlib.crc32(body), len(body) & 0xFFFFFFFF)
    return header + padding + stream + FINAL_BLOCK + trailer
