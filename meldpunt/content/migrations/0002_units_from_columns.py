"""Carry the texts of procedure pages, external authorities and standard messages from their
per-language columns into content units, without loss: a text still as it was shipped becomes a unit
`load_content` may update; a text an administrator changed is kept and marked as edited here, so
`load_content` reports it instead of overwriting it. The columns are removed by the next migrations
of channels and cases."""

import hashlib
import json
from pathlib import Path

from django.db import migrations

SHIPPED = json.loads((Path(__file__).parent / "shipped_before_units.json").read_text())


def _hash(text):
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def _languages(model, field):
    """(language code, column) for every translated column of `field` the table still has."""
    prefix = f"{field}_"
    return [
        (f.name[len(prefix):].replace("_", "-"), f.name)
        for f in model._meta.get_fields()
        if f.name.startswith(prefix) and f.name[len(prefix):].replace("_", "").isalpha()
    ]


def _units(ContentUnit, model, key_of, fields):
    units = []
    for row in model.objects.all():
        for field in fields:
            key = key_of(row, field)
            columns = dict(_languages(model, field))
            dutch = getattr(row, columns.get("nl", field), "") or getattr(row, field, "") or ""
            for language, column in columns.items():
                text = getattr(row, column) or (dutch if language == "nl" else "")
                if not text:
                    continue
                shipped = _hash(text) in SHIPPED.get(key, ())
                units.append(ContentUnit(
                    key=key, language=language, text=text, source_hash=_hash(dutch), status="current",
                    shipped_hash=_hash(text) if shipped else "",
                ))
    ContentUnit.objects.bulk_create(units, ignore_conflicts=True)


def carry(apps, schema_editor):
    ContentUnit = apps.get_model("content", "ContentUnit")
    _units(ContentUnit, apps.get_model("channels", "ProcedurePage"), lambda row, f: f"procedure/{row.slug}/{f}",
           ("title", "summary", "body"))
    _units(ContentUnit, apps.get_model("channels", "ExternalAuthority"), lambda row, f: f"authority/{row.code}/{f}",
           ("name", "description"))
    _units(ContentUnit, apps.get_model("cases", "StandardMessage"), lambda row, f: f"standard-message/{row.kind}/{f}",
           ("body",))


def carry_back(apps, schema_editor):
    """Back into the columns (they exist again when this is reversed)."""
    ContentUnit = apps.get_model("content", "ContentUnit")
    models = {
        "procedure": (apps.get_model("channels", "ProcedurePage"), "slug"),
        "authority": (apps.get_model("channels", "ExternalAuthority"), "code"),
        "standard-message": (apps.get_model("cases", "StandardMessage"), "kind"),
    }
    for unit in ContentUnit.objects.all():
        prefix, ident, field = unit.key.split("/")
        if prefix not in models:
            continue
        model, id_field = models[prefix]
        column = f"{field}_{unit.language.replace('-', '_')}"
        if column not in {f.name for f in model._meta.get_fields()}:
            continue  # a language offered after the columns went (issue 13): it never had one
        updates = {column: unit.text} | ({field: unit.text} if unit.language == "nl" else {})
        model.objects.filter(**{id_field: ident}).update(**updates)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("channels", "0002_procedure_content"),
        ("cases", "0009_merge_20261201_1442"),
    ]
    operations = [migrations.RunPython(carry, carry_back)]
