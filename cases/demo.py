"""Demo data for `make run`: a living inbox at both desks, with cases in every state.

Reports are filed through intake's `report_submit` and handled through this app's services, as
people would. Each report is handled only when it is first filed, so running this again changes
nothing. The receipt codes are printed on that first run, to open the reporters' mailboxes.
"""

import uuid
from datetime import timedelta

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from meldpunt.accounts.models import User
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Category, Report
from meldpunt.organisation.models import Post

from . import deadlines, services
from .models import Case, Finding, Instrument, Measure, StandardMessage

# name, channel, language, post, category, days ago, anonymous, narrative
REPORTS = [
    ("paris-new", "central", "fr", "paris", "bullying", 1, True,
     "Depuis mon arrivée à l'ambassade, un collègue me rabaisse en réunion et commente mon accent."),
    ("rabat-overdue", "central", "ar", "rabat", "racism_discrimination", 9, True,
     "يطلق نائب رئيس البعثة نكاتًا عنصرية عن الموظفين المحليين أمام الجميع."),
    ("dbo-triage", "central", "nl", "dbo", "racism_discrimination", 20, False,
     "Mijn teamleider maakt bij herhaling opmerkingen over mijn afkomst, ook in het bijzijn van anderen."),
    ("dbo-same-person", "manager", "en", "dbo", "racism_discrimination", 16, True,
     "The same team leader told a new colleague that 'people like you' do not get promoted here."),
    ("madrid-mediation", "central", "es", "madrid", "undesirable_conduct", 35, False,
     "Mi jefa me grita delante de los visitantes y me asigna tareas imposibles de cumplir."),
    ("maputo-decided", "counsellor", "pt", "maputo", "financial", 80, True,
     "Há despesas de representação pagas duas vezes, com faturas do mesmo restaurante."),
    ("beijing-closed", "central", "zh-hans", "beijing", "information", 120, True,
     "一位同事把签证申请人的个人资料发到了私人邮箱。"),
    ("moscow-external", "external", "ru", "moscow", "misuse_of_position", 12, False,
     "Руководитель отдела поручает контракты фирме своего родственника."),
    ("external-new", "external", "en", "washington", "sexual_harassment", 3, True,
     "A senior diplomat keeps sending me messages of a sexual nature after office hours."),
    # Formal complaints with the complaints committee: its secretary and chair see these, no other desk.
    ("complaint-new", "complaints", "pl", "dbo", "bullying", 2, False,
     "Mój kierownik od miesięcy poniża mnie na każdym zebraniu zespołu i wyklucza mnie z ważnych spotkań."),
    ("complaint-case", "complaints", "nl", "dbo", "sexual_harassment", 15, False,
     "Een collega maakt steeds seksueel getinte opmerkingen over mij en raakt mij ongevraagd aan."),
]


def _token(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"meldpunt-demo-report:{name}").hex


def _file(name, channel, language, post_code, category_code, days_ago, anonymous, narrative):
    details = intake_services.ReportDetails(
        category=Category.objects.get(code=category_code),
        post=Post.objects.get(code=post_code),
        narrative=narrative,
        occurred_when="",
        is_anonymous=anonymous,
        reporter_name="" if anonymous else "Demo Melder",
        reporter_contact="" if anonymous else "melder@meldpunt.example",
    )
    submitted = intake_services.report_submit(details=details, channel=channel, language=language, submission_token=_token(name))
    report = submitted.report
    if submitted.receipt_code:
        received = timezone.now() - timedelta(days=days_ago)
        day = timezone.localdate(received)
        Report.objects.filter(pk=report.pk).update(
            received_at=received,
            acknowledgement_due=deadlines.acknowledgement_due(day),
            feedback_due=deadlines.feedback_due(received=day, acknowledged=None),
        )
        report.refresh_from_db()
    return report, submitted.receipt_code


def _text(kind: str, report: Report, fill: str = "") -> str:
    return services.standard_message_text(kind=kind, language=report.language).replace("[...]", fill)


