"""Every URL, every audience: who gets in and who is refused. Built from the URL conf, so a new view
without a row in tests/ladder/ fails here."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from meldpunt.accounts.models import Role

from .conftest import file_report, make_staff, signed_in
from .ladder import (
    rows_advice,
    rows_cases,
    rows_channels,
    rows_meldpunt,
    rows_translating,
    rows_vault,
    rows_vertrouwenspersonen,
)
from .ladder.core import ANONYMOUS, ASKER, AUDIENCES, EXTRA_STAFF, REPORTER, UNVERIFIED

ALL_ROWS = (
    rows_meldpunt.ROWS + rows_cases.ROWS + rows_vertrouwenspersonen.ROWS + rows_channels.ROWS + rows_vault.ROWS
    + rows_translating.ROWS + rows_advice.ROWS
)
ROWS = {row.key: row for row in ALL_ROWS}
SIGN_IN_PATHS = ("/staff/login/", "/staff/2fa/", "/mailbox/sign-in/")


def url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # the admin has its own test below
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_has_a_ladder_row():
    missing = sorted(set(url_names()) - {row.name for row in ALL_ROWS})
    assert not missing, f"URLs without a permission-ladder row: {missing}"


@pytest.fixture
def ladder_context(db, category, post):
    from meldpunt.accounts.models import User
    from meldpunt.accounts.services import totp_device_create

    ctx = {
        "cci_report": file_report(category=category, post=post).report,
        "external_report": file_report(category=category, post=post, channel="external").report,
        "complaints_report": file_report(category=category, post=post, channel="complaints").report,
        "users": {role.value: make_staff(role.value, post=post) for role in Role},
    }
    rows_vertrouwenspersonen.extend_context(ctx)
    unverified = User.objects.create_user(username="half-signed-in", password="pw", role=Role.CCI_HANDLER)
    totp_device_create(user=unverified, name="t", confirmed=True)
    ctx["unverified"] = unverified
    rows_channels.extend_context(ctx)
    rows_cases.extend_context(ctx)
    rows_translating.extend_context(ctx)
    rows_advice.extend_context(ctx)
    return ctx


def client_as(audience, ctx):
    if audience == ANONYMOUS:
        return Client()
    if audience == UNVERIFIED:
        client = Client()
        client.force_login(ctx["unverified"])
        return client
    if audience == REPORTER:
        client = Client()
        session = client.session
        session["mailbox_report"] = str(ctx["cci_report"].pk)
        session["mailbox_until"] = 4102444800
        session.save()
        return client
    if audience == ASKER:
        client = Client()
        session = client.session
        session["mailbox_advice"] = str(ctx["advice_question"].pk)
        session["mailbox_until"] = 4102444800
        session.save()
        return client
    if audience in EXTRA_STAFF:
        return signed_in(ctx["extra"][audience])
    return signed_in(ctx["users"][audience])


def refused(response, row) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    return not row.ends_at_sign_in and response.status_code == 302 and response["Location"].split("?")[0].endswith(SIGN_IN_PATHS)


@pytest.mark.parametrize("name", sorted(ROWS))
def test_ladder(name, ladder_context):
    row = ROWS[name]
    url = reverse(row.name, kwargs=row.kwargs(ladder_context))
    outcomes = {}
    for audience in AUDIENCES:
        client = client_as(audience, ladder_context)
        response = getattr(client, row.method)(url, row.data(ladder_context))
        outcomes[audience] = "in" if not refused(response, row) else "refused"
    expected = {audience: "in" if audience in row.allowed else "refused" for audience in AUDIENCES}
    assert outcomes == expected


def test_admin_needs_administrator_with_second_factor(ladder_context):
    url = reverse("admin:index")
    assert Client().get(url).status_code == 302
    unverified = Client()
    unverified.force_login(ladder_context["unverified"])
    assert unverified.get(url).status_code == 302
    admin = ladder_context["users"][Role.ADMINISTRATOR]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    assert signed_in(admin).get(url).status_code == 200
    handler = ladder_context["users"][Role.CCI_HANDLER]
    assert signed_in(handler).get(url).status_code == 302
