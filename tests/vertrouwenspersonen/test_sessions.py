"""A counsellor keeps a log of advice sessions that nobody else can read."""

import datetime
import uuid

import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from meldpunt.accounts.models import Role
from meldpunt.audit.models import AuditEvent
from tests.conftest import make_staff, signed_in
from vertrouwenspersonen import selectors, services
from vertrouwenspersonen.models import AdviceSession

NEW = reverse("counsellors:session-new")
ADVICE = "Besproken dat een gesprek met de leidinggevende mogelijk is; medewerker wil eerst nadenken."


def session_form(client, **overrides):
    page = client.get(NEW)
    token = page.context["form"].initial["submission_token"]
    data = {"held_on": "2026-02-10", "channel": "phone", "where": "", "topic": "", "advice": ADVICE,
            "follow_up": "none", "submission_token": token}
    data.update(overrides)
    return data


def test_a_counsellor_logs_a_session_and_reads_it_back(counsellor_user, client_for, category, post):
    client = client_for(counsellor_user)
    response = client.post(NEW, session_form(client, where=f"post:{post.pk}", topic=str(category.pk), follow_up="cci"))
    session = AdviceSession.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("counsellors:session-detail", args=[session.pk])
    assert session.counsellor == counsellor_user
    assert session.post == post and session.region == post.region
    assert session.follow_up == "cci" and session.channel == "phone"
    detail = client.get(response["Location"])
    assert ADVICE in detail.content.decode()
    assert "no-store" in detail["Cache-Control"] and "max-age=0" in detail["Cache-Control"]
    # The list shows the session, without its text.
    listing = client.get(reverse("counsellors:sessions")).content.decode()
    assert "Racism and discrimination" in listing and ADVICE not in listing


def test_the_advice_is_sealed_in_the_database(counsellor_user, log_session):
    session = log_session(counsellor_user, advice="Vertrouwelijk advies over de situatie op de post.")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {AdviceSession._meta.db_table}")
        raw = repr(cursor.fetchall())
    assert "Vertrouwelijk" not in raw
    assert "Vertrouwelijk advies" in AdviceSession.objects.get(pk=session.pk).unseal("advice")


def test_every_read_by_the_counsellor_is_audited(counsellor_user, client_for, log_session):
    session = log_session(counsellor_user)
    client = client_for(counsellor_user)
    client.get(reverse("counsellors:session-detail", args=[session.pk]))
    client.get(reverse("counsellors:session-edit", args=[session.pk]))  # the edit form shows the text too
    reads = AuditEvent.objects.filter(action="advice_session.read", target_id=str(session.pk))
    assert reads.count() == 2 and {e.actor for e in reads} == {counsellor_user}
    # The audit trail itself never carries the advice.
    assert not any("medewerker" in str(e.detail) for e in AuditEvent.objects.all())


def test_another_counsellor_cannot_see_open_edit_or_forward_a_session(counsellor_user, other_counsellor_user, client_for, log_session):
    session = log_session(counsellor_user, advice=ADVICE)
    other = client_for(other_counsellor_user)
    for name in ("session-detail", "session-edit", "session-forward", "session-forwarded"):
        assert other.get(reverse(f"counsellors:{name}", args=[session.pk])).status_code == 404
    assert other.post(reverse("counsellors:session-edit", args=[session.pk]), {"advice": "overwrite"}).status_code == 404
    assert ADVICE not in other.get(reverse("counsellors:sessions")).content.decode()
    assert not selectors.advice_sessions_visible_to(other_counsellor_user).exists()
    with pytest.raises(PermissionDenied):
        services.advice_session_read(actor=other_counsellor_user, session=session)
    assert not AuditEvent.objects.filter(action="advice_session.read").exists()


@pytest.mark.parametrize("role", [Role.COUNSELLOR_COORDINATOR, Role.CCI_COORDINATOR, Role.CCI_HANDLER, Role.ADMINISTRATOR, Role.MANAGER])
def test_no_other_role_reads_a_session(role, counsellor_user, log_session):
    session = log_session(counsellor_user)
    user = make_staff(role)
    if role == Role.ADMINISTRATOR:
        user.is_staff = user.is_superuser = True
        user.save()
    client = signed_in(user)
    for name in ("session-detail", "session-edit", "session-forward"):
        assert client.get(reverse(f"counsellors:{name}", args=[session.pk])).status_code == 403
    assert not selectors.advice_sessions_visible_to(user).exists()
    with pytest.raises(PermissionDenied):
        services.advice_session_read(actor=user, session=session)


def test_an_administrator_cannot_read_sessions_through_the_admin(counsellor_user, log_session):
    session = log_session(counsellor_user, advice=ADVICE)
    assert not admin.site.is_registered(AdviceSession)
    admin_user = make_staff(Role.ADMINISTRATOR)
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client = signed_in(admin_user)
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert "advicesession" not in index.content.decode().lower()
    with pytest.raises(NoReverseMatch):
        reverse("admin:vertrouwenspersonen_advicesession_changelist")
    guessed = client.get(f"/admin/vertrouwenspersonen/advicesession/{session.pk}/change/")
    assert guessed.status_code in (302, 404) and ADVICE not in guessed.content.decode()
    # Nor through an inline of another model's admin page.
    for model_admin in admin.site._registry.values():
        assert all(inline.model is not AdviceSession for inline in model_admin.inlines)


