"""The glossary (locale/glossary.tsv) keeps one term per concept and language, and no catalogue entry
or content unit uses a variant it forbids: the CCI's article does not switch inside the consent
question, "in confidence" is never strengthened into "total confidentiality", a whistleblower is never
a police informer.

One row per concept and language; each language's rows form one block, so a translator adding a
language adds a block and merges cleanly. Every registry language that has a catalogue needs a row for
every concept; a language in review may lack rows only while it has no catalogue.
"""

import csv
import re
from collections import defaultdict
from pathlib import Path

import polib
import pytest
from django.conf import settings

from meldpunt import languages

ROOT = Path(settings.BASE_DIR)
GLOSSARY = ROOT / "locale" / "glossary.tsv"
HEADER = ["concept", "language", "approved", "forbidden", "note"]
CONCEPTS = [
    "report", "reporter", "whistleblower", "reporting-point", "central-reporting-and-advice-point", "cci",
    "external-reporting-point", "manager", "confidential-counsellor", "post", "locally-hired", "acknowledgement",
    "feedback", "retaliation", "undesirable-conduct", "integrity-violation", "sanction-policy", "aftercare",
    "receipt-code", "mailbox", "in-confidence", "anonymous", "close-report", "person-concerned",
    "complaints-committee", "complaint",
]
CONTENT = ROOT / "content"


def rows() -> list[dict[str, str]]:
    with GLOSSARY.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        assert header == HEADER, f"{GLOSSARY}: the first line must be {HEADER}"
        found = []
        for number, row in enumerate(reader, start=2):
            assert len(row) == len(HEADER), f"{GLOSSARY}:{number}: {len(row)} columns, not {len(HEADER)}"
            found.append(dict(zip(HEADER, row, strict=True)) | {"line": number})
        return found


def forbidden_patterns(language: str) -> list[tuple[str, re.Pattern]]:
    """A forbidden variant written in Latin or Cyrillic letters matches at a word start (a Cyrillic one
    also as a stem: "информатор" finds "информатора"; a Latin one as whole words: "por si" does not
    find "por sinal"). Arabic, Persian, Urdu and Han text attach or run words together: matched as is."""
    patterns = []
    for row in rows():
        if row["language"] != language or not row["forbidden"]:
            continue
        for variant in row["forbidden"].split("|"):
            escaped = re.escape(variant.strip())
            first = variant.strip()[0]
            if "a" <= first.lower() <= "z" or first in "àâçéèêëîïôûùüÿñœæáíóúãõ":
                pattern = rf"(?<!\w){escaped}(?!\w)"
            elif "\u0400" <= first <= "\u04ff":
                pattern = rf"(?<!\w){escaped}"
            else:
                pattern = escaped
            patterns.append((f"{row['concept']}: {variant}", re.compile(pattern, re.IGNORECASE)))
    return patterns


def catalogue_texts(language: languages.Language):
    """(where, text) for every translation in the language's catalogues; for English every msgid."""
    folders = list(languages.REPORTER_CATALOGUES) + list(languages.STAFF_CATALOGUES)
    for folder in folders:
        if language.code == "en":
            for path in (ROOT / folder).glob("*/LC_MESSAGES/django.po"):
                for entry in polib.pofile(str(path)):
                    yield f"{folder} msgid", entry.msgid
                    if entry.msgid_plural:
                        yield f"{folder} msgid_plural", entry.msgid_plural
            continue
        path = language.catalogue(folder)
        if not path.exists():
            continue
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if text:
                    yield f"{path.relative_to(ROOT)}: {entry.msgid[:60]!r}", text


def content_language(path: Path) -> languages.Language | None:
    for part in reversed([*path.relative_to(CONTENT).parts[:-1], *path.name.split(".")]):
        language = languages.get(part)
        if language:
            return language
    return None


def content_texts(language: languages.Language):
    """Content units under content/ (ministry texts as data), where present: a PO file's translations,
    or the whole text of a file whose path names the language."""
    if not CONTENT.is_dir():
        return
    for path in sorted(CONTENT.rglob("*")):
        if not path.is_file() or path.suffix in {".mo", ".pyc"}:
            continue
        if path.suffix in {".po", ".pot"}:
            catalogue = polib.pofile(str(path))
            if language.code == "en":
                yield from ((f"{path.relative_to(ROOT)} msgid", entry.msgid) for entry in catalogue)
            elif content_language(path) is language:
                yield from ((f"{path.relative_to(ROOT)}", entry.msgstr) for entry in catalogue if entry.msgstr)
        elif content_language(path) is language:
            try:
                yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue


def glossary_languages() -> list[languages.Language]:
    return [language for language in languages.REGISTRY if language.code == "en" or language.has_catalogue()]


def test_the_glossary_is_one_table_of_concepts_per_language_in_blocks():
    found = rows()
    codes = {language.code for language in languages.REGISTRY}
    seen = set()
    blocks = []
    for row in found:
        assert row["concept"] in CONCEPTS, f"line {row['line']}: unknown concept {row['concept']!r}"
        assert row["language"] in codes, f"line {row['line']}: {row['language']!r} is not a registry language code"
        assert row["approved"].strip(), f"line {row['line']}: no approved term"
        assert (row["concept"], row["language"]) not in seen, f"line {row['line']}: a second row for it"
        seen.add((row["concept"], row["language"]))
        if not blocks or blocks[-1] != row["language"]:
            blocks.append(row["language"])
    assert len(blocks) == len(set(blocks)), f"each language's rows must form one block: {blocks}"


@pytest.mark.parametrize("language", glossary_languages(), ids=lambda language: language.code)
def test_every_concept_has_a_term_in_every_language_that_has_a_catalogue(language):
    have = {row["concept"] for row in rows() if row["language"] == language.code}
    missing = [concept for concept in CONCEPTS if concept not in have]
    assert not missing, f"{language.code}: no glossary row for {missing}"


@pytest.mark.parametrize("language", glossary_languages(), ids=lambda language: language.code)
def test_no_catalogue_entry_or_content_unit_uses_a_forbidden_variant(language):
    patterns = forbidden_patterns(language.code)
    problems = defaultdict(list)
    for where, text in [*catalogue_texts(language), *content_texts(language)]:
        text = text.replace("\u2019", "'")
        for name, pattern in patterns:
            if pattern.search(text):
                problems[name].append(where)
    assert not problems, "\n".join(f"{name}: {places[:5]}" for name, places in problems.items())


def test_the_check_finds_a_forbidden_variant(tmp_path):
    """The Chinese term for the confidential counsellor that reads like a state-secrets officer is caught,
    and so is a Portuguese 'por si' that reads as 'on its own initiative', but not 'por sinal'."""
    chinese = dict(forbidden_patterns("zh-hans"))
    assert chinese["confidential-counsellor: 保密顾问"].search("请先找保密顾问。")
    portuguese = dict(forbidden_patterns("pt"))
    assert portuguese["person-concerned: por si"].search("apresenta por si uma denúncia")
    assert not portuguese["person-concerned: por si"].search("por sinal")
    russian = dict(forbidden_patterns("ru"))
    assert russian["whistleblower: информатор"].search("закон о защите информаторов")
