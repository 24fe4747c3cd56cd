"""Reading content units for a page: the text in the reader's language while it is current; otherwise
the current English (or, for English readers, the Dutch) with a notice, never an outdated promise."""

from dataclasses import dataclass, field

from .models import SOURCE_LANGUAGE, ContentUnit
from .services import text_hash

FALLBACKS = ("en", SOURCE_LANGUAGE)


@dataclass(frozen=True)
class Texts:
    """The texts of one group of units (a page: title, summary, body), all in one language."""

    requested: str
    language: str
    values: dict[str, str] = field(default_factory=dict)

    @property
    def is_fallback(self) -> bool:
        return self.language != self.requested

    def text(self, name: str) -> str:
        return self.values.get(name, "")


def _current(units: dict[str, ContentUnit], source: dict[str, str]) -> bool:
    return bool(units) and all(
        unit.language == SOURCE_LANGUAGE
        or (unit.status == ContentUnit.Status.CURRENT and unit.source_hash == source.get(unit.key))
        for unit in units.values()
    )


def texts_for(groups: dict[str, list[str]], language: str) -> dict[str, Texts]:
    """groups: name -> unit keys (e.g. "after-a-report" -> [procedure/after-a-report/title, ...]). One query.
    Each group is shown whole in the first language where every unit that exists in Dutch is current."""
    keys = [key for group in groups.values() for key in group]
    rows = ContentUnit.objects.filter(key__in=keys, language__in={language, *FALLBACKS})
    by_lang: dict[str, dict[str, ContentUnit]] = {}
    for unit in rows:
        by_lang.setdefault(unit.language, {})[unit.key] = unit
    source_units = by_lang.get(SOURCE_LANGUAGE, {})
    source = {key: text_hash(unit.text) for key, unit in source_units.items()}
    result = {}
    for name, group in groups.items():
        wanted = [key for key in group if key in source_units and source_units[key].text]
        for candidate in (language, *FALLBACKS):
            units = {key: by_lang.get(candidate, {}).get(key) for key in wanted}
            if all(units.values()) and _current(units, source):
                break
        result[name] = Texts(
            requested=language, language=candidate,
            values={key.rsplit("/", 1)[-1]: unit.text for key, unit in units.items() if unit},
        )
    return result


def unit_text(key: str, language: str) -> Texts:
    """One unit (e.g. a standard message) in `language`, or the current English / Dutch."""
    return texts_for({key: [key]}, language)[key]
