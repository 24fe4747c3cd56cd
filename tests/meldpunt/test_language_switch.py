"""The language switcher: one closed disclosure in the header ("Language: Nederlands") that opens the
list of languages, each named in itself with its own lang and direction. It works without script: the
list is a form that posts to set_language with the CSRF token and the page to come back to."""

import pytest
from django.test import Client
from django.urls import reverse
from lxml import html

from meldpunt import languages

pytestmark = pytest.mark.django_db

EVERY_LANGUAGE = [(language.code, language.name) for language in languages.REGISTRY]


def switcher(client: Client, path: str, language: str):
    client.cookies["django_language"] = language
    page = html.fromstring(client.get(path).content)
    (form,) = page.xpath("//header//form[contains(@class, 'language-switch')]")
    return page, form


def test_a_reporter_sees_one_closed_switcher_naming_the_current_language_in_itself(client):
    page, form = switcher(client, "/report/?follows=1", "nl")
    assert form.get("method") == "post" and form.get("action") == reverse("set_language")
    assert form.xpath(".//input[@name='csrfmiddlewaretoken']")
    assert form.xpath(".//input[@name='next']")[0].get("value") == "/report/?follows=1"
    (details,) = form.xpath("./details")
    assert details.get("open") is None, "closed until the reporter opens it"
    summary = details.xpath("./summary")[0]
    assert summary.xpath(".//*[@class='language-label']")[0].text_content().strip() == "Taal"
    current = summary.xpath(".//*[@class='current-language']")[0]
    assert (current.text_content(), current.get("lang")) == ("Nederlands", "nl")
    assert not page.xpath("//*[@style]"), "no inline styles (CSP style-src 'self')"


def test_every_offered_language_is_a_button_in_its_own_name_and_direction(client):
    _page, form = switcher(client, "/", "ar")
    buttons = form.xpath("./details/ul//button[@type='submit'][@name='language']")
    assert [(b.get("value"), b.text_content()) for b in buttons] == [
        (language.code, language.name) for language in languages.offered()
    ]
    for button in buttons:
        language = languages.get(button.get("value"))
        (name,) = button.xpath("./span[@dir]")
        assert button.get("lang") == language.code and name.get("dir") == language.direction
    current = [b.get("value") for b in buttons if b.get("aria-current") == "true"]
    assert current == ["ar"]
    summary = form.xpath(".//summary//*[@class='current-language']")[0]
    assert (summary.text_content(), summary.get("dir")) == ("العربية", "rtl")


def test_with_twenty_languages_the_switcher_lists_all_twenty(client, settings):
    settings.LANGUAGES = EVERY_LANGUAGE
    _page, form = switcher(client, "/", "en")
    assert len(form.xpath("./details/ul//button")) == 20
    assert form.xpath("./details/ul")[0].get("aria-labelledby") or form.xpath("./details/ul")[0].get("aria-label")


def test_choosing_a_language_comes_back_to_the_same_page_in_it(client):
    client.get("/")
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/mailbox/sign-in/"})
    assert response.status_code == 302 and response["Location"] == "/mailbox/sign-in/"
    assert client.get("/mailbox/sign-in/").headers["Content-Language"] == "fr"