def test_a_session_for_a_region_only(counsellor_user, client_for, category, region):
    client = client_for(counsellor_user)
    client.post(NEW, session_form(client, where=f"region:{region.pk}", topic=str(category.pk)))
    session = AdviceSession.objects.get()
    assert session.post is None and session.region == region


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"advice": "   "}, "advice"),
        ({"advice": "x" * 10_001}, "advice"),
        ({"held_on": "yesterday"}, "held_on"),
        ({"held_on": "1999-12-31"}, "held_on"),
        ({"where": "post:999999"}, "where"),
        ({"where": "elsewhere"}, "where"),
        ({"where": ""}, "where"),
        ({"topic": "abc"}, "topic"),
        ({"channel": "letter"}, "channel"),
        ({"follow_up": "prison"}, "follow_up"),
        ({"submission_token": "not-a-token"}, "submission_token"),
    ],
)
def test_bad_input_is_explained_and_what_was_typed_stays(counsellor_user, client_for, category, post, overrides, field):
    client = client_for(counsellor_user)
    data = session_form(client, where=f"post:{post.pk}", topic=str(category.pk))
    data.update(overrides)
    response = client.post(NEW, data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    if field != "advice":
        assert ADVICE in response.content.decode()
    assert not AdviceSession.objects.exists()


def test_a_date_in_the_future_is_refused(counsellor_user, client_for, category, post):
    client = client_for(counsellor_user)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(NEW, session_form(client, where=f"post:{post.pk}", topic=str(category.pk), held_on=tomorrow))
    assert response.status_code == 400 and "cannot be in the future" in response.content.decode()


def test_a_double_submit_records_one_session(counsellor_user, client_for, category, post):
    client = client_for(counsellor_user)
    data = session_form(client, where=f"post:{post.pk}", topic=str(category.pk))
    first = client.post(NEW, data)
    second = client.post(NEW, data)
    assert AdviceSession.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert AuditEvent.objects.filter(action="advice_session.logged").count() == 1


def test_a_counsellor_corrects_a_session(counsellor_user, client_for, log_session, region):
    session = log_session(counsellor_user, advice=ADVICE)
    client = client_for(counsellor_user)
    url = reverse("counsellors:session-edit", args=[session.pk])
    page = client.get(url)
    assert ADVICE in page.content.decode()  # the form holds the text to correct
    data = {**page.context["form"].initial, "held_on": "2026-02-11", "where": f"region:{region.pk}",
            "advice": "Aangevuld advies.", "follow_up": "company_doctor", "submission_token": ""}
    response = client.post(url, data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.held_on == datetime.date(2026, 2, 11) and session.post is None and session.follow_up == "company_doctor"
    assert session.unseal("advice") == "Aangevuld advies."
    assert AuditEvent.objects.filter(action="advice_session.updated").count() == 1


def test_unknown_session_ids_are_not_found(counsellor_user, client_for):
    assert client_for(counsellor_user).get(reverse("counsellors:session-detail", args=[uuid.uuid4()])).status_code == 404


def test_the_session_pages_hold_no_inline_script(counsellor_user, client_for, log_session):
    session = log_session(counsellor_user)
    client = client_for(counsellor_user)
    for url in (NEW, reverse("counsellors:sessions"), reverse("counsellors:session-detail", args=[session.pk])):
        html = client.get(url).content.decode()
        assert "<script" not in html and " style=" not in html


def test_an_inactive_counsellor_account_reads_nothing(counsellor_user, log_session):
    session = log_session(counsellor_user)
    counsellor_user.is_active = False
    counsellor_user.save()
    assert not selectors.advice_sessions_visible_to(counsellor_user).exists()
    with pytest.raises(PermissionDenied):
        services.advice_session_read(actor=counsellor_user, session=session)


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_a_counsellor_working_in_dutch_or_french_saves_a_session_unchanged(language, counsellor_user, client_for, log_session):
    """A date input takes only ISO dates: a local format ("14-01-2026") left the field empty, so the
    counsellor could not save the session without typing its date again."""
    import re

    session = log_session(counsellor_user, advice=ADVICE)
    client = client_for(counsellor_user)
    client.cookies["django_language"] = language
    url = reverse("counsellors:session-edit", args=[session.pk])
    page = client.get(url)
    date_input = re.search(r'<input type="date" name="held_on" value="([^"]*)"', page.content.decode())
    assert date_input and date_input.group(1) == session.held_on.isoformat()
    data = {**page.context["form"].initial, "held_on": date_input.group(1), "submission_token": ""}
    assert client.post(url, data).status_code == 302
    session.refresh_from_db()
    assert session.unseal("advice") == ADVICE
