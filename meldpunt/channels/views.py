"""Reporter pages: the channel guide, the procedure and the knowledge pages. Texts are content units in
the reader's language (meldpunt.content); bodies are plain text, rendered without HTML from the DB."""

import functools

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from meldpunt.public_cache import compressed_when_public

from . import selectors
from .models import ProcedurePage


def _lists(language: str) -> dict:
    # Read only when the page is rendered: the rendered guide and index are kept per language
    # (meldpunt/public_cache.py), so most requests never run these queries.
    return {
        "pages": functools.cache(lambda: selectors.procedure_pages(language=language)),
        "knowledge_pages": functools.cache(
            lambda: selectors.procedure_pages(language=language, section=ProcedurePage.Section.KNOWLEDGE)
        ),
    }


@compressed_when_public
@require_GET
def guide(request):
    language = get_language()
    context = {"authorities": functools.cache(lambda: selectors.external_authorities(language=language)), **_lists(language)}
    return render(request, "channels/guide.html", context)


@compressed_when_public
@require_GET
def procedure_index(request):
    return render(request, "channels/procedure_index.html", _lists(get_language()))


@compressed_when_public
@require_GET
def procedure(request, slug):
    language = get_language()
    page = selectors.procedure_page(slug=slug, language=language)
    if page is None:
        raise Http404
    return render(request, "channels/procedure_page.html", {"page": page, **_lists(language)})
