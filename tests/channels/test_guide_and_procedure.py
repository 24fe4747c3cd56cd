"""A person who does not know where to go reads the channel guide and the procedure, in their language."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from meldpunt.channels.models import ExternalAuthority, ProcedurePage
from meldpunt.channels.templatetags.procedure_text import procedure_text
from meldpunt.content.models import ContentUnit
from meldpunt.content.services import unit_edit

from .content import ensure_procedure_content, unit

pytestmark = pytest.mark.django_db

LANGUAGES = settings.REPORTER_LANGUAGES
SLUGS = [
    "options-for-action", "after-a-report", "sanction-policy", "communication", "aftercare",
    "protection-against-retaliation", "external-routes",
]


@pytest.fixture(autouse=True)
def content():
    ensure_procedure_content()


def test_the_procedure_ships_in_every_reporter_language():
    assert set(SLUGS) <= set(ProcedurePage.objects.values_list("slug", flat=True))
    for slug in SLUGS:
        for language in LANGUAGES:
            for field in ("title", "summary", "body"):
                assert unit(f"procedure/{slug}/{field}", language), f"{slug} has no {field} in {language}"
        # Every language tells the same story: the same headings, in the same order of sections.
        shape = {lang: unit(f"procedure/{slug}/body", lang).count("\n## ") for lang in LANGUAGES}
        assert len(set(shape.values())) == 1, (slug, shape)
    for authority in ExternalAuthority.objects.all():
        for language in LANGUAGES:
            assert unit(f"authority/{authority.code}/name", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_helps_choose_a_route_in_every_language(language):
    response = Client(HTTP_ACCEPT_LANGUAGE=language).get(reverse("channels:guide"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'lang="{language}"' in page
    for link in (reverse("intake:report"), reverse("intake:report-external"), "/counsellors/", "#manager"):
        assert f'href="{link}' in page
    # The authorities outside the ministry, from the content units, in this language.
    assert escape(unit("authority/huis-voor-klokkenluiders/name", language)) in page
    assert "https://www.huisvoorklokkenluiders.nl" in page
    for slug in SLUGS:
        assert escape(unit(f"procedure/{slug}/title", language)) in page
    assert 'rel="noreferrer noopener external"' in page
    assert "7" in page and "3" in page
    assert "content-fallback" not in page  # every unit is current


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_procedure_page_reads_in_the_reporters_language(language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    index = client.get(reverse("channels:procedure-index")).content.decode()
    for slug in SLUGS:
        title = unit(f"procedure/{slug}/title", language)
        assert escape(title) in index
        response = client.get(reverse("channels:procedure", args=[slug]))
        assert response.status_code == 200
        html = response.content.decode()
        assert f"<h1>{escape(title)}</h1>" in html
        assert "<h2>" in html and "<p>" in html
        assert "content-fallback" not in html


def test_the_sanction_policy_names_the_measures_the_rijk_counts():
    body = unit("procedure/sanction-policy/body", "en")
    for measure in ("dismissal", "reprimand", "transfer", "other", "none"):
        assert measure in body


def test_deadlines_are_the_legal_ones_in_every_language():
    for language in LANGUAGES:
        body = unit("procedure/after-a-report/body", language)
        assert "7" in body and "3" in body, language


def test_an_unpublished_page_is_not_shown():
    ProcedurePage.objects.filter(slug="aftercare").update(published=False)
    assert Client().get(reverse("channels:procedure", args=["aftercare"])).status_code == 404
    assert reverse("channels:procedure", args=["aftercare"]) not in Client().get(reverse("channels:guide")).content.decode()
    assert Client().get(reverse("channels:procedure", args=["no-such-page"])).status_code == 404


def test_no_html_from_the_database_reaches_the_page(staff_factory):
    admin = staff_factory("administrator")
    ProcedurePage.objects.create(slug="test-escape")
    unit_edit(key="procedure/test-escape/title", language="nl", text="Test <b>vet</b>", actor=admin)
    unit_edit(key="procedure/test-escape/body", language="nl", actor=admin,
              text="## Kop <i>\n\n<script>alert(1)</script>\n\n- een <a href=x>link</a>\n- twee")
    html = Client(HTTP_ACCEPT_LANGUAGE="nl").get(reverse("channels:procedure", args=["test-escape"])).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert "<b>vet</b>" not in html and "<a href=x>" not in html
    assert "<h2>Kop &lt;i&gt;</h2>" in html and "<li>twee</li>" in html


def test_the_body_format():
    assert procedure_text("Een\nregel\n\nTwee") == "<p>Een<br>regel</p>\n<p>Twee</p>"
    assert procedure_text("## Kop") == "<h2>Kop</h2>"
    assert procedure_text("- a\n- b") == "<ul><li>a</li><li>b</li></ul>"
    assert procedure_text("- a\ngeen lijst") == "<p>- a<br>geen lijst</p>"
    assert procedure_text("") == "" and procedure_text(None) == ""


def test_the_home_page_links_every_route():
    page = Client().get(reverse("intake:home")).content.decode()
    for link in (reverse("channels:guide"), reverse("intake:report"), reverse("intake:report-external"),
                 "/counsellors/", reverse("channels:procedure-index")):
        assert f'href="{link}' in page


def test_administrators_edit_the_texts_as_content_units_with_their_status(staff_factory, client_for):
    admin = staff_factory("administrator")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = client_for(admin)
    body = ContentUnit.objects.get(key="procedure/aftercare/body", language="fr")
    form = client.get(reverse("admin:content_contentunit_change", args=[body.pk])).content.decode()
    assert 'name="text"' in form and 'name="status"' in form
    assert escape(unit("procedure/aftercare/body", "nl").split("\n")[0]) in form  # the Dutch source beside it
    listing = client.get(reverse("admin:content_contentunit_changelist") + "?status__exact=outdated").content.decode()
    assert "procedure/aftercare/body" not in listing  # nothing outdated
    assert client.get(reverse("admin:channels_procedurepage_changelist")).status_code == 200
    assert client.get(reverse("admin:channels_externalauthority_changelist")).status_code == 200
