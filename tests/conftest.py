"""Shared fixtures: staff of every role, signed in with a verified second factor, and reports."""

import hashlib
import importlib
import os
import sqlite3
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
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
    caches["public_fast_pages"].clear()
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


# Mutation testing (`make mutants`) runs the suite once per mutant; building the test database by running every
# migration took about 17 of the seconds each of those runs needed. With MELDPUNT_TEST_DB_TEMPLATE set to a folder,
# the migrated in-memory SQLite database is copied into that folder once (named by a hash of every app's
# migrations, so a new migration builds a new copy) and later sessions load it with SQLite's backup API instead of
# migrating (the name also covers content/*.po, which data migrations load). The database the tests see is the
# same: it is the one the migrations made. `make test` and CI do not
# set the variable and migrate as before.
if os.environ.get("MELDPUNT_TEST_DB_TEMPLATE"):

    def _migrations_fingerprint() -> str:
        from django.apps import apps

        digest = hashlib.sha256()
        for app_config in sorted(apps.get_app_configs(), key=lambda config: config.label):
            folder = Path(app_config.path) / "migrations"
            for path in sorted(folder.glob("*.py")) if folder.is_dir() else ():
                digest.update(f"{app_config.label}/{path.name}\0".encode())
                digest.update(path.read_bytes())
        # Data migrations load the ministry's content from content/*.po: a changed text builds a new copy too.
        from meldpunt.content.services import content_dir

        for path in sorted(content_dir().glob("*.po")):
            digest.update(f"content/{path.name}\0".encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()[:16]

    @pytest.fixture(scope="session")
    def django_db_setup(django_test_environment, django_db_blocker):
        from django.db import connection
        from django.test.utils import setup_databases, teardown_databases

        if connection.vendor != "sqlite":
            pytest.fail("MELDPUNT_TEST_DB_TEMPLATE works with the SQLite test database only")
        folder = Path(os.environ["MELDPUNT_TEST_DB_TEMPLATE"])
        template = folder / f"migrated-{_migrations_fingerprint()}.sqlite3"
        with django_db_blocker.unblock():
            if not template.exists():
                old_config = setup_databases(verbosity=0, interactive=False)
                folder.mkdir(parents=True, exist_ok=True)
                partial = template.with_suffix(f".{os.getpid()}.partial")
                target = sqlite3.connect(partial)
                connection.ensure_connection()
                connection.connection.backup(target)
                target.close()
                os.replace(partial, template)  # whole or not at all, should two sessions build it at once
            else:
                old_name = connection.settings_dict["NAME"]
                test_name = connection.creation._get_test_db_name()
                connection.close()
                settings.DATABASES[connection.alias]["NAME"] = connection.settings_dict["NAME"] = test_name
                connection.ensure_connection()
                source = sqlite3.connect(template)
                source.backup(connection.connection)
                source.close()
                old_config = [(connection, old_name, True)]
        yield
        with django_db_blocker.unblock():
            teardown_databases(old_config, verbosity=0)


# Mutation testing, narrowed honestly: with MELDPUNT_MUTANT_TESTS="tests/cases/test_workflow,tests/security" only
# the tests in those files and folders run (the tests of the mutated module's area, and the confidentiality tests), in every phase of
# `mutmut run`: its map of which test reaches which function, its clean run, and each mutant. A later run with
# other folders is safe: mutmut finds the tests it has not seen as new and maps them, and forgets the others.
# docs/mutation-score.md says for each module which folders checked it.
def pytest_collection_modifyitems(config, items):
    # A folder, a file, or the start of file names ("tests/cases/test_workflow": test_workflow.py and its kin).
    prefixes = [p.strip().rstrip("/") + ("/" if Path(p.strip()).is_dir() else "") for p in os.environ.get("MELDPUNT_MUTANT_TESTS", "").split(",") if p.strip()]
    if not prefixes:
        return
    kept = [item for item in items if item.nodeid.startswith(tuple(prefixes))]
    if len(kept) < len(items):
        kept_ids = {id(item) for item in kept}
        config.hook.pytest_deselected(items=[item for item in items if id(item) not in kept_ids])
        items[:] = kept


def form_token(client: Client, url: str = "/report/") -> str:
    """The report form's one-time token, read from the page as a browser reads it (a page served from
    what the process keeps has no template context: meldpunt/public_fast_path.py)."""
    import gzip
    import re

    page = client.get(url)
    html = gzip.decompress(page.content) if page.get("Content-Encoding") == "gzip" else page.content
    return re.search(rb'name="submission_token" value="([0-9a-f]{32})"', html).group(1).decode()
