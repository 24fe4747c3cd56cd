"""The two commands an operator runs on the audit trail, word for word: `verify_audit` (what it prints, what
it writes to stderr, its exit status, the published heads it reads) and `export_audit_head` (the one JSON
line it prints and appends)."""

import json
from datetime import UTC, datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command, load_command_class

from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_head_signed, audit_record

pytestmark = pytest.mark.django_db


def run(name, *args):
    out, err = StringIO(), StringIO()
    try:
        call_command(name, *args, stdout=out, stderr=err)
    except CommandError as exc:
        return exc, out.getvalue(), err.getvalue()
    return None, out.getvalue(), err.getvalue()


def help_of(name) -> str:
    return " ".join(load_command_class("meldpunt.audit", name).create_parser("manage.py", name).format_help().split())


def test_an_intact_trail_is_reported_on_stdout_with_its_number_of_events():
    for n in range(3):
        audit_record(actor=None, action="a", n=n)
    error, out, err = run("verify_audit")
    assert error is None and err == ""
    assert out == "Audit trail intact: 3 events, chain unbroken.\n"


def test_a_damaged_trail_lists_each_problem_on_stderr_and_exits_with_status_one():
    events = [audit_record(actor=None, action="a", n=n) for n in range(4)]
    AuditEvent.objects.filter(pk__in=[events[1].pk, events[2].pk]).update(action="rewritten")
    error, out, err = run("verify_audit")
    assert str(error) == "Audit trail damaged: 2 problem(s)." and error.returncode == 1
    assert out == ""
    assert err == (
        f"event {events[1].id}: altered (its content no longer matches its hash)\n"
        f"event {events[2].id}: altered (its content no longer matches its hash)\n"
    )


def test_published_heads_are_read_from_exported_lines_and_from_log_lines(tmp_path):
    event = audit_record(actor=None, action="a")
    exported = json.dumps(audit_head_signed(), sort_keys=True)
    logged = "2026-12-01 03:00:00 WARNING meldpunt.audit.head audit chain head " + exported
    annotated = json.dumps({**audit_head_signed(), "note": {"by": "ops"}})  # a nested value is read whole
    heads = tmp_path / "heads.log"
    heads.write_text(f"{exported}\n\nno head on this line\n{logged}\n{annotated}\n", encoding="utf-8")
    from meldpunt.audit.management.commands.verify_audit import read_published

    assert [head["last_id"] for head in read_published(str(heads))] == [event.id] * 3
    assert read_published(str(heads))[2]["note"] == {"by": "ops"}
    error, out, _ = run("verify_audit", "--published", str(heads))
    assert error is None and out.startswith("Audit trail intact")


def test_a_published_head_from_elsewhere_is_named_with_its_time(tmp_path):
    audit_record(actor=None, action="a")
    forged = {**audit_head_signed(), "at": "2026-11-30T03:00:00+00:00", "signature": "0" * 64}
    heads = tmp_path / "heads.jsonl"
    heads.write_text(json.dumps(forged) + "\n", encoding="utf-8")
    error, _, err = run("verify_audit", "--published", str(heads))
    assert str(error) == "Audit trail damaged: 1 problem(s)."
    assert err == "published head of 2026-11-30T03:00:00+00:00: its signature does not match (not ours, or altered)\n"


def test_a_file_that_is_not_published_heads_is_refused_with_the_line(tmp_path):
    bad = tmp_path / "heads.txt"
    broken = "audit chain head {" + "x" * 100
    bad.write_text("\n" + broken + "\n", encoding="utf-8")
    error, _, _ = run("verify_audit", "--published", str(bad))
    assert str(error) == f"{bad}: not a published head: {broken[:80]}"


def test_export_prints_the_signed_head_as_one_sorted_json_line_and_appends_it(tmp_path):
    events = [audit_record(actor=None, action="a") for _ in range(2)]
    target = tmp_path / "heads.jsonl"
    target.write_text("earlier line\n", encoding="utf-8")
    with time_machine.travel(datetime(2026, 12, 1, 3, 0, tzinfo=UTC), tick=False):
        line = json.dumps(audit_head_signed(), sort_keys=True)
        _, out, _ = run("export_audit_head", "--append", str(target))
        _, again, _ = run("export_audit_head")
    assert out == line + "\n" and again == out
    assert json.loads(line)["last_id"] == events[-1].id
    assert target.read_text(encoding="utf-8") == "earlier line\n" + line + "\n"


def test_the_commands_explain_their_options():
    assert "--published FILE Heads exported earlier (export_audit_head, or the log)." in help_of("verify_audit")
    assert "--append FILE Also append the line to FILE." in help_of("export_audit_head")
