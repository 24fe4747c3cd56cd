"""Short names stay in modeltranslation columns, with the same outdated check: when the Dutch name of a
category changes in the admin, the French name made from the old Dutch is taken out of sight (kept for
the translator) and the French reader sees the English name until it is translated again."""

import pytest
from django.urls import reverse
from django.utils import translation

from meldpunt.content.models import NameTranslation
from meldpunt.intake.models import Category
from tests.conftest import ensure_categories

pytestmark = pytest.mark.django_db


def post_change(client, category, **changes):
    url = reverse("admin:intake_category_change", args=[category.pk])
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else getattr(value, "pk", value)
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    return Category.objects.get(pk=category.pk)


def test_a_changed_dutch_name_makes_the_unchanged_translations_outdated(staff_factory, client_for):
    ensure_categories()
    admin = staff_factory("administrator")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = client_for(admin)
    category = Category.objects.get(code="racism_discrimination")
    old_french = category.name_fr
    assert old_french

    # The Dutch and the English name change together; the French does not.
    category = post_change(client, category, name_nl="Racisme, discriminatie en uitsluiting",
                           name_en="Racism, discrimination and exclusion")
    assert category.name_fr is None
    record = NameTranslation.objects.get(model="intake.category", object_id=str(category.pk), field="name", language="fr")
    assert record.status == "outdated" and record.outdated_text == old_french
    assert NameTranslation.objects.get(object_id=str(category.pk), field="name", language="en").status == "current"
    with translation.override("fr"):
        assert Category.objects.get(pk=category.pk).name == "Racism, discrimination and exclusion"

    # A translator enters the French for the new Dutch name: current again.
    category = post_change(client, category, name_fr="Racisme, discrimination et exclusion")
    record.refresh_from_db()
    assert record.status == "current" and record.outdated_text == ""
    with translation.override("fr"):
        assert Category.objects.get(pk=category.pk).name == "Racisme, discrimination et exclusion"
    listing = client.get(reverse("admin:content_nametranslation_changelist") + "?status__exact=outdated")
    assert listing.status_code == 200
