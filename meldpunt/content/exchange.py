"""Content units as files translators' tools read: PO (polib) and XLIFF 1.2 (the standard library's
ElementTree, with entity expansion off). msgctxt / trans-unit id is the unit key, msgid / <source>
the Dutch text, the English text a translator comment / note."""

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import polib

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
HEADER = (
    "Ministry content of Meldpunt Integriteit. msgctxt is the unit key, msgid the Dutch source, msgstr the text\n"
    "in this language. Keep the format: an empty line between paragraphs, \"## \" starts a heading, \"- \" a list\n"
    "item; \"[...]\" in a standard message stays as it is. Where unsure, say less, never more."
)


@dataclass(frozen=True)
class Row:
    key: str
    source: str
    english: str
    target: str
    current: bool


def read_po(path: Path) -> list[polib.POEntry]:
    return [entry for entry in polib.pofile(str(path), wrapwidth=0) if entry.msgctxt and not entry.obsolete]


def write_po(language: str, rows: list[Row]) -> str:
    po = polib.POFile(wrapwidth=0)
    po.header = HEADER
    po.metadata = {
        "Project-Id-Version": "meldpunt-content", "Language": language, "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
    }
    for row in rows:
        entry = polib.POEntry(msgctxt=row.key, msgid=row.source, msgstr=row.target)
        if language != "en" and row.english:
            entry.comment = row.english
        if row.target and not row.current:
            entry.flags.append("fuzzy")  # translated from an older Dutch text: a suggestion, not current
        po.append(entry)
    return str(po)


def write_xliff(language: str, rows: list[Row]) -> str:
    ET.register_namespace("", XLIFF_NS)
    root = ET.Element(f"{{{XLIFF_NS}}}xliff", version="1.2")
    file_el = ET.SubElement(root, f"{{{XLIFF_NS}}}file", {
        "original": "meldpunt-content", "datatype": "plaintext", "source-language": "nl", "target-language": language,
    })
    body = ET.SubElement(file_el, f"{{{XLIFF_NS}}}body")
    for row in rows:
        unit = ET.SubElement(body, f"{{{XLIFF_NS}}}trans-unit", {"id": row.key, "resname": row.key})
        unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        ET.SubElement(unit, f"{{{XLIFF_NS}}}source").text = row.source
        if row.target:
            state = "translated" if row.current else "needs-review-translation"
            ET.SubElement(unit, f"{{{XLIFF_NS}}}target", state=state).text = row.target
        if row.english and language != "en":
            ET.SubElement(unit, f"{{{XLIFF_NS}}}note", {"from": "english"}).text = row.english
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def read_translations(path: Path) -> tuple[str, list[tuple[str, str, str]]]:
    """(language, [(key, Dutch source, translation)]) from a PO or XLIFF file; fuzzy / needs-review
    targets are not taken as translations."""
    if path.suffix in (".xlf", ".xliff"):
        return _read_xliff(path)
    po = polib.pofile(str(path), wrapwidth=0)
    language = po.metadata.get("Language", "").strip().lower().replace("_", "-")
    rows = [(e.msgctxt, e.msgid, "" if "fuzzy" in e.flags else e.msgstr) for e in po if e.msgctxt and not e.obsolete]
    return language, rows


def _read_xliff(path: Path) -> tuple[str, list[tuple[str, str, str]]]:
    if "<!ENTITY" in path.read_text(encoding="utf-8"):
        raise ValueError("XLIFF with entity declarations is not accepted.")
    ns = {"x": XLIFF_NS}
    root = ET.parse(path).getroot()
    file_el = root.find("x:file", ns)
    language = (file_el.get("target-language") or "").strip().lower().replace("_", "-")
    rows = []
    for unit in file_el.iterfind(".//x:trans-unit", ns):
        # itertext, not .text: some tools split text around inline markers
        source = "".join(unit.find("x:source", ns).itertext())
        target_el = unit.find("x:target", ns)
        target = ""
        if target_el is not None and target_el.get("state", "translated") not in ("needs-review-translation", "new"):
            target = "".join(target_el.itertext())
        rows.append((unit.get("resname") or unit.get("id"), source, target))
    return language, rows
