"""One record: every channel ends in the same kind of Report with its channel and desk, so figures
per channel are exact."""

import uuid

import pytest
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from meldpunt.channels import services
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Channel, Report

pytestmark = pytest.mark.django_db


def test_each_channel_produces_a_report_with_its_channel_and_desk(category, post, staff_factory, client_for):
    form = {"category": category.pk, "post": post.pk, "narrative": "Iets wat niet deugt.", "identity": "anonymous"}
    # Central point: the public form.
    Client().post(reverse("intake:report"), {**form, "submission_token": uuid.uuid4().hex})
    # External point: the same form at its own address.
    Client().post(reverse("intake:report-external"), {**form, "submission_token": uuid.uuid4().hex})
    # Manager: a draft forwarded.
    manager = staff_factory("manager")
    draft = services.manager_draft_save(
        manager=manager, draft_id=uuid.uuid4(),
        data=services.DraftInput(category=category, post=post, narrative="Een medewerker meldde iets."),
    )
    services.manager_draft_forward(manager=manager, draft_id=draft.pk, language="nl")
    # Manager: an advice request turned into a report by the CCI.
    advice = services.advice_request_ask(
        manager=manager, request_id=uuid.uuid4(), category=category, post=post, question="Wat nu?", language="nl"
    )
    services.advice_request_convert(user=staff_factory("cci_handler"), advice_id=advice.pk)
    # Counsellor: forwarding at the person's request (the counsellors' own pages call the same service).
    intake_services.report_submit(
        details=intake_services.ReportDetails(category=category, post=post, narrative="Op verzoek doorgestuurd."),
        channel=Channel.COUNSELLOR, language="nl", submission_token=uuid.uuid4().hex,
        recorded_by=staff_factory("counsellor"),
    )

    figures = {(row["channel"], row["desk"]): row["n"] for row in Report.objects.values("channel", "desk").annotate(n=Count("id"))}
    assert figures == {
        ("central", "cci"): 1,
        ("external", "external"): 1,
        ("manager", "cci"): 2,
        ("counsellor", "cci"): 1,
    }
    assert set(Report.objects.filter(channel="manager").values_list("recorded_by", flat=True)) == {manager.pk}


def test_the_database_refuses_a_non_external_report_at_the_external_desk(category, post):
    from django.db import IntegrityError

    report = intake_services.report_submit(
        details=intake_services.ReportDetails(category=category, post=post, narrative="x"),
        channel=Channel.MANAGER, language="nl", submission_token=uuid.uuid4().hex,
    ).report
    with pytest.raises(IntegrityError):
        Report.objects.filter(pk=report.pk).update(desk="external")
