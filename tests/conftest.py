"""Shared fixtures: staff of every role, signed in with a verified second factor, and reports."""

import importlib
import time
import uuid

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts.middleware import STAFF_SEEN, STAFF_SINCE
from meldpunt.accounts.models import Role, User
from meldpunt.accounts.services import totp_device_create
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Category, Channel
from meldpunt.organisation.models import Post, Region


@pytest.fixture
def region(db):
    return Region.objects.create(code="mena", name="Midden-Oosten", name_en="Middle East and North Africa")


@pytest.fixture
def post(region):
    return Post.objects.create(
        code="rabat", name="Ambassade Rabat", name_en="Embassy Rabat", kind=Post.Kind.EMBASSY,
        city="Rabat", country_code="MA", region=region, languages="ar,fr,nl",
    )


def ensure_categories():
    """The Rijk categories come from a data migration; transactional tests flush them, so restore."""
    if not Category.objects.exists():
        from django.apps import apps

        importlib.import_module("meldpunt.intake.migrations.0002_rijk_categories").add_categories(apps, None)
        importlib.import_module("meldpunt.intake.migrations.0013_category_names_twelve_languages").fill(apps, None)


@pytest.fixture
def category(db):
    ensure_categories()
    return Category.objects.get(code="racism_discrimination")


def make_staff(role: str, username: str | None = None, post=None) -> User:
    username = username or f"{role}-{uuid.uuid4().hex[:6]}"
    user = User.objects.create_user(username=username, email=f"{username}@example.org", password="pw-for-tests-only", role=role, post=post)
    totp_device_create(user=user, name="test", confirmed=True)
    return user


def signed_in(user: User) -> Client:
    """A client signed in with password and a verified second factor, as after the TOTP step."""
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user, confirmed=True).persistent_id
    # As the real sign-in leaves it: the idle-timeout clock started (else the first page writes it).
    session[STAFF_SINCE] = session[STAFF_SEEN] = int(time.time())
    session.save()
    return client


@pytest.fixture
def staff_factory(db):
    return make_staff


@pytest.fixture
def client_for():
    return signed_in


def file_report(*, category, post, narrative="Mijn leidinggevende maakte racistische opmerkingen.", channel=Channel.CENTRAL,
                language="nl", written_language="", **extra):
    details = intake_services.ReportDetails(category=category, post=post, narrative=narrative, **extra)
    return intake_services.report_submit(
        details=details, channel=channel, language=language, submission_token=uuid.uuid4().hex, written_language=written_language,
    )


@pytest.fixture
def report_factory(category, post):
    def make(**kwargs):
        kwargs.setdefault("category", category)
        kwargs.setdefault("post", post)
        return file_report(**kwargs)

    return make


ALL_ROLES = [r.value for r in Role]


@pytest.fixture(autouse=True)
def language_reset_after_each_test():
    """A request in another language leaves that language active in the thread: reset it, so the
    next test starts in the default language whatever ran before it."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def no_report_text_in_any_email(request):
    """Around every test that touches the database: no email it sent may hold report text."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if not (marker or {"db", "transactional_db", "live_server", "real_worker"} & names):
        yield
        return
    transactional = (marker and marker.kwargs.get("transaction")) or {"transactional_db", "live_server", "real_worker"} & names
    # Set the database up before this fixture, so it is still there when the scan runs at teardown.
    request.getfixturevalue("transactional_db" if transactional else "db")
    yield
    from .mail_scan import assert_no_report_text_in_outbox

    assert_no_report_text_in_outbox()


def open_mailbox(client: Client, report) -> Client:
    """The client's session as after signing in to the report's mailbox (for a long while)."""
    session = client.session
    session["mailbox_report"] = str(report.pk)
    session["mailbox_until"] = 4102444800
    session.save()
    return client


@pytest.fixture(autouse=True)
def fresh_cache():
    """Throttle counters live in the cache: each test starts with none, whatever ran before it (any order)."""
    from django.core.cache import cache, caches

    cache.clear()
    caches["public_pages"].clear()
    yield


def make_translator(username: str | None = None, *, signed: bool = True, kind: str = "sworn_external", languages: str = "ar,fr,nl,en"):
    """A translator with password and second factor; with a signed confidentiality statement unless `signed=False`."""
    from datetime import date

    from meldpunt.accounts.models import TranslatorProfile

    user = make_staff(Role.TRANSLATOR, username)
    TranslatorProfile.objects.create(
        user=user, kind=kind, languages=languages,
        statement_signed_on=date(2026, 11, 2) if signed else None, statement_version="2026-1" if signed else "",
    )
    return user
