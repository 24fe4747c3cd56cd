import pytest

from meldpunt.accounts.models import Role
from meldpunt.vault import services
from meldpunt.vault.models import EvidenceFile

from . import samples


@pytest.fixture
def cci_report(report_factory):
    return report_factory().report


@pytest.fixture
def handler(staff_factory, post):
    return staff_factory(Role.CCI_HANDLER, post=post)


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what a service queued for after commit (the cleaning task), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def add_file(handler, on_commit):
    """Seal a file into a report as the desk would: add_file(report, content, name=...)."""

    def add(report, content, name="evidence.bin", *, by=handler, description=""):
        upload = samples.temporary_upload(content, name)
        media_type = services.upload_check(upload=upload, max_bytes=10 * 1024 * 1024)
        with on_commit():
            evidence, _created = services.evidence_add(
                report=report, upload=upload, media_type=media_type,
                source=EvidenceFile.Source.STAFF if by else EvidenceFile.Source.REPORTER, uploaded_by=by,
                description=description,
            )
        evidence.refresh_from_db()
        return evidence

    return add
