"""Meetings and minutes (EU Directive 2019/1937 art. 18): the reporter asks, the handler records the
minutes, the reporter reads them and accepts or asks for a correction; every version is kept."""

from django.core import mail
from django.utils import timezone

from cases import services
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import Meeting, Minutes

from .conftest import reporter_client


def test_meeting_request_minutes_correction_and_acceptance(report_factory, team, client_for, django_capture_on_commit_callbacks):
    report = report_factory(language="ru", narrative="Руководитель кричит на сотрудников.").report
    case = services.case_open(report=report, actor=team["coordinator"])
    services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    reporter = reporter_client(report)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = reporter.post("/mailbox/meeting/", {"note": "Лучше по видео, после 17:00."})
    assert response.status_code == 302
    meeting = Meeting.objects.get(report=report)
    assert meeting.requested_at and meeting.held_on is None
    assert [m.to for m in mail.outbox] == [[team["handler"].email]]  # the handler is told, without content
    assert "видео" not in mail.outbox[0].body
    # Asking again while the first request is open changes nothing.
    reporter.post("/mailbox/meeting/", {"note": "Again"})
    assert Meeting.objects.filter(report=report).count() == 1

    desk = client_for(team["handler"])
    page = desk.get(f"/staff/desk/reports/{report.pk}/").content.decode()
    assert "Лучше по видео" in page
    url = f"/staff/desk/reports/{report.pk}/minutes/"
    form = desk.get(f"{url}?meeting={meeting.pk}").context["form"]
    first = "We met by video. The reporter described three incidents in March."
    response = desk.post(url, {"meeting": meeting.pk, "held_on": timezone.localdate().isoformat(), "body": first,
                               "form_token": form.initial["form_token"]})
    assert response.status_code == 302
    mailbox = reporter.get("/mailbox/").content.decode()
    assert first in mailbox and "I accept these minutes" in mailbox
    assert "Протокол нашей встречи готов" in mailbox  # the standard notice, in the reporter's language
    v1 = Minutes.objects.get(meeting=meeting, version=1)

    response = reporter.post(f"/mailbox/minutes/{v1.pk}/", {"answer": "correct", "correction": ""})
    assert response.status_code == 400  # a correction needs its text
    response = reporter.post(f"/mailbox/minutes/{v1.pk}/", {"answer": "correct", "correction": "Было четыре случая, не три."})
    assert response.status_code == 302
    assert Minutes.objects.get(pk=v1.pk).answer == "correction"

    form = desk.get(f"{url}?meeting={meeting.pk}").context["form"]
    assert form.initial["body"] == first  # the handler corrects the earlier text
    second = first.replace("three", "four")
    desk.post(url, {"meeting": meeting.pk, "held_on": timezone.localdate().isoformat(), "body": second,
                    "form_token": form.initial["form_token"]})
    v2 = Minutes.objects.get(meeting=meeting, version=2)
    assert reporter.post(f"/mailbox/minutes/{v1.pk}/", {"answer": "accept"}).status_code == 302
    assert Minutes.objects.get(pk=v1.pk).answer == "correction"  # an earlier version cannot be answered again
    assert reporter.post(f"/mailbox/minutes/{v2.pk}/", {"answer": "accept"}).status_code == 302
    assert Minutes.objects.get(pk=v2.pk).answer == "accepted"

    mailbox = reporter.get("/mailbox/").content.decode()
    assert second in mailbox and first in mailbox  # both versions kept and shown
    assert "I accept these minutes" not in mailbox
    assert b"four" not in bytes(v2.body_sealed)
    # Accepted minutes are final.
    form = desk.get(f"{url}?meeting={meeting.pk}").context["form"]
    response = desk.post(url, {"meeting": meeting.pk, "held_on": timezone.localdate().isoformat(), "body": "Changed.",
                               "form_token": form.initial["form_token"]})
    assert response.status_code == 400 and Minutes.objects.filter(meeting=meeting).count() == 2
    actions = list(AuditEvent.objects.filter(target_id=str(report.pk)).values_list("action", flat=True))
    for action in ("meeting.requested", "minutes.recorded", "minutes.correction_requested", "minutes.accepted"):
        assert action in actions


def test_minutes_of_a_meeting_without_a_request(report_factory, team, client_for):
    report = report_factory().report
    desk = client_for(team["handler"])
    url = f"/staff/desk/reports/{report.pk}/minutes/"
    form = desk.get(url).context["form"]
    data = {"held_on": timezone.localdate().isoformat(), "body": "Phone call.", "form_token": form.initial["form_token"]}
    assert desk.post(url, data).status_code == 302
    assert desk.post(url, data).status_code == 302  # a double click records one meeting
    assert Meeting.objects.filter(report=report).count() == 1
    response = desk.post(url, {**data, "form_token": "c" * 32, "held_on": "2999-01-01"})
    assert response.status_code == 400 and "Phone call." in response.content.decode()


def test_a_reporter_cannot_answer_another_reports_minutes(report_factory, team):
    mine = report_factory().report
    theirs = report_factory().report
    minutes = services.meeting_minutes_record(report=theirs, actor=team["handler"], held_on=timezone.localdate(), body="Theirs.")
    response = reporter_client(mine).post(f"/mailbox/minutes/{minutes.pk}/", {"answer": "accept"})
    assert response.status_code == 404
    assert Minutes.objects.get(pk=minutes.pk).answer == "pending"
