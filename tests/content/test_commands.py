"""load_content is safe to run again and never overwrites an edit silently; translators exchange units as
PO or XLIFF, and an import made from an older Dutch text is not taken as current."""

import io
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from meldpunt.content.models import ContentUnit
from meldpunt.content.services import content_load, text_hash, unit_edit

from ..channels.content import ensure_procedure_content, unit

pytestmark = pytest.mark.django_db
CONTENT = Path(settings.BASE_DIR) / "content"


@pytest.fixture(autouse=True)
def content():
    ensure_procedure_content()


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_load_content_again_changes_nothing():
    before = {(u.key, u.language): (u.text, u.updated_at) for u in ContentUnit.objects.all()}
    output = run("load_content")
    assert "0 created, 0 updated" in output
    assert {(u.key, u.language): (u.text, u.updated_at) for u in ContentUnit.objects.all()} == before


def test_an_administrators_edit_is_kept_and_reported_until_forced(staff_factory):
    admin = staff_factory("administrator")
    unit_edit(key="procedure/aftercare/body", language="en", text="Edited by an administrator.", actor=admin)
    output = run("load_content")
    assert "Kept, edited here: procedure/aftercare/body [en]" in output
    assert unit("procedure/aftercare/body", "en") == "Edited by an administrator."
    run("load_content", "--force")
    assert unit("procedure/aftercare/body", "en").startswith("Reporting can be hard")
    assert "Kept" not in run("load_content")


def test_a_corrected_shipped_text_reaches_the_database_and_outdates_translations(tmp_path):
    shutil.copytree(CONTENT, tmp_path / "content")
    nl = polib.pofile(str(tmp_path / "content" / "nl.po"))
    entry = nl.find("procedure/aftercare/title", by="msgctxt")
    entry.msgid = entry.msgstr = "Nazorg na een melding"
    nl.save()
    result = content_load(directory=tmp_path / "content")
    assert result.updated == 1 and not result.conflicts
    assert unit("procedure/aftercare/title", "nl") == "Nazorg na een melding"
    fr = ContentUnit.objects.get(key="procedure/aftercare/title", language="fr")
    assert fr.status == "outdated"


@pytest.mark.parametrize("fmt", ["po", "xliff"])
def test_export_and_import_round_trip(tmp_path, fmt):
    path = tmp_path / f"fr.{fmt}"
    run("export_translations", "fr", "--format", fmt, "--output", str(path))
    text = path.read_text(encoding="utf-8")
    assert "procedure/after-a-report/body" in text and "Thank you for your report" in text  # English for translators
    assert "import_translations" not in text
    output = run("import_translations", str(path))
    assert "0 units current" in output and "0 outdated" in output

    # A translator improves one unit and sends it back.
    if fmt == "po":
        po = polib.pofile(str(path))
        po.find("procedure/aftercare/title", by="msgctxt").msgstr = "Suivi après un signalement"
        po.save()
    else:
        path.write_text(text.replace(f">{unit('procedure/aftercare/title', 'fr')}<", ">Suivi après un signalement<"), encoding="utf-8")
    assert "1 units current" in run("import_translations", str(path))
    assert unit("procedure/aftercare/title", "fr") == "Suivi après un signalement"


def test_an_import_from_an_older_dutch_text_is_not_current(tmp_path, staff_factory):
    path = tmp_path / "fr.po"
    run("export_translations", "fr", "--output", str(path))
    admin = staff_factory("administrator")
    unit_edit(key="procedure/aftercare/summary", language="nl", text="Steun voor u en uw team.", actor=admin)
    po = polib.pofile(str(path))
    po.find("procedure/aftercare/summary", by="msgctxt").msgstr = "Un soutien pour vous."
    po.save()
    output = run("import_translations", str(path))
    assert "Translated from an older Dutch text, not current: procedure/aftercare/summary" in output
    fr = ContentUnit.objects.get(key="procedure/aftercare/summary", language="fr")
    assert fr.status == "outdated" and fr.text == "Un soutien pour vous."
    assert fr.source_hash != text_hash(unit("procedure/aftercare/summary", "nl"))


def test_an_import_for_a_language_the_portal_does_not_offer_is_refused(tmp_path):
    path = tmp_path / "xx.po"
    run("export_translations", "fr", "--output", str(path))
    path.write_text(path.read_text(encoding="utf-8").replace('"Language: fr\\n"', '"Language: xx\\n"'), encoding="utf-8")
    with pytest.raises(CommandError, match="not a language of the portal"):
        run("import_translations", str(path))
