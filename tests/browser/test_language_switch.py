"""The language switcher on a 360 px phone with all twenty languages: closed, it is one control at the
end of the header row (right in left-to-right pages, left in right-to-left ones); a reporter who uses
only the keyboard opens it, reaches every language in its own name and comes back to the same page in
the language chosen; nothing scrolls sideways and axe finds no serious violation, open or closed."""

import pytest
from django.conf import settings

from meldpunt import languages

from .conftest import fits, serious_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def phone_in(browser, live_server, language):
    context = browser.new_context(viewport=PHONE, base_url=live_server.url)
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    context.set_default_timeout(15_000)
    return context.new_page()


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize(("language", "choice"), [("nl", "ru"), ("ar", "zh-hans"), ("zh-hans", "ar")])
def test_twenty_languages_on_a_phone_keyboard_only(language, choice, twenty_languages, browser, live_server):
    page = phone_in(browser, live_server, language)
    page.goto("/mailbox/sign-in/")
    rtl = language in settings.LANGUAGES_BIDI
    assert page.locator("html").get_attribute("dir") == ("rtl" if rtl else "ltr")

    # Closed: one control, one line high, at the end of the header row; the list is not shown.
    summary = box(page, ".language-switch summary")
    assert summary["height"] < 60, summary
    if rtl:
        assert summary["x"] < 40, f"the switcher should sit at the left of a right-to-left page: {summary}"
    else:
        assert summary["x"] + summary["width"] > PHONE["width"] - 40, f"the switcher should sit at the right: {summary}"
    assert box(page, ".site-header")["height"] < 140
    assert not page.locator(".language-switch ul").is_visible()
    assert fits(page) and not serious_axe_violations(page)

    # The keyboard opens it; every language is on the screen, in its own name and lang.
    page.focus(".language-switch summary")
    page.keyboard.press("Enter")
    buttons = page.locator(".language-switch ul button")
    assert buttons.count() == 20
    for index in range(20):
        button = buttons.nth(index)
        assert button.is_visible()
        edge = button.bounding_box()
        assert edge["x"] >= 0 and edge["x"] + edge["width"] <= PHONE["width"], (button.inner_text(), edge)
        assert button.get_attribute("lang") == languages.REGISTRY[index].code
        assert button.inner_text() == languages.REGISTRY[index].name
    assert page.locator(".language-switch button[aria-current=true]").get_attribute("value") == language
    assert fits(page), "the open list scrolls the page sideways"
    assert not serious_axe_violations(page)

    # Tab walks into the list; Enter on a language comes back to the same page in it.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('value')") == languages.REGISTRY[0].code
    page.focus(f".language-switch button[value='{choice}']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/mailbox/sign-in/")
    assert page.locator("html").get_attribute("lang") == choice
    assert page.locator(".language-switch summary .current-language").inner_text() == languages.get(choice).name
    assert not page.locator(".language-switch ul").is_visible(), "the new page opens with the list closed"
    page.context.close()

