"""A report moves between desks only with the reporter's consent (issue 15 point 7): the desk proposes
(to whom, why), the reporter answers in the mailbox in their language, and only an acceptance moves
the report with its case and its evidence, on the record."""

import pytest
from django.test import Client
from django.urls import reverse

from cases import moves, services
from cases.models import Case
from meldpunt.accounts.models import Role
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import ForwardingConsent, Report
from meldpunt.vault.models import EvidenceFile
from tests.conftest import open_mailbox

pytestmark = pytest.mark.django_db

REASONS = "Uw melding gaat over pesten door uw teamleider: daarvoor is de klachtencommissie er. Mag uw melding daarheen?"


@pytest.fixture
def cci_report_in_a_case(report_factory, team, client_for):
    report = report_factory(narrative="Mijn teamleider pest mij al maanden.", reporter_name="Noor", reporter_contact="noor@example.org",
                            is_anonymous=False, language="fr").report
    case = services.case_open(report=report, actor=team["coordinator"])
    services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    return report, case


def answer(reporter, consent, value):
    return reporter.post(reverse("intake:mailbox-forwarding-consent", args=[consent.pk]), {"answer": value})


def test_a_declined_proposal_leaves_the_report_where_it_is_and_an_accepted_one_moves_it_with_its_case(
    cci_report_in_a_case, team, staff_factory, client_for,
):
    report, case = cci_report_in_a_case
    handler = client_for(team["handler"])
    secretary = client_for(staff_factory(Role.COMPLAINTS_SECRETARY, "lotte"))
    evidence_before = EvidenceFile.objects.filter(report=report).count()

    # The handler proposes a move to the complaints committee, with reasons.
    handler.post(reverse("cases:report-move", args=[report.pk]), {"to_desk": "complaints", "reasons": REASONS})
    consent = ForwardingConsent.objects.get()
    assert (consent.from_desk, consent.to_desk, consent.moves_on_acceptance) == ("cci", "complaints", True)
    assert Report.objects.get(pk=report.pk).desk == "cci", "nothing moves before the reporter answers"

    # The reporter reads the proposal in French, with the desk's reasons, and declines.
    reporter = open_mailbox(Client(HTTP_ACCEPT_LANGUAGE="fr"), report)
    mailbox = reporter.get(reverse("intake:mailbox")).content.decode()
    assert REASONS in mailbox and 'id="consent-heading"' in mailbox and 'lang="fr"' in mailbox
    answer(reporter, consent, "refused")
    report.refresh_from_db()
    assert report.desk == "cci" and report.moved_from_desk == "" and report.reporter_name_sealed
    assert handler.get(reverse("cases:report-detail", args=[report.pk])).status_code == 200
    assert report.reference not in secretary.get(reverse("cases:inbox")).content.decode()

    # Asked again, the reporter accepts without their name: the report moves, and its case with it.
    handler.post(reverse("cases:report-move", args=[report.pk]), {"to_desk": "complaints", "reasons": REASONS + " (2)"})
    second = ForwardingConsent.objects.get(answer="pending")
    answer(reporter, second, "without_identity")
    report.refresh_from_db()
    case.refresh_from_db()
    assert (report.desk, report.moved_from_desk, report.status) == ("complaints", "cci", "forwarded")
    assert report.unseal("reporter_name") == "" and report.is_anonymous
    assert (case.desk, case.handler) == ("complaints", None)
    assert EvidenceFile.objects.filter(report=report).count() == evidence_before

    # The old desk sees nothing of it any more; the committee has the report and its case.
    assert handler.get(reverse("cases:report-detail", args=[report.pk])).status_code == 404
    assert handler.get(reverse("cases:case-detail", args=[case.pk])).status_code == 404
    assert report.reference not in client_for(team["coordinator"]).get(reverse("cases:inbox")).content.decode()
    assert report.reference in secretary.get(reverse("cases:inbox")).content.decode()
    assert secretary.get(reverse("cases:report-detail", args=[report.pk])).status_code == 200
    assert secretary.get(reverse("cases:case-detail", args=[case.pk])).status_code == 200

    # On the record, and in the reporter's status, in their language.
    moved = AuditEvent.objects.get(action="report.moved")
    assert (moved.actor_label, moved.detail["from_desk"], moved.detail["to_desk"]) == ("reporter", "cci", "complaints")
    assert AuditEvent.objects.filter(action="case.moved").count() == 1
    mailbox = open_mailbox(Client(HTTP_ACCEPT_LANGUAGE="en"), report).get(reverse("intake:mailbox")).content.decode()
    assert "Passed on with your consent" in mailbox
    assert "With your consent, your report was moved to another desk: Complaints committee." in mailbox


