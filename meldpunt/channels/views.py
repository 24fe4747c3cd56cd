"""Reporter pages: the channel guide and the procedure. Content comes from the database, translated
with django-modeltranslation; bodies are plain text, rendered with linebreaks (no HTML from the DB)."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from meldpunt.public_cache import compressed_when_public

from . import selectors


@compressed_when_public
@require_GET
def guide(request):
    context = {"authorities": selectors.external_authorities(), "pages": selectors.procedure_pages()}
    return render(request, "channels/guide.html", context)


@compressed_when_public
@require_GET
def procedure_index(request):
    return render(request, "channels/procedure_index.html", {"pages": selectors.procedure_pages()})


@compressed_when_public
@require_GET
def procedure(request, slug):
    page = selectors.procedure_page(slug=slug)
    if page is None:
        raise Http404
    return render(request, "channels/procedure_page.html", {"page": page, "pages": selectors.procedure_pages()})
