"""Who the channels tell, and whose draft a manager may write to: the CCI's working staff only, and a
manager's own drafts only."""

import uuid

from django.utils import timezone

from meldpunt.accounts.models import Role
from meldpunt.channels import selectors
from meldpunt.channels.models import ManagerDraft


def test_only_the_cci_staff_still_at_work_with_an_address_hear_of_a_new_advice_request(staff_factory):
    handler = staff_factory(Role.CCI_HANDLER, "sanne")
    coordinator = staff_factory(Role.CCI_COORDINATOR, "marieke")
    left = staff_factory(Role.CCI_HANDLER, "gone")
    left.is_active = False
    left.save()
    no_address = staff_factory(Role.CCI_HANDLER, "noaddress")
    no_address.email = ""
    no_address.save()
    staff_factory(Role.EXTERNAL_HANDLER, "peter")
    staff_factory(Role.MANAGER, "chef")
    assert sorted(selectors.cci_staff_emails()) == sorted([handler.email, coordinator.email])


def test_a_draft_id_that_names_another_managers_draft_is_held_by_someone_else(staff_factory):
    mine, theirs = staff_factory(Role.MANAGER, "chef"), staff_factory(Role.MANAGER, "other-chef")
    now = timezone.now()
    draft = ManagerDraft.objects.create(manager=theirs, created_at=now, updated_at=now)
    assert selectors.draft_id_held_by_someone_else(mine, draft.pk)
    assert not selectors.draft_id_held_by_someone_else(theirs, draft.pk)
    assert not selectors.draft_id_held_by_someone_else(mine, uuid.uuid4())  # a new draft's id: free
