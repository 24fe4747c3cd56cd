"""The administrator sees and does only what administration needs (security H2).

Before: the admin showed every staff member's TOTP key, let an administrator set any password and change
any role (their own included) and so read sealed reports and session logs under someone else's name;
role and password changes were not on the audit trail."""

import base64

import pytest
from django.contrib import admin
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts.models import Role, SealedTOTPDevice, StaffChangeRequest, User
from meldpunt.audit.models import AuditEvent
from meldpunt.sealed import SealedChild, SealedRecord


@pytest.fixture
def admins(staff_factory):
    def make(name):
        user = staff_factory(Role.ADMINISTRATOR, name)
        user.is_staff = user.is_superuser = True
        user.save()
        return user

    return make("beheer"), make("beheer2")


def change_form_data(client, user, **changes):
    """The admin's change form for `user` as the browser would send it, with `changes` typed in."""
    from django import forms

    page = client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    form = page.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(field, forms.SplitDateTimeField):
            data[f"{name}_0"], data[f"{name}_1"] = (value.strftime("%Y-%m-%d"), value.strftime("%H:%M:%S")) if value else ("", "")
        elif isinstance(field, forms.ModelMultipleChoiceField):
            data[name] = [getattr(v, "pk", v) for v in (value or [])]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else getattr(value, "pk", value)
    for name, value in changes.items():
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            else:
                data.pop(name, None)
        else:
            data[name] = value
    return data


def test_no_authenticator_key_is_shown(admins, staff_factory, client_for):
    handler = staff_factory(Role.CCI_HANDLER, "cci")
    device = SealedTOTPDevice.objects.get(user=handler)
    client = client_for(admins[0])
    page = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk])).content.decode()
    assert device.bin_key.hex() not in page and base64.b32encode(device.bin_key).decode() not in page
    listing = client.get(reverse("admin:otp_totp_totpdevice_changelist")).content.decode()
    assert device.bin_key.hex() not in listing


def test_an_administrator_cannot_set_anyones_password(admins, staff_factory, client_for):
    handler = staff_factory(Role.CCI_HANDLER, "cci")
    client = client_for(admins[0])
    url = reverse("admin:auth_user_password_change", args=[handler.pk])
    assert client.get(url).status_code == 403
    client.post(url, {"password1": "Taken-over-2026!", "password2": "Taken-over-2026!"})
    handler.refresh_from_db()
    assert not handler.check_password("Taken-over-2026!")


def test_an_administrator_cannot_give_themselves_a_desk_role(admins, client_for):
    beheer = admins[0]
    client = client_for(beheer)
    data = change_form_data(client, beheer, role=Role.CCI_COORDINATOR, last_name="Smit")
    response = client.post(reverse("admin:accounts_user_change", args=[beheer.pk]), data)
    assert response.status_code in (302, 403), "the form was accepted or refused, not sent back with errors"
    beheer.refresh_from_db()
    assert beheer.role == Role.ADMINISTRATOR
    assert client.get(reverse("cases:inbox")).status_code == 403


def test_a_desk_role_needs_a_second_administrator_and_both_are_on_the_record(admins, staff_factory, client_for):
    beheer, beheer2 = admins
    manager = staff_factory(Role.MANAGER, "jan")
    first = client_for(beheer)
    first.post(reverse("admin:accounts_user_change", args=[manager.pk]), change_form_data(first, manager, role=Role.CCI_HANDLER))
    manager.refresh_from_db()
    assert manager.role == Role.MANAGER, "not yet: waiting for the second administrator"
    change = StaffChangeRequest.objects.get(user=manager, outcome="pending")
    changelist = reverse("admin:accounts_staffchangerequest_changelist")
    first.post(changelist, {"action": "confirm", "_selected_action": [change.pk]})
    manager.refresh_from_db()
    assert manager.role == Role.MANAGER, "the one who asked cannot confirm"
    client_for(beheer2).post(changelist, {"action": "confirm", "_selected_action": [change.pk]})
    manager.refresh_from_db()
    assert manager.role == Role.CCI_HANDLER
    events = AuditEvent.objects.filter(target_id=str(manager.pk)).values_list("action", "actor_id")
    assert ("account.change_requested", beheer.pk) in events
    assert ("account.change_confirmed", beheer2.pk) in events


def test_every_change_to_a_user_or_device_is_audited_under_the_real_actor(admins, staff_factory, client_for):
    beheer = admins[0]
    handler = staff_factory(Role.CCI_HANDLER, "cci")
    client = client_for(beheer)
    client.post(reverse("admin:accounts_user_change", args=[handler.pk]),
                change_form_data(client, handler, is_active=False, last_name="Jansen"))
    handler.refresh_from_db()
    assert not handler.is_active and handler.last_name == "Jansen"
    event = AuditEvent.objects.get(action="account.changed", target_id=str(handler.pk))
    assert event.actor_id == beheer.pk and event.detail["is_active"] == "False" and event.detail["last_name"] == "Jansen"
    device = TOTPDevice.objects.get(user=handler)
    client.post(reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"})
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert AuditEvent.objects.get(action="account.device_deleted", target_id=str(handler.pk)).actor_id == beheer.pk


def test_a_new_account_made_in_the_admin_waits_for_a_second_administrator(admins, client_for):
    beheer, beheer2 = admins
    client_for(beheer).post(reverse("admin:accounts_user_add"), {
        "username": "nieuw", "email": "nieuw@example.org", "role": Role.COUNSELLOR, "preferred_language": "nl",
    })
    user = User.objects.get(username="nieuw")
    assert not user.is_active and not user.has_usable_password()
    change = StaffChangeRequest.objects.get(user=user, field="activate")
    client_for(beheer2).post(reverse("admin:accounts_staffchangerequest_changelist"), {"action": "confirm", "_selected_action": [change.pk]})
    user.refresh_from_db()
    assert user.is_active
    assert AuditEvent.objects.filter(action="account.invitation_issued", target_id=str(user.pk), actor=beheer2).exists()


def test_the_admin_shows_no_sealed_model():
    for model in admin.site._registry:
        assert not issubclass(model, (SealedRecord, SealedChild)), model
