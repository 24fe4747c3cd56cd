"""Which parts a record has (issue 17): a page shows a report's meetings, consents, additions ... only
when there are any, and most reports have few of them. One statement of EXISTS answers for all parts at
once, so that the page reads only the lists that are not empty.

The statement is written out with the models' own table and column names rather than built through
the ORM: building its subqueries took the ORM some twenty times what the database takes to answer
(a quarter of the mailbox's time). It reads nothing but yes or no; what exists is still read through
the selectors and their need-to-know checks.

    parts_present(report, {
        "meetings": Part("meetings"),
        "open_meeting_request": Part("meetings", held_on=None),
        "files": Part("evidence_files", source="reporter"),
    })  ->  {"meetings": True, "open_meeting_request": False, "files": True}

    with_parts(case, {"notes": Part("notes")})  ->  the case, with case.has_notes set
"""

from __future__ import annotations

from django.db import connection


class Part:
    """Rows of a reverse relation of the record (its related name), with these field values (None: IS NULL)."""

    __slots__ = ("related_name", "where")

    def __init__(self, related_name: str, **where):
        self.related_name, self.where = related_name, where


def parts_present(record, parts: dict[str, Part]) -> dict[str, bool]:
    """For each named part: whether `record` has any such rows. One statement."""
    quote, meta = connection.ops.quote_name, type(record)._meta
    record_id = meta.pk.get_db_prep_value(record.pk, connection)
    clauses, params = [], []
    for part in parts.values():
        relation = meta.get_field(part.related_name)
        model = relation.related_model
        clause = f"SELECT 1 FROM {quote(model._meta.db_table)} WHERE {quote(relation.field.column)} = %s"
        params.append(record_id)
        for name, value in part.where.items():
            column = model._meta.get_field(name)
            if value is None:
                clause += f" AND {quote(column.column)} IS NULL"
            else:
                clause += f" AND {quote(column.column)} = %s"
                params.append(column.get_db_prep_value(value, connection))
        clauses.append(f"EXISTS({clause})")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(clauses)}", params)
        row = cursor.fetchone()
    return {name: bool(flag) for name, flag in zip(parts, row, strict=True)}


def with_parts(record, parts: dict[str, Part]):
    """`record` (or None) with `has_<name>` set for each part: what a page asks before reading a list."""
    if record is not None:
        for name, exists in parts_present(record, parts).items():
            setattr(record, f"has_{name}", exists)
    return record
