"""A manager records a report a staff member brought, saves it as a draft, forwards it to the CCI,
hands over the receipt code, and afterwards sees only the status."""

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.channels.models import ManagerDraft
from meldpunt.intake.models import Report

pytestmark = pytest.mark.django_db

CODE_PATTERN = re.compile(r"(\d{4} ){5}\d{4}")
NARRATIVE = "Mijn collega vertelde dat het afdelingshoofd haar uitscheldt om haar afkomst."


@pytest.fixture
def manager(staff_factory, post):
    return staff_factory("manager", username="karim", post=post)


def draft_data(category_, post_, **overrides):
    data = {
        "category": category_.pk,
        "narrative": NARRATIVE,
        "occurred_when": "Vorige week, twee keer",
        "post": post_.pk,
        "involved": "Het afdelingshoofd",
        "witnesses": "Een stagiair",
        "identity": "anonymous",
        "reporter_name": "",
        "reporter_contact": "",
        "slip_language": "fr",
        "action": "save",
    }
    data.update(overrides)
    return data


def new_draft_url(client) -> str:
    response = client.get(reverse("manager:draft-new"))
    assert response.status_code == 200
    return reverse("manager:draft", kwargs={"draft_id": response.context["draft_id"]})


def test_a_manager_saves_a_draft_forwards_it_and_then_sees_only_its_status(
    manager, category, post, client_for, staff_factory
):
    desk_manager = client_for(manager)
    url = new_draft_url(desk_manager)

    # First save: only part of it typed. Nothing is lost, nothing is forwarded.
    response = desk_manager.post(url, {"narrative": NARRATIVE, "identity": "anonymous", "slip_language": "fr", "action": "save"})
    assert response.status_code == 302
    draft = ManagerDraft.objects.get()
    assert draft.manager == manager and not draft.is_forwarded
    assert draft.unseal("narrative") == NARRATIVE
    assert draft.created_at and draft.updated_at, "reminders find unforwarded drafts by these"
    home = desk_manager.get(reverse("manager:home")).content.decode()
    assert "Not forwarded yet" in home and reverse("manager:draft", args=[draft.pk]) in home
    assert Report.objects.count() == 0

    # Coming back later, the text is there; the read is on the record.
    page = desk_manager.get(url).content.decode()
    assert NARRATIVE in page
    assert AuditEvent.objects.filter(action="manager_draft.read", target_id=str(draft.pk)).exists()

    # Forward: the report goes to the CCI, always.
    response = desk_manager.post(url, draft_data(category, post, action="forward"))
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("manager:receipt", args=[report.pk])
    assert (report.channel, report.desk, report.recorded_by, report.is_anonymous) == ("manager", "cci", manager, True)
    assert report.unseal("narrative") == NARRATIVE and report.unseal("involved") == "Het afdelingshoofd"

    # No second copy of the text stays with the draft.
    draft.refresh_from_db()
    assert draft.is_forwarded and draft.report == report
    assert draft.wrapped_key == ""
    assert all(bytes(getattr(draft, f"{field}_sealed")) == b"" for field in ManagerDraft.SEALED_FIELDS)

    # The receipt code is on a slip in the staff member's language, through a reload (a failed print),
    # until the manager confirms the hand-over; then it is gone for good.
    receipt = desk_manager.get(response["Location"])
    code = CODE_PATTERN.search(receipt.content.decode()).group(0)
    assert 'lang="fr"' in receipt.content.decode()
    assert code in desk_manager.get(response["Location"]).content.decode()
    desk_manager.post(response["Location"])
    assert not CODE_PATTERN.search(desk_manager.get(response["Location"]).content.decode())

    # The CCI has it in its inbox and replies to the staff member.
    handler = client_for(staff_factory("cci_handler"))
    assert report.reference in handler.get(reverse("cases:inbox")).content.decode()
    handler.post(reverse("cases:report-detail", args=[report.pk]), {"body": "Wij nemen contact op via deze mailbox."})

    # The staff member follows it up with the code.
    staff_member = Client()
    mailbox = staff_member.post(reverse("intake:mailbox-sign-in"), {"code": code}, follow=True).content.decode()
    assert "Wij nemen contact op via deze mailbox." in mailbox

    # The manager sees the status, not the text, not the CCI's messages.
    for page in (reverse("manager:home"), reverse("manager:report", args=[report.pk])):
        content = desk_manager.get(page).content.decode()
        assert report.reference in content and report.get_status_display() in content
        assert NARRATIVE not in content and "Wij nemen contact op" not in content
    # The forwarded draft's address now leads to the status.
    assert desk_manager.get(url)["Location"] == reverse("manager:report", args=[report.pk])


def test_the_staff_members_choice_decides_whether_the_cci_gets_their_name(manager, category, post, client_for):
    desk_manager = client_for(manager)
    anonymous_url, named_url = new_draft_url(desk_manager), new_draft_url(desk_manager)
    typed_anyway = {"reporter_name": "Samira B.", "reporter_contact": "samira@example.org"}
    desk_manager.post(anonymous_url, draft_data(category, post, identity="anonymous", action="forward", **typed_anyway))
    desk_manager.post(named_url, draft_data(category, post, identity="named", action="forward", **typed_anyway))
    anonymous, named = Report.objects.order_by("reference")
    assert anonymous.is_anonymous and anonymous.unseal("reporter_name") == ""
    assert not named.is_anonymous and named.unseal("reporter_name") == "Samira B."
    assert named.unseal("reporter_contact") == "samira@example.org"


