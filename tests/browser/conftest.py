"""Browser tests: Playwright driving Debian's chromium (never a downloaded browser)."""

import os

import pytest
from django_otp.oath import TOTP

from meldpunt.accounts.models import SealedTOTPDevice

# Playwright's sync API runs an event loop in this thread; the ORM calls here are ordinary test setup.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open a fresh browser context (its own cookies) in a given language: new_page(locale="ar")."""
    contexts = []

    def make(locale: str = "en"):
        context = browser.new_context(locale=locale, base_url=live_server.url, extra_http_headers={"Accept-Language": locale})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def offer(settings, codes) -> None:
    """Offer these registry languages in this test (the switcher, the browser's choice, the cookie)."""
    from meldpunt import languages

    settings.LANGUAGES = [(code, languages.get(code).name) for code in codes]
    settings.REPORTER_LANGUAGES = list(codes)


@pytest.fixture
def twenty_languages(settings):
    """Every registry language offered (pages in a language without catalogues read in English), as the
    portal will be once all twenty are: for the switcher, the fonts and the scripts."""
    from meldpunt import languages

    offer(settings, [language.code for language in languages.REGISTRY])


@pytest.fixture
def languages_with_catalogues(settings):
    """The languages in review whose catalogues are in the tree offered too, as a reviewer sees them."""
    from tests.pages import catalogue_languages

    offer(settings, catalogue_languages())


def fits(page) -> bool:
    """The page scrolls only up and down: nothing sticks out sideways."""
    return page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def serious_axe_violations(page) -> list[str]:
    """The ids of the serious and critical violations axe finds on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    return [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]


def current_totp(user) -> str:
    device = SealedTOTPDevice.objects.get(user=user, confirmed=True)
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def staff_sign_in(page, user, password="pw-for-tests-only"):
    """Sign in through the real pages: password, then the authenticator code."""
    page.goto("/staff/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.fill("input[name=token]", current_totp(user))
    page.click("main button[type=submit]")


def file_report(page, category, post, narrative: str, *, name: str = "") -> None:
    """On an open report form: choose the category and the post, write the narrative (and the name,
    where the form asks for it), and send."""
    page.select_option("select[name=category]", str(category.pk))
    page.select_option("select[name=post]", str(post.pk))
    page.fill("textarea[name=narrative]", narrative)
    if name:
        page.fill("input[name=reporter_name]", name)
    page.click("main button[type=submit]")
