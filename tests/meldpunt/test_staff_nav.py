"""The staff menu is kept rendered per language and role (templates/staff_base.html): each role still sees
its own menu, in its own language, whoever was served before it in the same process."""

import re

import pytest

from meldpunt.accounts.models import Role
from tests.conftest import make_staff, signed_in

pytestmark = pytest.mark.django_db


def menu_of(client) -> list[str]:
    page = client.get("/staff/account/").content.decode()
    menu = re.search(r'<nav class="staff-nav wrap".*?</ul>', page, re.S).group(0)
    return re.findall(r"<a href=\"[^\"]+\">([^<]+)</a>", menu)


def test_each_role_sees_its_own_menu_in_its_own_language():
    handler = signed_in(make_staff(Role.CCI_HANDLER))
    coordinator = signed_in(make_staff(Role.CCI_COORDINATOR))
    translator = signed_in(make_staff(Role.TRANSLATOR))
    counsellor = signed_in(make_staff(Role.COUNSELLOR))
    admin_user = make_staff(Role.CCI_HANDLER)
    admin_user.is_superuser = True
    admin_user.save()
    admin = signed_in(admin_user)

    for _ in range(2):  # the second round is served from the kept menus
        assert menu_of(handler)[:2] == ["Inbox", "My worklist"] and "Cases of the desk" not in menu_of(handler)
        assert "Cases of the desk" in menu_of(coordinator)
        assert menu_of(translator) == ["My translations"]
        assert "My advice sessions" in menu_of(counsellor) and "Inbox" not in menu_of(counsellor)
        assert "Administration" in menu_of(admin) and "Administration" not in menu_of(handler)

    handler.cookies["django_language"] = "nl"
    assert menu_of(handler)[:2] == ["Inbox", "Mijn werklijst"]
