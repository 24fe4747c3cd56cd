"""The desk's new-report notice travels through Redis to a worker, as in production."""

import pytest
from django.core import mail

from tests.conftest import file_report, make_staff

from .conftest import wait_for

pytestmark = [pytest.mark.broker]


def test_a_new_report_reaches_the_desk_through_the_broker(real_worker, category, post):
    make_staff("cci_handler")
    file_report(category=category, post=post)
    assert wait_for(lambda: len(mail.outbox) == 1), "the worker did not deliver the notice"
    assert "inbox" in mail.outbox[0].subject.lower() or mail.outbox[0].subject
