"""Office documents and recordings stored before they were cleaned (security review M8) are marked
"being cleaned"; the re-queue scan (vault.tasks.evidence_clean_requeue) then makes their copies."""

from django.db import migrations

NOW_CLEANED = [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "audio/mpeg",
    "audio/x-m4a",
    "audio/mp4",
    "audio/x-wav",
    "audio/ogg",
    "video/mp4",
    "message/rfc822",
]


def mark_for_cleaning(apps, schema_editor):
    EvidenceFile = apps.get_model("vault", "EvidenceFile")
    EvidenceFile.objects.filter(
        media_type__in=NOW_CLEANED, working_status="not_applicable", shredded_at__isnull=True
    ).update(working_status="pending")


class Migration(migrations.Migration):
    dependencies = [("vault", "0001_initial")]

    operations = [migrations.RunPython(mark_for_cleaning, migrations.RunPython.noop)]
