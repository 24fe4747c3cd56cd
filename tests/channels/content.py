"""The procedure pages and authorities come from a data migration; transactional tests flush them."""

import importlib


def ensure_procedure_content() -> None:
    from django.apps import apps

    from meldpunt.channels.models import ProcedurePage

    if not ProcedurePage.objects.filter(slug="options-for-action").exists():
        importlib.import_module("meldpunt.channels.migrations.0002_procedure_content").add_content(apps, None)
