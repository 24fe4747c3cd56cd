"""Writes to the content units: loading the shipped files, administrators' edits, and the exchange with
translators (PO or XLIFF). Dutch is the source: a translation is current only while the SHA-256 of the
Dutch text it was translated from is the hash of today's Dutch text."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from meldpunt.audit.services import audit_record
from meldpunt.public_cache import content_changed

from . import exchange
from .models import SOURCE_LANGUAGE, ContentUnit

Status = ContentUnit.Status


def text_hash(text: str) -> str:
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def content_languages() -> list[str]:
    """The languages content is kept in: whatever settings offers, Dutch (the source) first."""
    codes = [code for code, _name in settings.LANGUAGES]
    return [SOURCE_LANGUAGE] + [code for code in codes if code != SOURCE_LANGUAGE]


def content_dir() -> Path:
    return Path(getattr(settings, "CONTENT_DIR", Path(settings.BASE_DIR) / "content"))


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        if self.conflicts:
            text += f", {len(self.conflicts)} edited here and kept (load_content --force replaces them)"
        return text


def _status_for(unit: ContentUnit, source_hashes: dict[str, str]) -> str:
    if unit.language == SOURCE_LANGUAGE:
        return Status.CURRENT
    if unit.source_hash != source_hashes.get(unit.key):
        return Status.OUTDATED
    return Status.IN_REVIEW if unit.status == Status.IN_REVIEW else Status.CURRENT


def _refresh_status(keys) -> int:
    """Translations whose Dutch source changed become outdated; a translation made from today's Dutch is
    current again (unless it waits for review). Returns how many became outdated."""
    source = {u.key: text_hash(u.text) for u in ContentUnit.objects.filter(key__in=keys, language=SOURCE_LANGUAGE)}
    outdated, changed = 0, False
    for unit in ContentUnit.objects.filter(key__in=keys).exclude(language=SOURCE_LANGUAGE):
        status = _status_for(unit, source)
        if status != unit.status:
            outdated += status == Status.OUTDATED
            ContentUnit.objects.filter(pk=unit.pk).update(status=status)
            changed = True
    if changed:
        content_changed()  # an update sends no signal: the kept public pages render afresh
    return outdated


def _pages_for(keys) -> None:
    """Shipped procedure and knowledge pages get their page row (address, position) when first loaded."""
    from meldpunt.channels.models import ProcedurePage

    position = 0
    for key in keys:
        section, _sep, rest = key.partition("/")
        slug, _sep, fld = rest.partition("/")
        if section in ProcedurePage.Section.values and fld == "title":
            position += 10
            ProcedurePage.objects.get_or_create(slug=slug, defaults={"section": section, "position": position})


@transaction.atomic
def content_load(*, directory: Path | None = None, force: bool = False, languages: list[str] | None = None) -> LoadResult:
    """Load content/<language>.po into units. Safe to run again: a unit still as it was shipped is updated
    to the file; a unit edited here (admin, import) is kept and reported, unless force."""
    directory = directory or content_dir()
    result = LoadResult()
    existing = {(u.key, u.language): u for u in ContentUnit.objects.select_for_update()}
    new_units, keys_seen = [], []
    for language in languages or content_languages():
        path = directory / f"{language}.po"
        if not path.exists():
            result.missing_files.append(path.name)
            continue
        for entry in exchange.read_po(path):
            if language == SOURCE_LANGUAGE:
                keys_seen.append(entry.msgctxt)
            text = entry.msgid if language == SOURCE_LANGUAGE else entry.msgstr
            if not text or "fuzzy" in entry.flags:
                continue
            unit = existing.get((entry.msgctxt, language))
            shipped = {"text": text, "source_hash": text_hash(entry.msgid), "shipped_hash": text_hash(text)}
            if unit is None:
                new_units.append(ContentUnit(key=entry.msgctxt, language=language, **shipped))
                result.created += 1
            elif unit.text == text and unit.source_hash == shipped["source_hash"]:
                if unit.shipped_hash != shipped["shipped_hash"]:
                    ContentUnit.objects.filter(pk=unit.pk).update(shipped_hash=shipped["shipped_hash"])
                result.unchanged += 1
            elif unit.is_edited and not force:
                result.conflicts.append(f"{unit.key} [{language}]")
            else:
                for name, value in shipped.items():
                    setattr(unit, name, value)
                unit.edited_by, unit.edited_at = None, None
                unit.save()
                result.updated += 1
    ContentUnit.objects.bulk_create(new_units)
    keys = {u.key for u in new_units} | {key for key, _lang in existing} | set(keys_seen)
    _refresh_status(keys)
    _pages_for(keys_seen)
    return result


@transaction.atomic
def unit_edit(*, key: str, language: str, text: str, actor, status: str = Status.CURRENT) -> ContentUnit:
    """An administrator writes a unit. A Dutch edit makes every translation made from the old Dutch
    outdated. A translation saved as current is stamped with today's Dutch; saved as outdated or in
    review, it keeps the source it had."""
    unit = ContentUnit.objects.select_for_update().filter(key=key, language=language).first() or ContentUnit(
        key=key, language=language
    )
    source = ContentUnit.objects.filter(key=key, language=SOURCE_LANGUAGE).first()
    unit.text = text
    if language == SOURCE_LANGUAGE:
        unit.source_hash, unit.status = text_hash(text), Status.CURRENT
    else:
        if status == Status.CURRENT or not unit.source_hash:
            unit.source_hash = text_hash(source.text if source else "")
        unit.status = status
    unit.edited_by, unit.edited_at = actor, timezone.now()
    unit.full_clean()
    unit.save()
    outdated = _refresh_status([key])
    audit_record(actor=actor, action="content.unit_edited", target=unit, key=key, language=language,
                 status=unit.status, translations_outdated=outdated)
    return unit


@dataclass
class ImportResult:
    language: str
    applied: int = 0
    unchanged: int = 0
    outdated: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


@transaction.atomic
def translations_import(*, path: Path, actor=None) -> ImportResult:
    """Take back units a translator worked on (PO or XLIFF). A unit translated from today's Dutch is
    saved as current; one translated from an older Dutch text is refused as current: it is kept as
    outdated only where no current translation would be replaced, and reported either way."""
    language, rows = exchange.read_translations(path)
    if language not in content_languages():
        raise ValueError(f"The file's language {language!r} is not a language of the portal.")
    result = ImportResult(language=language)
    source = {u.key: u for u in ContentUnit.objects.filter(language=SOURCE_LANGUAGE)}
    for key, source_text, text in rows:
        if key not in source:
            result.unknown.append(key)
            continue
        if not text:
            continue
        unit = ContentUnit.objects.select_for_update().filter(key=key, language=language).first()
        matches = text_hash(source_text) == text_hash(source[key].text)
        if not matches:
            result.outdated.append(key)
            if unit is not None and unit.status == Status.CURRENT:
                continue
        if unit is not None and unit.text == text and unit.source_hash == text_hash(source_text):
            result.unchanged += 1
            continue
        unit = unit or ContentUnit(key=key, language=language)
        unit.text, unit.source_hash = text, text_hash(source_text)
        unit.status = Status.CURRENT if matches else Status.OUTDATED
        unit.edited_by, unit.edited_at = actor, timezone.now()
        unit.save()
        result.applied += matches
    audit_record(actor=actor, actor_label="" if actor else "import_translations", action="content.translations_imported",
                 language=language, applied=result.applied, outdated=len(result.outdated))
    return result


def translations_export(*, language: str, fmt: str) -> str:
    """Every unit for translators: Dutch source, English as a note, and the current translation (an
    outdated one is given as a suggestion, marked fuzzy / needs review)."""
    units = ContentUnit.objects.filter(language__in={SOURCE_LANGUAGE, "en", language})
    by_key: dict[str, dict[str, ContentUnit]] = {}
    for unit in units:
        by_key.setdefault(unit.key, {})[unit.language] = unit
    rows = []
    for key in sorted(by_key):
        group = by_key[key]
        if SOURCE_LANGUAGE not in group:
            continue
        target = group.get(language)
        rows.append(exchange.Row(
            key=key, source=group[SOURCE_LANGUAGE].text, english=group["en"].text if "en" in group else "",
            target=target.text if target else "", current=bool(target) and target.status == Status.CURRENT,
        ))
    if fmt == "xliff":
        return exchange.write_xliff(language, rows)
    return exchange.write_po(language, rows)


def _name_columns(instance) -> dict[str, list[tuple[str, str]]]:
    """field -> [(language, column)] for the modeltranslation fields of `instance`'s model."""
    from modeltranslation.translator import translator
    from modeltranslation.utils import build_localized_fieldname

    fields = translator.get_options_for_model(type(instance)).fields
    return {field: [(code, build_localized_fieldname(field, code)) for code in content_languages()] for field in fields}


