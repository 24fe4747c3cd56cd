"""A reporter who hits an error reads it in their own language, on the portal's own layout, with the
way back; a reporter whose page expired keeps what they typed."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from meldpunt import languages
from meldpunt.intake.models import Report
from tests.conftest import open_mailbox

LANGUAGES = settings.REPORTER_LANGUAGES
ERROR_TITLES = {
    400: "The request could not be read",
    403: "This page is not open to you",
    404: "Page not found",
    500: "Something went wrong on our side",
}


def visitor(language, **kwargs):
    client = Client(raise_request_exception=False, **kwargs)
    client.cookies["django_language"] = language
    return client


def expected_title(status, language):
    with translation.override(language):
        return translation.gettext(ERROR_TITLES[status])


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.errors_urls")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_error_pages_speak_the_visitors_language_and_show_the_way_back(status, language):
    url = "/no-such-page/" if status == 404 else f"/test-errors/{status}/"
    response = visitor(language).get(url)
    html = response.content.decode()
    assert response.status_code == status
    title = expected_title(status, language)
    assert f"<h1>{escape(title)}</h1>" in html
    if language != "en":
        assert title != ERROR_TITLES[status], f"{language} has no translation for the {status} page"
    assert re.search(rf'<html lang="{language}" dir="{languages.direction(language)}"', html)
    assert f'href="{reverse("intake:home")}"' in html  # the way back
    assert "/static/css/portal.css" in html  # the site's own layout, not Django's bare page


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.errors_urls")
def test_the_500_page_needs_no_database(django_assert_num_queries):
    from django.test import RequestFactory

    from meldpunt.errors import server_error

    request = RequestFactory().get("/report/")
    with translation.override("ar"), django_assert_num_queries(0), connection.execute_wrapper(_no_database):
        response = server_error(request)
    assert response.status_code == 500 and expected_title(500, "ar") in response.content.decode()


def _no_database(execute, sql, params, many, context):
    raise AssertionError("the 500 page touched the database")


def test_a_staff_member_gets_the_way_back_to_the_staff_pages(staff_factory, client_for):
    client = client_for(staff_factory("cci_handler"))
    response = client.get("/staff/desk/no-such-page/")
    assert response.status_code == 404
    assert f'href="{reverse("staff-home")}"' in response.content.decode()


def test_a_report_sent_from_an_expired_page_comes_back_filled_in(category, post):
    """A report form whose CSRF cookie is gone: nothing is stored, the form comes back with what was
    typed, in the reporter's language, and sends once the reporter presses send again."""
    client = visitor("ar", enforce_csrf_checks=True)
    page = client.get(reverse("intake:report"))
    token = re.search(r'name="submission_token" value="([0-9a-f]+)"', page.content.decode()).group(1)
    typed = {
        "submission_token": token, "category": str(category.pk), "post": str(post.pk),
        "narrative": "قال مديري كلامًا عنصريًا في الاجتماع.", "occurred_when": "", "involved": "", "witnesses": "",
        "identity": "anonymous", "reporter_name": "", "reporter_contact": "",
    }
    del client.cookies["csrftoken"]  # the page expired
    response = client.post(reverse("intake:report"), typed)
    html = response.content.decode()
    assert response.status_code == 403 and not Report.objects.exists()
    with translation.override("ar"):
        assert translation.gettext("This page had expired, so your report has not been sent yet. What you typed is still here; files you attached must be chosen again. Check everything and send it again.") in html
    assert typed["narrative"] in html and f'value="{token}"' in html
    assert re.search(rf'<option value="{category.pk}" selected>', html)
    fresh = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    resent = client.post(reverse("intake:report"), {**typed, "csrfmiddlewaretoken": fresh})
    assert resent.status_code == 302 and Report.objects.count() == 1


def test_a_mailbox_message_sent_from_an_expired_page_is_kept(report_factory):
    report = report_factory().report
    client = visitor("zh-hans", enforce_csrf_checks=True)
    open_mailbox(client, report)
    client.get(reverse("intake:mailbox"))
    del client.cookies["csrftoken"]
    response = client.post(reverse("intake:mailbox"), {"body": "我的经理又威胁我了。"})
    html = response.content.decode()
    assert response.status_code == 403 and not report.messages.exists()
    assert "我的经理又威胁我了。" in html and f'action="{reverse("intake:mailbox")}"' in html
    assert expected_title_csrf("zh-hans") in html
    fresh = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert client.post(reverse("intake:mailbox"), {"body": "我的经理又威胁我了。", "csrfmiddlewaretoken": fresh}).status_code == 302
    assert report.messages.count() == 1


def expected_title_csrf(language):
    with translation.override(language):
        return translation.gettext("This page had expired")
