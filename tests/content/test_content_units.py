"""Ministry content as data: every offered language complete and current; a Dutch edit makes the
translations outdated and the reporter reads the current English with a notice, never a stale promise."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from meldpunt.content.models import ContentUnit
from meldpunt.content.selectors import unit_text
from meldpunt.content.services import text_hash

from ..channels.content import ensure_procedure_content, unit

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(autouse=True)
def content():
    ensure_procedure_content()


def admin_client(staff_factory, client_for):
    admin = staff_factory("administrator")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    return admin, client_for(admin)


def test_every_offered_language_has_every_content_unit_current():
    keys = set(ContentUnit.objects.filter(language="nl").values_list("key", flat=True))
    assert any(k.startswith("knowledge/") for k in keys) and any(k.startswith("standard-message/") for k in keys)
    dutch = {u.key: text_hash(u.text) for u in ContentUnit.objects.filter(language="nl")}
    for language in LANGUAGES:
        units = {u.key: u for u in ContentUnit.objects.filter(language=language)}
        missing = sorted(keys - {k for k, u in units.items() if u.text})
        assert not missing, f"{language}: {len(missing)} units missing, e.g. {missing[:3]}"
        stale = sorted(k for k, u in units.items() if u.status != "current" or (language != "nl" and u.source_hash != dutch[k]))
        assert not stale, f"{language}: {len(stale)} units not current, e.g. {stale[:3]}"


def test_the_dutch_edited_in_the_admin_sends_the_french_reader_to_the_current_english(staff_factory, client_for):
    admin, client = admin_client(staff_factory, client_for)
    french_title = unit("procedure/after-a-report/title", "fr")
    reader = Client(HTTP_ACCEPT_LANGUAGE="fr")
    before = reader.get(reverse("channels:procedure", args=["after-a-report"])).content.decode()
    assert f"<h1>{escape(french_title)}</h1>" in before and "content-fallback" not in before

    # The administrator changes a promise in the Dutch source, in the admin.
    body_nl = ContentUnit.objects.get(key="procedure/after-a-report/body", language="nl")
    new_dutch = body_nl.text.replace("Binnen 7 dagen", "Binnen zeven dagen", 1)
    assert new_dutch != body_nl.text
    response = client.post(reverse("admin:content_contentunit_change", args=[body_nl.pk]), {
        "text": new_dutch, "status": "current",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ContentUnit.objects.get(key="procedure/after-a-report/body", language="fr").status == "outdated"
    # The English was made from the old Dutch too: until a translator confirms it, the reader gets Dutch.
    english = ContentUnit.objects.get(key="procedure/after-a-report/body", language="en")
    assert english.status == "outdated"
    page = reader.get(reverse("channels:procedure", args=["after-a-report"])).content.decode()
    assert "Cette page a été modifiée" in page  # the notice, in French
    assert 'lang="nl" dir="ltr"' in page and "Binnen zeven dagen" in page
    assert french_title not in page.split("<article", 1)[1].split("</article>")[0]

    # The English translator brings the English up to date and saves it as current.
    response = client.post(reverse("admin:content_contentunit_change", args=[english.pk]), {
        "text": english.text, "status": "current",
    })
    assert response.status_code == 302
    page = reader.get(reverse("channels:procedure", args=["after-a-report"])).content.decode()
    assert "version anglaise actuelle" in page and 'lang="en" dir="ltr"' in page
    assert escape(unit("procedure/after-a-report/title", "en")) in page
    # The filter shows what waits for translators.
    listing = client.get(reverse("admin:content_contentunit_changelist") + "?status__exact=outdated&language=fr")
    assert "procedure/after-a-report/body" in listing.content.decode()
    # Other pages are untouched.
    other = reader.get(reverse("channels:procedure", args=["aftercare"])).content.decode()
    assert "content-fallback" not in other


def test_an_outdated_standard_message_prefills_the_current_english(staff_factory):
    from meldpunt.content.services import unit_edit

    admin = staff_factory("administrator")
    from cases.services import standard_message_text

    french = standard_message_text(kind="closure", language="fr")
    unit_edit(key="standard-message/closure/body", language="nl", actor=admin,
              text=unit("standard-message/closure/body", "nl") + "\n\nNieuwe zin.")
    unit_edit(key="standard-message/closure/body", language="en", actor=admin,
              text=unit("standard-message/closure/body", "en") + "\n\nA new sentence.")
    assert standard_message_text(kind="closure", language="fr") != french
    assert standard_message_text(kind="closure", language="fr").endswith("A new sentence.")
    assert unit_text("standard-message/closure/body", "fr").is_fallback


@pytest.mark.parametrize("language", ["ar"])
def test_the_pages_read_right_to_left(language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    for url in (reverse("channels:procedure-index"), reverse("channels:guide"),
                reverse("channels:procedure", args=["moral-deliberation"]),
                reverse("channels:procedure", args=["after-a-report"])):
        html = client.get(url).content.decode()
        assert '<html lang="ar" dir="rtl">' in html, url
        assert "content-fallback" not in html
    page = client.get(reverse("channels:procedure", args=["moral-deliberation"])).content.decode()
    assert f"<h1>{escape(unit('knowledge/moral-deliberation/title', 'ar'))}</h1>" in page


def test_the_knowledge_pages_are_reachable_from_home_guide_and_index():
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    slugs = ["sexual-harassment", "racism-and-discrimination", "codes-of-conduct", "moral-deliberation",
             "managers-toolkit", "complaints-procedure"]
    index = client.get(reverse("channels:procedure-index")).content.decode()
    guide = client.get(reverse("channels:guide")).content.decode()
    for slug in slugs:
        link = reverse("channels:procedure", args=[slug])
        assert f'href="{link}"' in index and f'href="{link}"' in guide
    home = client.get(reverse("intake:home")).content.decode()
    assert f'href="{reverse("channels:procedure-index")}#knowledge"' in home and 'id="knowledge"' in index
    page = client.get(reverse("channels:procedure", args=["complaints-procedure"])).content.decode()
    assert "<h1>Complaints procedure and complaints committee</h1>" in page
    for slug in slugs[:-1]:
        assert reverse("channels:procedure", args=[slug]) in page  # the other knowledge pages beside it
