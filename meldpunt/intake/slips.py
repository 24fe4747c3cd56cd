"""The receipt slip: what a person takes away with their code, in their language, on paper or as a file.

The sign-in address is absolute and comes from the request (the address the page was actually served
at), so a slip printed from `make run` on another port, or behind the production host name, points to
where the portal really is. Emails, which have no request, use SITE_URL.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html


def absolute(request, url_name: str) -> str:
    return request.build_absolute_uri(reverse(url_name))


def sign_in_address(request) -> str:
    return absolute(request, "intake:mailbox-sign-in")


def address_html(url: str):
    """An address inside a sentence: isolated left-to-right, so Arabic text does not move its slashes."""
    return format_html('<bdi dir="ltr" class="address">{}</bdi>', url)


def slip_context(request, *, code_display: str, language: str) -> dict:
    return {
        "code": code_display,
        "slip_language": language,
        "sign_in_url": sign_in_address(request),
        "sign_in_html": address_html(sign_in_address(request)),
    }


def slip_download(request, *, code_display: str, language: str) -> HttpResponse:
    """A small UTF-8 text file with the code and the sign-in address, in `language`."""
    with translation.override(language):
        text = render_to_string("intake/receipt_slip.txt", slip_context(request, code_display=code_display, language=language))
    response = HttpResponse(text.replace("\n", "\r\n").encode("utf-8"), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="receipt-code.txt"'
    return response
