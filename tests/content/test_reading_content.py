"""Reading the ministry's texts for a page or a message: the reader's own language while it is current,
else the current English (or Dutch), never a stale or half-checked text; a text that is missing gives
an empty field, not an error; and a page reads only its own units."""

import pytest
from django.db.models.signals import post_init

from cases.services import standard_message_text
from meldpunt.channels.selectors import procedure_page
from meldpunt.content.models import ContentUnit
from meldpunt.content.selectors import texts_for, unit_text
from meldpunt.content.services import unit_edit

from ..channels.content import ensure_procedure_content, unit

pytestmark = pytest.mark.django_db

CLOSURE = "standard-message/closure/body"


@pytest.fixture(autouse=True)
def content():
    ensure_procedure_content()


def test_a_french_report_s_closure_message_is_prefilled_in_french():
    assert standard_message_text(kind="closure", language="fr") == unit(CLOSURE, "fr") != unit(CLOSURE, "en")
    texts = unit_text(CLOSURE, "fr")
    assert (texts.requested, texts.language, texts.is_fallback) == ("fr", "fr", False)


def test_a_translation_waiting_for_review_is_not_shown_the_current_english_is(staff_factory):
    # Its Dutch source has not changed: only its status says it may not be relied on yet.
    unit_edit(key=CLOSURE, language="fr", text=unit(CLOSURE, "fr"), actor=staff_factory("administrator"),
              status=ContentUnit.Status.IN_REVIEW)
    assert standard_message_text(kind="closure", language="fr") == unit(CLOSURE, "en")
    assert unit_text(CLOSURE, "fr").is_fallback


def test_a_translation_that_was_removed_gives_the_current_english():
    ContentUnit.objects.filter(key=CLOSURE, language="fr").delete()
    assert standard_message_text(kind="closure", language="fr") == unit(CLOSURE, "en")


def test_a_text_no_one_has_written_yet_prefills_nothing():
    texts = unit_text("standard-message/not-written-yet/body", "fr")
    assert texts.text("body") == "" and texts.values == {}
    # A group with one unit never written: the others are shown, the missing one is empty.
    page = texts_for({"page": [CLOSURE, "standard-message/closure/summary"]}, "fr")["page"]
    assert page.text("body") == unit(CLOSURE, "fr") and page.text("summary") == ""


def test_a_page_reads_its_own_units_in_three_languages_at_most():
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance)

    post_init.connect(count, sender=ContentUnit)
    try:
        page = procedure_page(slug="after-a-report", language="fr")
    finally:
        post_init.disconnect(count, sender=ContentUnit)
    assert page.title == unit("procedure/after-a-report/title", "fr")
    # Title, summary and body, in French and the two fallbacks: not every text of every page.
    assert 0 < len(loaded) <= 9
    assert {u.language for u in loaded} <= {"fr", "en", "nl"}
    assert {u.key for u in loaded} <= {f"procedure/after-a-report/{name}" for name in ("title", "summary", "body")}