def test_a_proposal_needs_reasons_another_desk_and_the_desk_that_has_the_report(cci_report_in_a_case, team, staff_factory, client_for):
    report, _case = cci_report_in_a_case
    handler = client_for(team["handler"])
    response = handler.post(reverse("cases:report-move", args=[report.pk]), {"to_desk": "complaints", "reasons": ""})
    assert response.status_code == 400 and "reasons" in response.context["move_form"].errors
    response = handler.post(reverse("cases:report-move", args=[report.pk]), {"to_desk": "cci", "reasons": "Blijft hier."})
    assert response.status_code == 400 and "Blijft hier." in response.content.decode(), "the form keeps what was typed"
    chair = staff_factory(Role.COMPLAINTS_CHAIR, "hans")
    assert client_for(chair).post(reverse("cases:report-move", args=[report.pk]), {"to_desk": "complaints", "reasons": "x"}).status_code == 404
    with pytest.raises(services.ActionRefused):
        moves.report_move_propose(report=report, actor=chair, to_desk="complaints", reasons="Wij nemen het over.")
    assert not ForwardingConsent.objects.exists()


def test_one_question_at_a_time_and_an_answer_counts_once(cci_report_in_a_case, team):
    report, case = cci_report_in_a_case
    consent = moves.report_move_propose(report=report, actor=team["handler"], to_desk="external", reasons=REASONS)
    with pytest.raises(services.ActionRefused):
        moves.report_move_propose(report=report, actor=team["handler"], to_desk="complaints", reasons=REASONS)
    reporter = open_mailbox(Client(), report)
    answer(reporter, consent, "with_identity")
    answer(reporter, consent, "refused")  # a second click: the first answer stands
    report.refresh_from_db()
    assert (report.desk, report.channel, report.moved_from_desk) == ("external", "central", "cci")
    assert report.unseal("reporter_name") == "Noor", "with consent to their identity, the name goes along"
    assert Case.objects.get(pk=case.pk).desk == "external"
    assert AuditEvent.objects.filter(action="report.moved").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_report_and_consent_as_it_was(migrated_data, report_factory, team):
    """Back to the schema before the complaints desk (intake 0014), with an external report and a consent
    question of the external desk; forward again: the report is where it was, never moved, and the
    consent reads as what it always was, a question to pass the report from the external point to the CCI."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.utils import timezone

    external = report_factory(narrative="Bij het externe meldpunt.", channel="external").report
    central = report_factory(narrative="Bij de CCI.").report
    executor = MigrationExecutor(connection)
    executor.migrate([("intake", "0014_merge_20261201_1736")])
    old = MigrationExecutor(connection).loader.project_state([("intake", "0014_merge_20261201_1736")]).apps
    OldConsent = old.get_model("intake", "ForwardingConsent")
    OldConsent.objects.create(report_id=external.pk, requested_at=timezone.now(), requested_by_id=team["external_coordinator"].pk,
                              answer="without_identity", answered_at=timezone.now())

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    consent = ForwardingConsent.objects.get()
    assert (consent.from_desk, consent.to_desk, consent.moves_on_acceptance, consent.answer) == ("external", "cci", False, "without_identity")
    assert sorted(Report.objects.values_list("reference", "desk", "channel", "moved_from_desk")) == sorted([
        (external.reference, "external", "external", ""), (central.reference, "cci", "central", ""),
    ])
    assert Report.objects.get(pk=external.pk).unseal("narrative") == "Bij het externe meldpunt."
