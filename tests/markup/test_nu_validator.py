"""Zero W3C Nu validator errors: every reporter page in every language, every staff page, and the
states that once broke the markup (a mailbox with an aftercare question and the meeting form together,
the second-factor enrolment with its QR code, a form shown again with errors)."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from meldpunt.accounts.models import Role, User
from meldpunt.errors import server_error
from tests.nu_validator import MISSING, validate, vnu_command
from tests.pages import client_in, every_page, reporter_languages
from tests.test_permission_ladder import ladder_context  # noqa: F401  (the ladder's objects, as a fixture)

pytestmark = pytest.mark.skipif(vnu_command() is None, reason=MISSING)


def rendered(response) -> str:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def mailbox_with_aftercare_and_meeting_form(category, post):
    """A closed-case reporter asked how they are doing, who has no meeting yet: both forms show."""
    from meldpunt.intake.models import AftercareCheckIn
    from tests.conftest import file_report, open_mailbox

    report = file_report(category=category, post=post).report
    AftercareCheckIn.objects.create(report=report, step="3m", asked_at=timezone.now())
    client = Client()
    open_mailbox(client, report)
    return client


def receipt_page_with_code(category, post) -> str:
    """The receipt page right after filing, the code on it, as a reporter gets it."""
    client = Client()
    client.cookies["django_language"] = "ar"
    form = client.get(reverse("intake:report")).context["form"]
    data = {"submission_token": form.initial["submission_token"], "category": category.pk, "post": post.pk,
            "narrative": "ما حدث.", "identity": "anonymous"}
    response = client.post(reverse("intake:report"), data, follow=True)
    assert response.redirect_chain, "the report was not filed"
    return rendered(response)


def test_every_page_is_valid_html(ladder_context, category, post):  # noqa: F811
    documents = {}
    for page in every_page(ladder_context):
        languages = reporter_languages() if page.for_reporters else ["nl"]
        for language in languages:
            response = client_in(page.audience, ladder_context, language).get(page.url, follow=True)
            if not response["Content-Type"].startswith("text/html"):
                break  # a download (CSV, photo): not a page
            documents[f"{page.name} ({language})"] = rendered(response)
    for language in reporter_languages():
        response = client_in("anonymous", ladder_context, language).post(reverse("intake:report"), {})
        documents[f"report form with errors ({language})"] = response.content.decode()
        client = mailbox_with_aftercare_and_meeting_form(category, post)
        client.cookies["django_language"] = language
        documents[f"mailbox with aftercare and meeting form ({language})"] = rendered(client.get(reverse("intake:mailbox")))
        documents[f"page not found ({language})"] = client_in("anonymous", ladder_context, language).get("/no-such-page/").content.decode()
        with translation.override(language):
            documents[f"server error ({language})"] = server_error(RequestFactory().get("/")).content.decode()
        expired = Client(enforce_csrf_checks=True)
        expired.cookies["django_language"] = language
        documents[f"expired page, typed text kept ({language})"] = expired.post("/mailbox/", {"body": "text"}).content.decode()
    documents["receipt with its code (ar)"] = receipt_page_with_code(category, post)
    newcomer = User.objects.create_user(username="newcomer", password="pw-for-tests-only", role=Role.CCI_HANDLER)
    client = Client()
    client.force_login(newcomer)
    documents["second factor enrolment with QR code"] = rendered(client.get(reverse("accounts:second-factor")))
    errors = {name: found for name, found in validate(documents).items() if found}
    listing = "\n".join(f"{name}:\n  " + "\n  ".join(found) for name, found in sorted(errors.items()))
    assert not errors, f"{len(errors)} of {len(documents)} pages have Nu validator errors:\n{listing}"