def names_before(instance) -> dict[str, object]:
    """The translated name columns as stored now (empty for a new object)."""
    columns = [column for pairs in _name_columns(instance).values() for _code, column in pairs]
    if instance.pk is None:
        return {}
    return type(instance).objects.filter(pk=instance.pk).values(*columns).first() or {}


@transaction.atomic
def names_translation_check(*, instance, before: dict[str, object], actor) -> list[str]:
    """Call before saving an object whose Dutch name may have changed. A translation entered in the same
    save is recorded as made from the new Dutch; one left as it was becomes outdated: it is moved out of
    the column (kept in NameTranslation), so readers fall back to English or Dutch. Returns the outdated
    columns."""
    from .models import NameTranslation

    if instance.pk is None:
        return []
    label, outdated = type(instance)._meta.label_lower, []
    for name_field, pairs in _name_columns(instance).items():
        columns = dict(pairs)
        new_source = getattr(instance, columns[SOURCE_LANGUAGE]) or ""
        source_changed = new_source != (before.get(columns[SOURCE_LANGUAGE]) or "")
        for code, column in pairs:
            value = getattr(instance, column)
            if code == SOURCE_LANGUAGE or not value:
                continue
            where = {"model": label, "object_id": str(instance.pk), "field": name_field, "language": code}
            if value != before.get(column) or not source_changed:
                if value != before.get(column) or not NameTranslation.objects.filter(**where).exists():
                    NameTranslation.objects.update_or_create(**where, defaults={
                        "source_hash": text_hash(new_source), "status": Status.CURRENT, "outdated_text": "",
                        "edited_by": actor,
                    })
                continue
            NameTranslation.objects.update_or_create(**where, defaults={
                "source_hash": text_hash(before.get(columns[SOURCE_LANGUAGE]) or ""), "status": Status.OUTDATED,
                "outdated_text": value, "edited_by": actor,
            })
            setattr(instance, column, None)
            outdated.append(column)
    if outdated:
        audit_record(actor=actor, action="content.names_outdated", target=(label, instance.pk), columns=outdated)
    return outdated
