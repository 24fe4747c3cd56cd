"""The evidence vault: the reporter's mailbox upload and the desks' evidence pages.

The evidence belongs to the ladder's CCI report: the external desk, the other roles, reporters and
visitors must all be refused. The file is made on first use (sealed and cleaned, as in real use).
"""

from .core import DESK_CCI, REPORTER, Row


def cci_evidence(ctx):
    if "cci_evidence" not in ctx:
        from meldpunt.vault import services
        from tests.vault import samples

        upload = samples.temporary_upload(samples.jpeg_with_gps(), "photo.jpg")
        evidence, _created = services.evidence_add(
            report=ctx["cci_report"], upload=upload, media_type="image/jpeg", source="staff",
            uploaded_by=ctx["users"]["cci_handler"],
        )
        services.evidence_clean(evidence_id=str(evidence.pk))
        evidence.refresh_from_db()
        ctx["cci_evidence"] = evidence
    return ctx["cci_evidence"]


def on_file(ctx):
    return {"report_id": ctx["cci_report"].pk, "file_id": cci_evidence(ctx).pk}


def on_report(ctx):
    return {"report_id": ctx["cci_report"].pk}


ROWS = [
    Row("vault:mailbox-files", frozenset({REPORTER}), method="post"),
    Row("cases:evidence", DESK_CCI, kwargs=on_report),
    Row("cases:evidence-register", DESK_CCI, kwargs=on_report),
    Row("cases:evidence-preview", DESK_CCI, kwargs=on_file),
    Row("cases:evidence-content", DESK_CCI, kwargs=on_file),
    Row("cases:evidence-download", DESK_CCI, kwargs=on_file),
    Row(
        "cases:evidence-original", DESK_CCI, kwargs=on_file, method="post",
        data=lambda ctx: {"reason": "Check the photo's location", "purpose": "download"},
    ),
]
