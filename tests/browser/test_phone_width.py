"""Every reporter page at 360 px wide, in every offered language (LTR and RTL), scrolls only up and down;
staff pages too at that width: wide tables scroll inside their own box, never the whole page."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore

from tests.pages import every_page, reporter_languages
from tests.test_permission_ladder import ladder_context  # noqa: F401  (the ladder's objects, as a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
# What sticks out sideways: the page's width against the window's, and the widest offenders.
OVERFLOW = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > root.clientWidth + 1 || r.left < -1); })
    .filter(el => { for (let up = el.parentElement; up; up = up.parentElement) { if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return false; } return true; })
    .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(el.getBoundingClientRect().right));
  return {scroll: root.scrollWidth, client: root.clientWidth, wide};
}"""


def mailbox_cookie(ctx, live_server):
    session = SessionStore()
    session["mailbox_report"] = str(ctx["cci_report"].pk)
    session["mailbox_until"] = 4102444800
    session.create()
    return {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}


def staff_cookie(user, live_server):
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user, confirmed=True).persistent_id
    session.create()
    return {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": live_server.url}


def too_wide(page, url) -> str | None:
    from playwright.sync_api import Error

    try:
        page.goto(url)
    except Error as error:
        if "Download is starting" in str(error):
            return None  # a file to download, not a page
        raise
    found = page.evaluate(OVERFLOW)
    if found["scroll"] > found["client"]:
        return f"{url}: {found['scroll']} px wide in {found['client']} ({', '.join(found['wide'])})"
    return None


def test_every_reporter_page_fits_a_phone_in_every_language(browser, live_server, ladder_context):  # noqa: F811
    pages = [page for page in every_page(ladder_context) if page.for_reporters]
    problems = []
    for language in reporter_languages():
        context = browser.new_context(viewport=PHONE, base_url=live_server.url)
        context.add_cookies([mailbox_cookie(ladder_context, live_server),
                             {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
        tab = context.new_page()
        for page in pages:
            if problem := too_wide(tab, page.url):
                problems.append(f"[{language}] {page.name} {problem}")
        context.close()
    assert not problems, "\n".join(problems)


def test_staff_pages_fit_a_phone_with_wide_tables_scrolling_in_their_box(browser, live_server, ladder_context):  # noqa: F811
    problems = []
    contexts = {}
    for page in every_page(ladder_context):
        if page.for_reporters or page.audience not in ladder_context["users"]:
            continue
        if page.audience not in contexts:
            context = browser.new_context(viewport=PHONE, base_url=live_server.url)
            context.add_cookies([staff_cookie(ladder_context["users"][page.audience], live_server)])
            contexts[page.audience] = context.new_page()
        if problem := too_wide(contexts[page.audience], page.url):
            problems.append(f"{page.name} {problem}")
    for tab in contexts.values():
        tab.context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_the_mailbox_status_block_reads_in_lines_not_letters(language, browser, live_server, report_factory):
    """In French and Russian the long labels squeezed the values to one letter per line."""
    report = report_factory().report
    context = browser.new_context(viewport=PHONE, base_url=live_server.url)
    context.add_cookies([mailbox_cookie({"cci_report": report}, live_server),
                         {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    tab = context.new_page()
    tab.goto("/mailbox/")
    widths = tab.evaluate("() => [...document.querySelectorAll('dl.facts dd')].map(dd => dd.getBoundingClientRect().width)")
    assert widths and min(widths) > 200, widths
    status_lines = tab.evaluate("""() => { const s = document.querySelector('dl.facts .status');
        return Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight)); }""")
    assert status_lines <= 2, status_lines
    context.close()
