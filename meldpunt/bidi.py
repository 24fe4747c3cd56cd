"""Bidirectional control characters are neutralised wherever staff read what others typed.

U+202E (RIGHT-TO-LEFT OVERRIDE) and its kin reorder the text that follows them: `invoice<U+202E>gpj.exe`
reads as `invoiceexe.jpg`, a sentence can be made to say its opposite ("Trojan Source"). Reporters and
counsellors type freely, so on staff pages every embedding, override and isolate control is shown as
a visible `[U+202E]` instead of being obeyed. The marks LRM/RLM/ALM stay: they do not reorder a run,
and right-to-left writers use them legitimately. The portal's own templates and catalogues hold no such
characters, so whatever the middleware meets came from data.
"""

import re

# LRE RLE PDF LRO RLO, and LRI RLI FSI PDI
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
STAFF_PATH_PREFIXES = ("/staff/", "/admin/")


def neutralise(text: str) -> str:
    return BIDI_CONTROLS.sub(lambda match: f"[U+{ord(match.group()):04X}]", text)


class StaffBidiMiddleware:
    """Neutralises bidi controls in every HTML page under /staff/ and /admin/ (the display layer)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(STAFF_PATH_PREFIXES)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            charset = response.charset or "utf-8"
            text = response.content.decode(charset, errors="replace")
            if BIDI_CONTROLS.search(text):
                response.content = neutralise(text).encode(charset)
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return response
