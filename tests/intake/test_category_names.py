"""A locally hired colleague in Tehran, Tokyo or Jakarta chooses what the report is about in their own
language: the Rijk categories and the counsellor-conduct category are named in every offered language,
with the glossary's terms, and a name an administrator typed is never overwritten."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from modeltranslation.utils import build_localized_fieldname

from meldpunt.intake.models import Category
from tests.conftest import ensure_categories
from vertrouwenspersonen.complaint_category import add_category

pytestmark = pytest.mark.django_db

NAMES = importlib.import_module("meldpunt.intake.migrations.0013_category_names_twelve_languages")


@pytest.fixture
def categories():
    ensure_categories()
    add_category(apps)
    NAMES.fill(apps)


def test_every_category_is_named_in_every_offered_language(categories):
    rijk = [code for code, *_ in importlib.import_module("meldpunt.intake.migrations.0002_rijk_categories").CATEGORIES]
    assert len(rijk) == 13
    for category in Category.objects.filter(code__in=[*rijk, "counsellor_conduct"]):
        for language in settings.REPORTER_LANGUAGES:
            name = getattr(category, build_localized_fieldname("name", language))
            assert name and name.strip(), (category.code, language)
        english = category.name_en
        for language in settings.REPORTER_LANGUAGES:
            if language not in {"en", "nl"}:
                assert getattr(category, build_localized_fieldname("name", language)) != english, (category.code, language)
    conduct = Category.objects.get(code="counsellor_conduct")
    for language in settings.REPORTER_LANGUAGES:
        assert getattr(conduct, build_localized_fieldname("description", language)), language


def test_the_names_use_the_glossary_terms(categories):
    """Undesirable conduct and the confidential counsellor as the glossary names them, never a variant."""
    conduct = Category.objects.get(code="undesirable_conduct")
    assert conduct.name_de == "Unerwünschtes Verhalten"
    assert conduct.name_ja == "不適切な言動"
    assert conduct.name_fa == "رفتار ناپسند در محیط کار"
    counsellor = Category.objects.get(code="counsellor_conduct")
    assert "Vertrauensperson" in counsellor.name_de and "Geheimnisträger" not in counsellor.name_de
    assert "相談員" in counsellor.name_ja and "秘密相談員" not in counsellor.name_ja
    assert "konselor tepercaya" in counsellor.name_ind
    assert "مشاور معتمد" in counsellor.name_fa and "حراست" not in counsellor.name_fa


def test_the_report_form_offers_the_categories_in_the_reporters_language(categories):
    for language, code, expected in [
        ("ja", "sexual_harassment", "セクシュアルハラスメント"),
        ("fa", "racism_discrimination", "نژادپرستی و تبعیض"),
        ("id", "bullying", "Perundungan"),
        ("sw", "misuse_of_powers", "Matumizi mabaya ya mamlaka"),
    ]:
        page = Client(HTTP_ACCEPT_LANGUAGE=language).get(reverse("intake:report")).content.decode()
        assert f'lang="{language}"' in page
        assert escape(expected) in page, (language, code)


def test_filling_again_keeps_what_an_administrator_typed(categories):
    Category.objects.filter(code="bullying").update(name_de="Mobbing und Schikane")
    NAMES.fill(apps)
    assert Category.objects.get(code="bullying").name_de == "Mobbing und Schikane"
    assert Category.objects.get(code="aggression").name_de == "Aggression und Gewalt"
