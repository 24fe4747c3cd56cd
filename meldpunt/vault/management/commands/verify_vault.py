"""Check the whole vault: every sealed file opens, chunk by chunk, and matches its recorded hash
and size (originals and cleaned copies). Exits non-zero when anything is wrong."""

import hashlib

from django.core.management.base import BaseCommand, CommandError

from meldpunt import crypto
from meldpunt.vault import storage
from meldpunt.vault.models import EvidenceFile, Variant


def check_one(evidence: EvidenceFile, variant: str) -> str | None:
    if variant == Variant.ORIGINAL:
        name, expected_hash, expected_size = evidence.stored_name, evidence.sha256, evidence.size
    else:
        name, expected_hash, expected_size = evidence.working_stored_name, evidence.working_sha256, evidence.working_size
    digest, size = hashlib.sha256(), 0
    try:
        for chunk in storage.open_plain(key=evidence.file_key(), stored_name=name, aad=evidence.stream_aad(variant)):
            digest.update(chunk)
            size += len(chunk)
    except FileNotFoundError:
        return "missing from storage"
    except crypto.DecryptionError as exc:
        return f"does not decrypt: {exc}"
    if size != expected_size:
        return f"size {size} differs from the recorded {expected_size}"
    if digest.hexdigest() != expected_hash:
        return "SHA-256 differs from the recorded hash"
    return None


class Command(BaseCommand):
    help = "Decrypt every file in the vault and compare it with its recorded SHA-256 and size."

    def handle(self, *args, **options):
        checked = problems = 0
        for evidence in EvidenceFile.objects.filter(shredded_at__isnull=True).select_related("report", "staging").iterator(chunk_size=200):
            variants = [Variant.ORIGINAL] + ([Variant.WORKING] if evidence.has_working_copy else [])
            for variant in variants:
                checked += 1
                problem = check_one(evidence, variant)
                if problem:
                    problems += 1
                    where = evidence.report.reference if evidence.report_id else "staged upload"
                    self.stderr.write(f"PROBLEM {where} file {evidence.pk} ({variant}): {problem}")
        shredded_left = [
            e.pk for e in EvidenceFile.objects.filter(shredded_at__isnull=False)
            if storage.exists(e.stored_name) or storage.exists(e.working_stored_name)
        ]
        for pk in shredded_left:
            problems += 1
            self.stderr.write(f"PROBLEM file {pk}: shredded, but its sealed object is still in storage")
        if problems:
            raise CommandError(f"{problems} problem(s) in {checked} sealed file(s).")
        self.stdout.write(self.style.SUCCESS(f"All {checked} sealed file(s) decrypt and match their SHA-256."))
