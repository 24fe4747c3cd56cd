"""When trust breaks: anyone reports, anonymously through the ordinary form and receipt-code mailbox, that
a counsellor broke confidentiality or acted wrongly. It reaches the counsellor coordinator only, never the
counsellor concerned nor a desk; the coordinator handles it on the record with its own deadlines; the
counsellor figures count complaints with small counts shown as "fewer than 5"."""

import datetime
import uuid

import pytest
from django.apps import apps
from django.core import mail
from django.test import Client
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import Category, MailboxMessage, Report
from meldpunt.intake.services import ReportDetails, report_submit
from tests.meldpunt.test_reporting_journey import receipt_code_from
from vertrouwenspersonen import selectors, services
from vertrouwenspersonen.complaint_category import CODE, add_category
from vertrouwenspersonen.models import ComplaintNote, CounsellorComplaint


@pytest.fixture
def conduct(db):
    add_category(apps)
    return Category.objects.get(code=CODE)


def file_complaint(conduct, post, narrative="The counsellor told my manager what I said.", **extra):
    details = ReportDetails(category=conduct, post=post, narrative=narrative, **extra)
    return report_submit(details=details, channel="central", language="fr", submission_token=uuid.uuid4().hex).report


def test_an_anonymous_reporter_complains_and_only_the_coordinator_sees_it(
    conduct, post, profile, coordinator, counsellor_user, client_for, staff_factory, django_capture_on_commit_callbacks
):
    cci = staff_factory("cci_handler")
    reporter = Client(HTTP_ACCEPT_LANGUAGE="fr")
    # The category is offered on the ordinary report form, in the reporter's language.
    form = reporter.get(reverse("intake:report")).content.decode()
    assert "Une personne de confiance a rompu la confidentialité ou a mal agi" in form
    with django_capture_on_commit_callbacks(execute=True):
        response = reporter.post(reverse("intake:report"), {
            "category": conduct.pk, "post": post.pk, "identity": "anonymous", "submission_token": uuid.uuid4().hex,
            "narrative": "La personne de confiance a raconté mon histoire à mon chef.",
        }, follow=True)
    code = receipt_code_from(response)
    report = Report.objects.get()
    assert report.desk == "counsellors" and report.is_anonymous
    complaint = CounsellorComplaint.objects.get(report=report)
    assert complaint.acknowledge_due == complaint.received_on + datetime.timedelta(days=7)
    assert complaint.conclude_due == complaint.received_on + datetime.timedelta(days=56)
    # Only the coordinator is told, without content; no desk, no counsellor.
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert "raconté" not in mail.outbox[0].body and f"/staff/counsellors/complaints/{complaint.pk}/" in mail.outbox[0].body

    # Not the CCI, not the counsellor concerned: it does not exist for them.
    assert report.reference not in client_for(cci).get(reverse("cases:inbox")).content.decode()
    assert client_for(counsellor_user).get(reverse("counsellors:complaint", args=[complaint.pk])).status_code in (302, 403, 404)
    assert not selectors.complaints_visible_to(counsellor_user).exists()

    # The coordinator reads it (on the record), names the counsellor, acknowledges and writes to the reporter.
    coordinator_client = client_for(coordinator)
    worklist = coordinator_client.get(reverse("counsellors:complaints"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert report.reference in worklist
    page = coordinator_client.get(reverse("counsellors:complaint", args=[complaint.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "a raconté mon histoire" in page.content.decode()
    assert AuditEvent.objects.filter(action="complaint.read", actor=coordinator).exists()
    response = coordinator_client.post(reverse("counsellors:complaint", args=[complaint.pk]), {
        "counsellor": profile.pk, "acknowledge": "on", "note": "Spoke with the reporter's manager.",
        "message": "Nous avons bien reçu votre signalement et l'examinons.",
    }, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == "in_progress" and complaint.counsellor == profile and complaint.acknowledged_at
    assert ComplaintNote.objects.get().unseal("text") == "Spoke with the reporter's manager."
    assert b"Spoke with" not in bytes(ComplaintNote.objects.get().text_sealed)  # sealed at rest

    # Named now, the counsellor still never sees it.
    assert not selectors.complaints_visible_to(counsellor_user).exists()

    # The reporter reads the reply in the same mailbox, with the same code.
    mailbox = reporter.post(reverse("intake:mailbox-sign-in"), {"code": code}, follow=True).content.decode()
    assert "Nous avons bien reçu votre signalement" in mailbox

    # Concluding needs a message to the reporter; then it is closed for them too.
    response = coordinator_client.post(reverse("counsellors:complaint", args=[complaint.pk]), {"outcome": "upheld"},
                                       HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "Tell the reporter what came of it" in response.content.decode()
    coordinator_client.post(reverse("counsellors:complaint", args=[complaint.pk]), {
        "outcome": "upheld", "message": "Votre plainte est fondée; des mesures ont été prises.",
    })
    complaint.refresh_from_db()
    report.refresh_from_db()
    assert complaint.status == "concluded" and complaint.outcome == "upheld" and report.status == "closed"
    assert MailboxMessage.objects.filter(report=report).count() == 2


def test_reports_in_other_categories_stay_with_their_desk(category, post, conduct):
    details = ReportDetails(category=category, post=post, narrative="Racist jokes.")
    report = report_submit(details=details, channel="central", language="en", submission_token="t1").report
    assert report.desk == "cci" and not CounsellorComplaint.objects.exists()


def test_the_worklist_flags_overdue_steps(conduct, post, coordinator, client_for):
    complaint = CounsellorComplaint.objects.get(report=file_complaint(conduct, post))
    CounsellorComplaint.objects.filter(pk=complaint.pk).update(
        acknowledge_due=complaint.received_on - datetime.timedelta(days=1)
    )
    html = client_for(coordinator).get(reverse("counsellors:complaints"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "overdue" in html


def test_the_figures_count_complaints_and_show_small_counts_as_fewer_than_five(conduct, post, coordinator, client_for):
    for number in range(3):
        file_complaint(conduct, post, narrative=f"Complaint {number}")
    figures = selectors.complaint_figures()
    received = dict(figures.rows)[next(label for label, _cells in figures.rows if "received" in str(label))]
    assert received[-1].suppressed
    html = client_for(coordinator).get(reverse("counsellors:figures"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Complaints about counsellors" in html and "fewer than 5" in html
    for number in range(3, 6):
        file_complaint(conduct, post, narrative=f"Complaint {number}")
    received = selectors.complaint_figures().rows[0][1]
    assert received[-1].value == 6


def test_nothing_to_record_is_explained(conduct, post, coordinator, client_for):
    complaint = CounsellorComplaint.objects.get(report=file_complaint(conduct, post))
    response = client_for(coordinator).post(reverse("counsellors:complaint", args=[complaint.pk]), {},
                                            HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "Nothing to record" in response.content.decode()


def test_only_the_coordinator_handles_a_complaint(conduct, post, counsellor_user, staff_factory):
    from django.core.exceptions import PermissionDenied

    complaint = CounsellorComplaint.objects.get(report=file_complaint(conduct, post))
    for actor in (counsellor_user, staff_factory("cci_coordinator")):
        with pytest.raises(PermissionDenied):
            services.complaint_update(actor=actor, complaint=complaint, note="x")
        with pytest.raises(PermissionDenied):
            services.complaint_read(actor=actor, complaint=complaint)
