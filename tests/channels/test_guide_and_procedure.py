"""A person who does not know where to go reads the channel guide and the procedure, in their language."""

import importlib

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from meldpunt.channels.models import ExternalAuthority, ProcedurePage
from meldpunt.channels.templatetags.procedure_text import procedure_text

from .content import ensure_procedure_content

pytestmark = pytest.mark.django_db

LANGUAGES = settings.REPORTER_LANGUAGES
FIELD_SUFFIX = {"zh-hans": "zh_hans"}
SLUGS = [
    "options-for-action", "after-a-report", "sanction-policy", "communication", "aftercare",
    "protection-against-retaliation", "external-routes",
]
CONTENT = importlib.import_module("meldpunt.channels.migrations.0002_procedure_content")


@pytest.fixture(autouse=True)
def content():
    ensure_procedure_content()


def test_the_procedure_ships_in_every_reporter_language():
    pages = {page.slug: page for page in ProcedurePage.objects.all()}
    assert set(SLUGS) <= set(pages)
    for slug in SLUGS:
        for language in LANGUAGES:
            suffix = FIELD_SUFFIX.get(language, language)
            for field in ("title", "summary", "body"):
                assert getattr(pages[slug], f"{field}_{suffix}"), f"{slug} has no {field} in {language}"
    # Every language tells the same story: the same headings, in the same order of sections.
    for slug in SLUGS:
        shape = {lang: CONTENT.CONTENT[lang][slug][2].count("\n## ") for lang in CONTENT.LANGS}
        assert len(set(shape.values())) == 1, (slug, shape)
    for authority in ExternalAuthority.objects.all():
        for language in LANGUAGES:
            assert getattr(authority, f"name_{FIELD_SUFFIX.get(language, language)}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_helps_choose_a_route_in_every_language(language):
    response = Client(HTTP_ACCEPT_LANGUAGE=language).get(reverse("channels:guide"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'lang="{language}"' in page
    for link in (reverse("intake:report"), reverse("intake:report-external"), "/counsellors/", "#manager"):
        assert f'href="{link}' in page
    # The authorities outside the ministry, from the database, in this language.
    with translation.override(language):
        huis = ExternalAuthority.objects.get(code="huis-voor-klokkenluiders")
        assert escape(huis.name) in page
        assert "https://www.huisvoorklokkenluiders.nl" in page
        for slug in SLUGS:
            assert escape(ProcedurePage.objects.get(slug=slug).title) in page
    assert 'rel="noreferrer noopener external"' in page
    assert "7" in page and "3" in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_procedure_page_reads_in_the_reporters_language(language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    suffix = FIELD_SUFFIX.get(language, language)
    index = client.get(reverse("channels:procedure-index")).content.decode()
    for slug in SLUGS:
        page = ProcedurePage.objects.get(slug=slug)
        assert escape(getattr(page, f"title_{suffix}")) in index
        response = client.get(reverse("channels:procedure", args=[slug]))
        assert response.status_code == 200
        html = response.content.decode()
        assert f"<h1>{escape(getattr(page, f'title_{suffix}'))}</h1>" in html
        assert "<h2>" in html and "<p>" in html


def test_the_sanction_policy_names_the_measures_the_rijk_counts():
    body = ProcedurePage.objects.get(slug="sanction-policy").body_en
    for measure in ("dismissal", "reprimand", "transfer", "other", "none"):
        assert measure in body


def test_deadlines_are_the_legal_ones_in_every_language():
    for lang in CONTENT.LANGS:
        body = CONTENT.CONTENT[lang]["after-a-report"][2]
        assert "7" in body and "3" in body, lang


def test_an_unpublished_page_is_not_shown():
    ProcedurePage.objects.filter(slug="aftercare").update(published=False)
    assert Client().get(reverse("channels:procedure", args=["aftercare"])).status_code == 404
    assert reverse("channels:procedure", args=["aftercare"]) not in Client().get(reverse("channels:guide")).content.decode()
    assert Client().get(reverse("channels:procedure", args=["no-such-page"])).status_code == 404


def test_no_html_from_the_database_reaches_the_page():
    ProcedurePage.objects.create(
        slug="test-escape", title_nl="Test <b>vet</b>", title="Test <b>vet</b>",
        body_nl="## Kop <i>\n\n<script>alert(1)</script>\n\n- een <a href=x>link</a>\n- twee", body="x",
    )
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


def test_administrators_edit_the_pages_in_every_language(staff_factory, client_for):
    admin = staff_factory("administrator")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = client_for(admin)
    page = ProcedurePage.objects.get(slug="aftercare")
    form = client.get(reverse("admin:channels_procedurepage_change", args=[page.pk])).content.decode()
    for suffix in (code.replace("-", "_") for code in settings.REPORTER_LANGUAGES):
        assert f'name="body_{suffix}"' in form
    assert client.get(reverse("admin:channels_externalauthority_changelist")).status_code == 200


def test_the_migration_leaves_edited_text_alone():
    from django.apps import apps

    ProcedurePage.objects.filter(slug="aftercare").update(body_en="Edited by an administrator.")
    CONTENT.add_content(apps, None)
    assert ProcedurePage.objects.get(slug="aftercare").body_en == "Edited by an administrator."
