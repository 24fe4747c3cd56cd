"""Each script in a font made for it, named by language (:lang()), from the reader's own system: Urdu
in Nastaliq first (Naskh only where no Nastaliq font is installed) with the taller lines Nastaliq
needs, Persian and Arabic in Naskh or Arabic sans fonts, Hindi in Devanagari, Japanese and Chinese in
their own CJK fonts. A name in another script (the switcher's list) gets its own font too, and codes
stay in a monospace font. The stylesheet downloads no font from anywhere."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST_FONTS = {
    "ur": ["Noto Nastaliq Urdu", "Jameel Noori Nastaleeq"],
    "fa": ["Vazirmatn"],
    "ar": ["Noto Sans Arabic", "Noto Naskh Arabic"],
    "hi": ["Noto Sans Devanagari"],
    "ja": ["Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP"],
    "zh-hans": ["PingFang SC", "Noto Sans SC"],
}
NASKH = "Noto Naskh Arabic"


def families(page, selector) -> list[str]:
    family = page.evaluate(f"() => getComputedStyle(document.querySelector({selector!r})).fontFamily")
    return [name.strip().strip('"') for name in family.split(",")]


def line_height_ratio(page, selector) -> float:
    return page.evaluate(f"""() => {{ const style = getComputedStyle(document.querySelector({selector!r}));
        return parseFloat(style.lineHeight) / parseFloat(style.fontSize); }}""")


def page_in(browser, live_server, language):
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    return context.new_page()


@pytest.mark.parametrize("language", list(FIRST_FONTS))
def test_each_script_reads_in_a_font_made_for_it(language, twenty_languages, browser, live_server):
    page = page_in(browser, live_server, language)
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == language
    body = families(page, "body")
    assert body[: len(FIRST_FONTS[language])] == FIRST_FONTS[language], body
    assert body[-1] in ("sans-serif", "serif")
    assert families(page, "h1") == body and families(page, "main a") == body
    if language == "ur":
        assert body.index(NASKH) > 1, "Naskh comes only after the Nastaliq fonts"
        assert line_height_ratio(page, "main p") >= 2, "Nastaliq needs taller lines"
        assert line_height_ratio(page, "h1") >= 1.7, "Nastaliq headings need taller lines"
    else:
        assert line_height_ratio(page, "main p") < 2
    page.context.close()


def test_names_in_other_scripts_get_their_own_fonts_on_an_english_page(twenty_languages, browser, live_server):
    page = page_in(browser, live_server, "en")
    page.goto("/")
    assert families(page, "body")[0] == "Noto Sans"
    page.click(".language-switch summary")
    for language, first in FIRST_FONTS.items():
        assert families(page, f".language-switch button[lang={language}]")[: len(first)] == first, language
    assert families(page, ".language-switch button[lang=ru]")[0] == "Noto Sans"
    page.context.close()


def test_the_receipt_code_stays_monospace_in_urdu(twenty_languages, browser, live_server, post, category):
    page = page_in(browser, live_server, "ur")
    page.goto("/report/")
    page.select_option("select[name=category]", str(category.pk))
    page.select_option("select[name=post]", str(post.pk))
    page.fill("textarea[name=narrative]", "میرے مینیجر نے پوری ٹیم کے سامنے نسل پرستانہ باتیں کیں۔")
    page.click("main form button.primary[type=submit]")
    assert families(page, "#receipt-code")[0] == "Noto Sans Mono"
    page.context.close()


def test_the_stylesheets_download_no_fonts():
    for sheet in Path(settings.BASE_DIR, "static", "css").glob("*.css"):
        css = sheet.read_text()
        assert "@font-face" not in css and "@import" not in css, sheet
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css), sheet