def test_a_name_typed_before_the_choice_is_settled_is_kept_in_the_draft_only(manager, category, post, client_for):
    desk_manager = client_for(manager)
    url = new_draft_url(desk_manager)
    desk_manager.post(url, draft_data(category, post, identity="anonymous", reporter_name="Samira B."))
    assert 'value="Samira B."' in desk_manager.get(url).content.decode()
    desk_manager.post(url, draft_data(category, post, identity="anonymous", reporter_name="Samira B.", action="forward"))
    assert Report.objects.get().unseal("reporter_name") == ""


def test_forwarding_an_incomplete_draft_saves_it_and_says_what_is_missing(manager, client_for):
    desk_manager = client_for(manager)
    url = new_draft_url(desk_manager)
    response = desk_manager.post(url, {"narrative": NARRATIVE, "involved": "De chef", "identity": "named",
                                       "slip_language": "nl", "action": "forward"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"category", "post", "reporter_name"}
    assert "Saved as a draft, but not forwarded yet." in response.content.decode()
    assert "De chef" in response.content.decode()
    draft = ManagerDraft.objects.get()
    assert draft.unseal("narrative") == NARRATIVE and not draft.is_forwarded
    assert Report.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"narrative": "x" * 20_001}, "narrative"),
        ({"category": "not-a-number"}, "category"),
        ({"post": "999999"}, "post"),
        ({"identity": "sideways"}, "identity"),
        ({"slip_language": "klingon"}, "slip_language"),
        ({"occurred_when": "y" * 201}, "occurred_when"),
    ],
)
def test_bad_input_keeps_what_was_typed_and_the_last_saved_draft(manager, category, post, client_for, overrides, field):
    desk_manager = client_for(manager)
    url = new_draft_url(desk_manager)
    desk_manager.post(url, draft_data(category, post))
    response = desk_manager.post(url, draft_data(category, post, involved="Nieuw getypt", action="forward", **overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert "Nieuw getypt" in response.content.decode()
    draft = ManagerDraft.objects.get()
    assert draft.unseal("involved") == "Het afdelingshoofd", "the last good save is kept"
    assert Report.objects.count() == 0


def test_an_empty_draft_can_be_saved(manager, client_for):
    desk_manager = client_for(manager)
    url = new_draft_url(desk_manager)
    assert desk_manager.post(url, {"identity": "anonymous", "slip_language": "nl", "action": "save"}).status_code == 302
    assert ManagerDraft.objects.count() == 1


def test_double_submits_keep_one_draft_and_one_report(manager, category, post, client_for):
    desk_manager = client_for(manager)
    url = new_draft_url(desk_manager)
    desk_manager.post(url, draft_data(category, post))
    desk_manager.post(url, draft_data(category, post))
    assert ManagerDraft.objects.count() == 1
    desk_manager.post(url, draft_data(category, post, action="forward"))
    response = desk_manager.post(url, draft_data(category, post, action="forward"), follow=True)
    assert Report.objects.count() == 1
    assert CODE_PATTERN.search(response.content.decode()), "the code is shown on the page the manager ends on"


def test_changes_to_a_forwarded_draft_are_not_lost_silently(manager, category, post, client_for):
    """A second tab still shows the draft after it was forwarded: what is typed there comes back."""
    desk_manager = client_for(manager)
    url = new_draft_url(desk_manager)
    desk_manager.post(url, draft_data(category, post, action="forward"))
    response = desk_manager.post(url, draft_data(category, post, witnesses="Nog een getuige"))
    assert response.status_code == 409
    assert "Nog een getuige" in response.content.decode()
    assert "already forwarded" in response.content.decode()
    assert Report.objects.get().unseal("witnesses") == "Een stagiair"


def test_a_manager_sees_only_their_own_drafts_and_reports(manager, category, post, client_for, staff_factory, report_factory):
    other = staff_factory("manager", username="li")
    other_client, desk_manager = client_for(other), client_for(manager)
    other_url = new_draft_url(other_client)
    other_client.post(other_url, draft_data(category, post, action="forward"))
    other_report = Report.objects.get()
    central = report_factory().report
    home = desk_manager.get(reverse("manager:home")).content.decode()
    assert other_report.reference not in home and central.reference not in home
    assert desk_manager.get(other_url).status_code == 404
    assert desk_manager.post(other_url, draft_data(category, post)).status_code == 404
    assert desk_manager.get(reverse("manager:report", args=[other_report.pk])).status_code == 404
    assert desk_manager.get(reverse("manager:report", args=[central.pk])).status_code == 404


def test_saving_updates_the_time_the_reminders_look_at(manager, category, post, client_for):
    desk_manager = client_for(manager)
    url = new_draft_url(desk_manager)
    desk_manager.post(url, draft_data(category, post))
    first = ManagerDraft.objects.get()
    desk_manager.post(url, draft_data(category, post, witnesses="Twee stagiairs"))
    second = ManagerDraft.objects.get()
    assert second.created_at == first.created_at and second.updated_at >= first.updated_at
    assert second.unseal("witnesses") == "Twee stagiairs"


def test_audit_events_carry_no_content(manager, category, post, client_for):
    desk_manager = client_for(manager)
    url = new_draft_url(desk_manager)
    desk_manager.post(url, draft_data(category, post, action="forward"))
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"manager_draft.created", "manager_draft.forwarded", "report.submitted"} <= actions
    for event in AuditEvent.objects.all():
        assert "afdelingshoofd" not in str(event.detail)


def test_other_roles_cannot_use_the_manager_services(staff_factory, category, post):
    from django.core.exceptions import PermissionDenied

    from meldpunt.channels import services

    handler = staff_factory("cci_handler")
    with pytest.raises(PermissionDenied):
        services.manager_draft_save(manager=handler, draft_id=uuid.uuid4(), data=services.DraftInput(narrative="x"))
