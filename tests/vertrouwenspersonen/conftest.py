"""Fixtures for the counsellor area: regions, posts, counsellors with profiles, sessions."""

import datetime
import io
import uuid

import pytest
from django.utils import timezone
from PIL import Image

from meldpunt.accounts.models import Role
from meldpunt.organisation.models import Post, Region
from tests.conftest import make_staff
from vertrouwenspersonen import services
from vertrouwenspersonen.models import ComplaintOutcome, ComplaintStatus, CounsellorComplaint


@pytest.fixture
def europe(db):
    return Region.objects.create(code="europe", name="Europa", name_en="Europe")


@pytest.fixture
def paris(europe):
    return Post.objects.create(
        code="paris", name="Ambassade Parijs", name_en="Embassy Paris", kind=Post.Kind.EMBASSY, city="Paris",
        country_code="FR", region=europe, languages="fr,nl,en",
    )


@pytest.fixture
def cairo(region):
    return Post.objects.create(
        code="cairo", name="Ambassade Caïro", name_en="Embassy Cairo", kind=Post.Kind.EMBASSY, city="Cairo",
        country_code="EG", region=region, languages="ar,en,nl",
    )


@pytest.fixture
def coordinator(db):
    return make_staff(Role.COUNSELLOR_COORDINATOR, username="coordinator")


@pytest.fixture
def counsellor_user(post):
    return make_staff(Role.COUNSELLOR, username="amira", post=post)


@pytest.fixture
def other_counsellor_user(post):
    return make_staff(Role.COUNSELLOR, username="karim", post=post)


@pytest.fixture
def make_counsellor(coordinator):
    def make(name="Amira Haddad", **changes):
        changes.setdefault("is_published", True)
        return services.counsellor_create(actor=coordinator, changes={"name": name, **changes})

    return make


@pytest.fixture
def profile(make_counsellor, counsellor_user, post):
    return make_counsellor(
        "Amira Haddad", user=counsellor_user, languages=["ar", "fr", "nl"], posts=[post], gender="woman",
        introduction_nl="Ik luister.", introduction_en="I listen.",
    )


def image_bytes(fmt="JPEG", size=(64, 48), colour=(200, 30, 30), **save_kwargs) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=fmt, **save_kwargs)
    return buffer.getvalue()


@pytest.fixture
def log_session(category, post):
    def log(user, advice="Uitgelegd welke routes er zijn.", **fields):
        fields.setdefault("held_on", datetime.date(2026, 2, 10))
        fields.setdefault("channel", "in_person")
        fields.setdefault("topic", category)
        fields.setdefault("follow_up", "none")
        if "region" not in fields:
            fields.setdefault("post", post)
        return services.advice_session_log(actor=user, advice=advice, **fields)

    return log


@pytest.fixture
def make_complaint(report_factory):
    """A complaint about a counsellor, received on `received_on`, with its legal deadlines counted from that
    day (7 days to acknowledge, 56 to conclude). Concluded when given an outcome or the concluded status."""

    def make(received_on, *, status=None, outcome="", counsellor=None, id=None):
        status = status or (ComplaintStatus.CONCLUDED if outcome else ComplaintStatus.NEW)
        concluded = status == ComplaintStatus.CONCLUDED
        return CounsellorComplaint.objects.create(
            id=id or uuid.uuid4(), report=report_factory().report, counsellor=counsellor, status=status,
            received_on=received_on, acknowledge_due=received_on + datetime.timedelta(days=7),
            conclude_due=received_on + datetime.timedelta(days=56), concluded_at=timezone.now() if concluded else None,
            outcome=outcome or (ComplaintOutcome.NOT_UPHELD if concluded else ""),
        )

    return make
