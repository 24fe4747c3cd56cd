"""Need-to-know for the advice point's questions: only active CCI staff see them, whatever other role
reaches the selector; and a question whose key retention has shredded is gone for the desk and for
its asker alike, even while its row is still there."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from meldpunt.accounts.models import Role
from meldpunt.advice import services
from meldpunt.advice.models import AdviceQuestion
from meldpunt.advice.selectors import questions_visible_to

from .test_advice_questions import ask, receipt_code, sign_in

pytestmark = pytest.mark.django_db

CCI_ROLES = (Role.CCI_HANDLER, Role.CCI_COORDINATOR)


def test_only_active_cci_staff_see_the_advice_questions(staff_factory):
    question = services.advice_question_ask(question="Mag ik dit vragen?", contact="", language="nl", submission_token="q1").question
    for role in CCI_ROLES:
        assert list(questions_visible_to(staff_factory(role))) == [question], role
    # The external desk, the complaints committee, managers, counsellors, administrators, translators: none.
    for role in Role:
        if role not in CCI_ROLES:
            assert not questions_visible_to(staff_factory(role)).exists(), role
    assert not questions_visible_to(AnonymousUser()).exists()

    departed = staff_factory(Role.CCI_HANDLER)
    departed.is_active = False  # a handler who has left, with a session still open somewhere
    departed.save()
    assert not questions_visible_to(departed).exists()


def test_a_question_whose_key_is_shredded_is_gone_for_the_desk_and_the_asker(client, staff_factory, client_for):
    ask(client)
    code = receipt_code(client)
    question = AdviceQuestion.objects.get()
    desk = client_for(staff_factory(Role.CCI_HANDLER))
    detail = reverse("cases:advice-question", args=[question.pk])
    assert detail in desk.get(reverse("cases:advice-questions")).content.decode()
    assert sign_in(client, code)["Location"] == reverse("advice:mailbox")
    assert client.get(reverse("advice:mailbox")).status_code == 200

    # Retention shreds the data key first, then deletes the row: from the first step on, nothing reads it.
    AdviceQuestion.objects.filter(pk=question.pk).update(wrapped_key="")
    assert detail not in desk.get(reverse("cases:advice-questions")).content.decode()
    assert desk.get(detail).status_code == 404
    response = client.get(reverse("advice:mailbox"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("intake:mailbox-sign-in"))
