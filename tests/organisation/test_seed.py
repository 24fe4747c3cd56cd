"""A fresh install is ready for reports: `migrate` seeds the ministry's posts, named in every language."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname

from meldpunt.intake.models import Report
from meldpunt.organisation.models import Post, Region
from meldpunt.organisation.services import organisation_seed, post_names_fill
from tests.meldpunt.test_reporting_journey import receipt_code_from, report_form_data, submit


@pytest.fixture
def seeded(db, settings):
    organisation_seed()


@pytest.mark.django_db
def test_migrate_on_an_empty_database_seeds_posts_and_a_report_can_be_filed(settings, category):
    settings.ORGANISATION_SEED_ON_MIGRATE = True
    call_command("migrate", verbosity=0)  # nothing to migrate: post_migrate still runs, as on a fresh install
    abroad = Post.objects.exclude(kind=Post.Kind.DIRECTORATE)
    assert 130 <= abroad.count() <= 170
    assert Post.objects.filter(kind=Post.Kind.DIRECTORATE, region__code="den-haag").count() >= 15
    assert set(abroad.values_list("kind", flat=True)) == {"embassy", "consulate", "permanent_representation"}
    assert not Post.objects.filter(country_code="").exists()

    response = submit(Client(HTTP_ACCEPT_LANGUAGE="ar"), report_form_data(category, Post.objects.get(code="cairo")))
    receipt_code_from(response)
    assert Report.objects.get().post.code == "cairo"


def test_post_and_region_names_come_from_cldr_in_every_reporter_language(seeded):
    cairo = Post.objects.get(code="cairo")
    assert cairo.name_en == "Embassy in Egypt"
    assert cairo.name_nl == "Ambassade in Egypte"
    assert cairo.name_ar == "السفارة في مصر"
    assert cairo.name_zh_hans == "驻埃及大使馆"
    assert cairo.name_ru == "Посольство — Египет"
    shanghai = Post.objects.get(code="shanghai")
    assert shanghai.name_ar == "القنصلية العامة في شنغهاي"
    assert shanghai.name_zh_hans == "驻上海总领事馆"
    assert Post.objects.get(code="pv-eu").name_fr == "Représentation permanente auprès de l'Union européenne"
    assert Region.objects.get(code="europe").name_ru == "Европа"
    assert Region.objects.get(code="africa").name_es == "África subsahariana"
    # The twelve languages of locally hired staff, from CLDR too: a Persian reporter in Tehran, a Japanese
    # one in Osaka, an Indonesian one in Jakarta (stored as name_ind: `id` is the primary key).
    assert Post.objects.get(code="tehran").name_fa == "سفارت در ایران"
    assert Post.objects.get(code="jakarta").name_ind == "Kedutaan Besar di Indonesia"
    assert Region.objects.get(code="asia").name_ja == "アジア"
    for obj in [*Post.objects.all(), *Region.objects.all()]:
        for language in settings.REPORTER_LANGUAGES:
            assert getattr(obj, build_localized_fieldname("name", language)), (obj.code, language)


def test_the_where_did_it_happen_list_is_in_the_reporters_language(seeded):
    page = Client(HTTP_ACCEPT_LANGUAGE="ar").get(reverse("intake:report")).content.decode()
    assert "السفارة في مصر" in page and "القنصلية العامة في شنغهاي" in page
    page = Client(HTTP_ACCEPT_LANGUAGE="zh-hans").get(reverse("intake:report")).content.decode()
    assert "驻埃及大使馆" in page


def test_seeding_again_keeps_what_administrators_changed(seeded):
    cairo = Post.objects.get(code="cairo")
    cairo.name_en = "Embassy of the Kingdom of the Netherlands, Cairo"
    cairo.is_active = False
    cairo.save()
    result = organisation_seed()
    assert result.posts_created == 0 and result.names_filled == 0
    cairo.refresh_from_db()
    assert cairo.name_en == "Embassy of the Kingdom of the Netherlands, Cairo" and not cairo.is_active


def test_a_post_added_in_the_admin_gets_its_names_in_every_language(seeded):
    post = Post(code="windhoek", kind=Post.Kind.EMBASSY, city="Windhoek", country_code="NA",
                region=Region.objects.get(code="africa"), name_nl="Ambassade Windhoek")
    post_names_fill(post)
    assert post.name_nl == "Ambassade Windhoek"  # what the administrator typed stays
    assert post.name_en == "Embassy in Namibia"
    assert post.name_ar == "السفارة في ناميبيا"


def test_a_migrate_without_compiled_catalogues_says_what_to_do(db, monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from meldpunt.organisation import names

    monkeypatch.setattr(names, "gettext", lambda msgid: msgid)
    with pytest.raises(ImproperlyConfigured, match="compilemessages"):
        organisation_seed()


def test_the_untranslated_name_column_holds_the_dutch_name(seeded):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM organisation_post WHERE code = %s", ["cairo"])
        assert cursor.fetchone()[0] == "Ambassade in Egypte"
