"""An existing database keeps its texts when they move from per-language columns into content units: an
administrator's edit survives (and load_content reports it instead of overwriting it), a text still as
shipped is taken over by the corrected shipped content."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from meldpunt.content.services import content_load

BEFORE = [("content", "0001_initial"), ("channels", "0002_procedure_content"), ("cases", "0009_merge_20261201_1442")]
AFTER = [("content", "0002_units_from_columns"), ("channels", "0003_texts_to_content_units"),
         ("cases", "0010_standard_message_texts_to_content_units")]
OLD_SHIPPED_AFTERCARE_TITLE_EN = "Aftercare"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_texts_move_into_units_without_loss():
    apps = migrate(BEFORE)
    ContentUnit = apps.get_model("content", "ContentUnit")
    ContentUnit.objects.all().delete()  # as before content units existed
    Page = apps.get_model("channels", "ProcedurePage")
    Page.objects.update_or_create(slug="aftercare", defaults={
        "position": 50, "title": "Nazorg", "title_nl": "Nazorg", "title_en": OLD_SHIPPED_AFTERCARE_TITLE_EN,
        "summary_nl": "Steun.", "body": "Tekst.", "body_nl": "Tekst.",
        "body_fr": "Texte modifié par un administrateur.",
    })
    Authority = apps.get_model("channels", "ExternalAuthority")
    Authority.objects.update_or_create(code="olaf", defaults={"name": "OLAF", "name_nl": "OLAF", "name_ar": "أولاف",
                                                               "description": "Fraude.", "description_nl": "Fraude."})
    Message = apps.get_model("cases", "StandardMessage")
    Message.objects.update_or_create(kind="closure", defaults={"body": "Gesloten.", "body_nl": "Gesloten.",
                                                               "body_zh_hans": "已结案。"})
    try:
        apps = migrate(AFTER)
        units = {(u.key, u.language): u for u in apps.get_model("content", "ContentUnit").objects.all()}
        assert units[("procedure/aftercare/title", "nl")].text == "Nazorg"
        assert units[("procedure/aftercare/body", "fr")].text == "Texte modifié par un administrateur."
        assert units[("authority/olaf/name", "ar")].text == "أولاف"
        assert units[("standard-message/closure/body", "zh-hans")].text == "已结案。"
        # The administrator's French is marked as edited here; the English title was as shipped.
        assert units[("procedure/aftercare/body", "fr")].shipped_hash == ""
        assert units[("procedure/aftercare/title", "en")].shipped_hash != ""
    finally:
        migrate(AFTER + [("content", "0002_units_from_columns")])
    result = content_load()
    assert "procedure/aftercare/body [fr]" in result.conflicts  # kept, reported
    from meldpunt.content.models import ContentUnit as Unit

    assert Unit.objects.get(key="procedure/aftercare/body", language="fr").text == "Texte modifié par un administrateur."
    assert Unit.objects.get(key="procedure/aftercare/title", language="nl").text == "Nazorg"