def _acknowledge(report, actor):
    services.report_message_send(report=report, actor=actor, kind=StandardMessage.Kind.ACKNOWLEDGEMENT, body=_text("acknowledgement", report))


def _assess(case, actor, category_code, seriousness="serious", risk="medium", urgency="normal"):
    return services.case_assess(
        case=case, actor=actor, category=Category.objects.get(code=category_code), seriousness=seriousness,
        retaliation_risk=risk, urgency=urgency,
        considerations="Demo: the reported conduct fits the category; the reporter depends on the person reported.",
    )


def _person(case, actor, role, finding, measures):
    """A person concerned (role only, as in the demo nobody is named) with their finding and measures."""
    today = timezone.localdate()
    return services.person_concerned_add(
        case=case, actor=actor, name="", role=role, finding=finding, finding_on=today, measures=tuple((m, today) for m in measures),
    )


def _record(case, actor, entries):
    """Entries in the record of the case's instrument, as the handler adds them."""
    for kind, text, extra in entries:
        services.instrument_entry_add(case=case, actor=actor, kind=kind, text=text, **extra)


def _handle(name, report, staff):
    cci, cci2, coordinator = staff["cci"], staff["cci2"], staff["cci-coordinator"]
    external, external_coordinator = staff["external"], staff["external-coordinator"]
    today = timezone.localdate()
    if name == "dbo-triage":
        _acknowledge(report, cci)
        case = services.case_open(report=report, actor=coordinator)
        services.case_assign(case=case, handler=cci, actor=coordinator)
        case = services.case_transition(case=case, transition="start_triage", actor=cci)
        _assess(case, cci, "racism_discrimination", risk="high", urgency="urgent")
        services.case_note_add(case=case, author=cci, body="Demo: check whether the team leader has had earlier reports.")
    elif name == "dbo-same-person":
        case = Report.objects.get(submission_token_hash=intake_services.submission_token_hash(_token("dbo-triage"))).case_link.case
        services.case_link_report(case=case, report=report, actor=coordinator)
        _acknowledge(report, cci)
    elif name == "madrid-mediation":
        _acknowledge(report, cci2)
        case = services.case_open(report=report, actor=coordinator)
        services.case_assign(case=case, handler=cci2, actor=coordinator)
        services.case_transition(case=case, transition="start_triage", actor=cci2)
        case = _assess(case, cci2, "bullying")
        services.case_transition(case=case, transition="choose_instrument", actor=cci2, instrument=Instrument.MEDIATION, instrument_reasons="")
        intake_services.meeting_request(report=report, note="Por videollamada, por la tarde.")
        meeting = report.meetings.get()
        services.meeting_minutes_record(
            report=report, actor=cci2, meeting_id=meeting.pk, held_on=today,
            body="Reunión por videollamada. La denunciante describe tres incidentes en marzo y acepta una mediación.",
        )
    elif name == "maputo-decided":
        _acknowledge(report, coordinator)
        case = services.case_open(report=report, actor=coordinator)
        services.case_assign(case=case, handler=cci, actor=coordinator)
        services.case_transition(case=case, transition="start_triage", actor=cci)
        case = _assess(case, cci, "financial", seriousness="very_serious", risk="low")
        services.case_transition(case=case, transition="choose_instrument", actor=cci, instrument=Instrument.INVESTIGATION, instrument_reasons="")
        officer = _person(case, cci, "Demo: financial officer at the post", Finding.ESTABLISHED, [Measure.REPRIMAND, Measure.TRANSFER])
        _person(case, cci, "Demo: head of the post's finance section", Finding.NOT_ESTABLISHED, [Measure.NONE])
        _record(case, cci, [
            ("investigator", "Demo: the CCI's own investigator.", {"detail": "internal"}),
            ("terms_of_reference", "Demo: were payments made twice, and by whom?", {}),
            ("protocol_step", "Demo: start letter sent to both persons concerned.", {"on": today}),
            ("interview", "Demo: interview with the post's accountant.", {"on": today}),
            ("hearing", "Demo: the draft findings were put to the financial officer.",
             {"on": today, "person_id": officer.pk, "response": "Demo: admits the double payments, says it was an error."}),
            ("investigation_report", "Demo: investigation report delivered.", {"on": today}),
            ("conclusion", "Demo: double payments established for the financial officer, not for the head of section.", {"on": today}),
        ])
        services.case_transition(
            case=case, transition="decide", actor=cci, decision_reasons="Demo: the double payments were confirmed by the accounts.",
            reporter_message=_text("feedback", report, "A investigação confirmou a sua denúncia e foram tomadas medidas."),
        )
    elif name == "beijing-closed":
        _acknowledge(report, coordinator)
        case = services.case_open(report=report, actor=coordinator)
        services.case_transition(case=case, transition="start_triage", actor=coordinator)
        case = _assess(case, coordinator, "information", seriousness="moderate", risk="low")
        services.case_transition(
            case=case, transition="choose_instrument", actor=coordinator, instrument=Instrument.CONVERSATION, instrument_reasons="",
        )
        _person(case, coordinator, "Demo: a colleague at the post", Finding.ESTABLISHED, [Measure.OTHER])
        _record(case, coordinator, [
            ("with_whom", "Demo: the colleague and their manager.", {}),
            ("follow_up", "Demo: a data-protection course within two months.", {}),
        ])
        services.case_transition(
            case=case, transition="decide", actor=coordinator, decision_reasons="Demo: a conversation and a data-protection course.",
            reporter_message=_text("feedback", report, "我们与这位同事进行了谈话，并安排了数据保护培训。"),
        )
        services.case_transition(
            case=case, transition="close", actor=coordinator, reason="Demo: measure taken, feedback given.",
            reporter_message=_text("closure", report),
        )
        # Demo: closed 100 days ago, so the 3-month aftercare check-in is in this reporter's mailbox.
        Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - timedelta(days=100))
        from .aftercare import aftercare_scan

        aftercare_scan()
    elif name == "complaint-case":
        secretary, chair = staff.get("complaints"), staff.get("complaints-chair")
        if secretary and chair:
            _acknowledge(report, secretary)
            case = services.case_open(report=report, actor=chair)
            services.case_assign(case=case, handler=secretary, actor=chair)
    elif name == "moscow-external":
        _acknowledge(report, external)
        services.report_deadline_extend(
            report=report, actor=external_coordinator, clock="feedback",
            new_due=Report.objects.get(pk=report.pk).feedback_due + timedelta(days=30),
            reason="Demo: waiting for the procurement files from the post.",
        )
        case = services.case_open(report=report, actor=external_coordinator)
        services.case_assign(case=case, handler=external, actor=external_coordinator)
        services.report_message_send(
            report=report, actor=external, kind=StandardMessage.Kind.FORWARDING_CONSENT,
            body=_text("forwarding_consent", report, "Ваше обращение касается внутренних закупок министерства."),
        )


def load(stdout) -> None:
    staff = {u.username: u for u in User.objects.filter(
        username__in=["cci", "cci2", "cci-coordinator", "external", "external-coordinator", "complaints", "complaints-chair"]
    )}
    if len(staff) < 5:
        stdout.write("  cases: demo staff accounts missing; run meldpunt's demo first")
        return
    codes = []
    for name, *fields in REPORTS:
        # Demo data tells nobody: no assignment or meeting emails while it is made.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
            report, code = _file(name, *fields)
            if code:
                _handle(name, report, staff)
                codes.append((report.reference, report.language, code))
    for reference, language, code in codes:
        stdout.write(f"  demo reporter {reference} ({language}): receipt code {' '.join(code[i:i + 4] for i in range(0, 24, 4))}")
    stdout.write(f"  cases: {Report.objects.count()} reports, {Case.objects.count()} cases")
