"""Key management from the command line: rotate the KEK, verify the vault, crypto-shred a report."""

import hashlib
import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from meldpunt import crypto
from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_private_detail
from meldpunt.intake.models import Report
from meldpunt.management.commands.rotate_kek import sealed_record_models
from meldpunt.vault import storage
from meldpunt.vault.models import EvidenceFile, UploadStaging, Variant
from meldpunt.vault.services import evidence_stage

from . import samples


def run(*args, **kwargs) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=out, **kwargs)
    return out.getvalue()


def stored_hashes() -> dict[str, str]:
    vault = storage.vault_storage()
    hashes = {}
    for root, _dirs, files in os.walk(vault.location):
        for name in files:
            path = os.path.join(root, name)
            hashes[path] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return hashes


def readable(report: Report) -> str:
    report = Report.objects.get(pk=report.pk)
    for evidence in EvidenceFile.objects.filter(report=report):
        b"".join(storage.open_plain(key=evidence.file_key(), stored_name=evidence.stored_name, aad=evidence.stream_aad(Variant.ORIGINAL)))
        evidence.unseal("name")
    return report.unseal("narrative")


def test_rotate_kek_finds_every_sealed_record_model():
    labels = {m._meta.label for m in sealed_record_models()}
    assert {"intake.Report", "vault.UploadStaging"} <= labels


def test_rotating_the_kek_rewraps_data_keys_without_touching_the_files(report_factory, add_file):
    reports = [report_factory().report for _ in range(3)]
    for report in reports:
        add_file(report, samples.jpeg_with_gps(colour=(len(report.reference) * 9 % 255, 0, 0)), "photo.jpg")
    evidence_stage(token="5f" * 16, upload=samples.upload(samples.TEXT, "staged.txt"), media_type="text/plain")
    files_before = stored_hashes()
    narratives = [readable(r) for r in reports]
    new_kek = crypto.generate_kek_entry("k2")
    with override_settings(MELDPUNT_KEKS=f"{new_kek},{settings.MELDPUNT_KEKS}"):
        assert [readable(r) for r in reports] == narratives  # readable before ...
        output = run("rotate_kek")
        assert "intake.Report: 3 re-wrapped" in output and "vault.UploadStaging: 1 re-wrapped" in output
        assert all(r.wrapped_key.startswith("k2:") for r in Report.objects.all())
        assert [readable(r) for r in reports] == narratives  # ... and after
        assert "intake.Report: 0 re-wrapped" in run("rotate_kek")  # idempotent
    with override_settings(MELDPUNT_KEKS=new_kek):  # the old KEK is gone from the configuration
        assert [readable(r) for r in reports] == narratives
        staging = UploadStaging.objects.get()
        assert staging.files.get().unseal("name") == "staged.txt"
    assert stored_hashes() == files_before  # no file was re-encrypted
    assert AuditEvent.objects.filter(action="crypto.kek_rotated", detail__kek="k2").count() == 2


def test_rotation_does_not_bring_back_a_shredded_key(report_factory):
    report = report_factory().report
    Report.objects.filter(pk=report.pk).update(wrapped_key="")
    with override_settings(MELDPUNT_KEKS=f"{crypto.generate_kek_entry('k2')},{settings.MELDPUNT_KEKS}"):
        run("rotate_kek")
    assert Report.objects.get(pk=report.pk).wrapped_key == ""


def test_verify_vault_passes_on_an_intact_vault(cci_report, add_file):
    add_file(cci_report, samples.jpeg_with_gps(), "photo.jpg")
    add_file(cci_report, samples.TEXT, "minutes.txt")
    assert "All 3 sealed file(s) decrypt and match their SHA-256." in run("verify_vault")


def test_verify_vault_fails_on_a_flipped_byte(cci_report, add_file):
    evidence = add_file(cci_report, samples.TEXT, "minutes.txt")
    path = storage.vault_storage().path(evidence.stored_name)
    data = bytearray(open(path, "rb").read())
    data[30] ^= 1
    open(path, "wb").write(bytes(data))
    with pytest.raises(CommandError, match="1 problem"):
        run("verify_vault")


def test_verify_vault_fails_on_a_missing_file_or_a_wrong_hash(cci_report, add_file):
    photo = add_file(cci_report, samples.jpeg_with_gps(), "photo.jpg")
    minutes = add_file(cci_report, samples.TEXT, "minutes.txt")
    os.remove(storage.vault_storage().path(photo.working_stored_name))
    EvidenceFile.objects.filter(pk=minutes.pk).update(sha256="0" * 64)
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 problem"):
        call_command("verify_vault", stdout=io.StringIO(), stderr=err)
    assert "missing from storage" in err.getvalue() and "SHA-256 differs" in err.getvalue()


def test_verify_vault_exits_non_zero_from_the_shell(cci_report, add_file):
    from django.core.management import ManagementUtility

    evidence = add_file(cci_report, samples.TEXT, "minutes.txt")
    os.remove(storage.vault_storage().path(evidence.stored_name))
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "verify_vault"]).execute()
    assert exit_info.value.code != 0


def test_crypto_shred_command_destroys_a_report(cci_report, add_file, handler, django_capture_on_commit_callbacks):
    evidence = add_file(cci_report, samples.jpeg_with_gps(), "photo.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        output = run("crypto_shred", report=cci_report.reference, reason="Retention ended", by=handler.username, no_input=True)
    assert "data key destroyed, 1 sealed file(s) deleted" in output
    with pytest.raises(crypto.DecryptionError):
        Report.objects.get(pk=cci_report.pk).unseal("narrative")
    assert not storage.exists(evidence.stored_name) and not storage.exists(evidence.working_stored_name)
    event = AuditEvent.objects.get(action="report.crypto_shredded")
    assert event.actor == handler and audit_private_detail(event)["reason"] == "Retention ended"
    assert "All 0 sealed file(s)" in run("verify_vault")  # shredded files are not "missing"
    assert "already shredded" in run("crypto_shred", report=cci_report.reference, reason="again", no_input=True)


def test_crypto_shred_asks_for_confirmation(cci_report, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Not confirmed"):
        run("crypto_shred", report=cci_report.reference, reason="x")
    assert Report.objects.get(pk=cci_report.pk).wrapped_key
    with pytest.raises(CommandError, match="No report"):
        run("crypto_shred", report="M-1999-00001", reason="x", no_input=True)
