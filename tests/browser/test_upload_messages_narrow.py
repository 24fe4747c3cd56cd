"""The new upload texts (what is cleaned, a file name too long) fit a 360 px phone in every script,
left to right and right to left, without sideways scrolling."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("locale", ["ar", "zh-CN", "ru", "fr"])
def test_the_cleaning_notice_fits_a_360_px_screen(new_page, locale, category, post):
    page = new_page(locale=locale)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/report/")
    notice = page.locator(".cleaning-notice")
    assert notice.locator("li").count() == 4
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = notice.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
