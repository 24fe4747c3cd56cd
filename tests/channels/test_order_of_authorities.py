"""The channel guide lists the authorities outside the ministry in the order the administrators gave them
(their position), alphabetically by code where two share a place."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.channels.models import ExternalAuthority

pytestmark = pytest.mark.django_db


def test_the_guide_lists_the_authorities_in_the_order_the_administrators_gave_them():
    # Added in an order that is neither their place nor their code's.
    for code, position in (("zeeland-ombudsman", 1), ("ombudsman-b", 2), ("ombudsman-a", 2)):
        ExternalAuthority.objects.create(code=code, position=position, website=f"https://{code}.example.org")
    ExternalAuthority.objects.create(code="aa-withdrawn", position=0, website="https://aa-withdrawn.example.org", published=False)

    page = Client(HTTP_ACCEPT_LANGUAGE="en").get(reverse("channels:guide")).content.decode()
    shown = re.findall(r'<a href="https://([a-z-]+)\.example\.org"', page)
    assert shown == ["zeeland-ombudsman", "ombudsman-a", "ombudsman-b"]
