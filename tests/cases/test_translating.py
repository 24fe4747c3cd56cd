"""Issue 14: the desk understands every reporter. The written language of a report and of each
message; standard messages side by side; a confidential translator who sees one assigned text, only
while the assignment is open; held messages sent once their translation is approved."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases import services as desk_services
from cases.models import TranslationRequest
from cases.translating import services as translating
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import MailboxMessage, Report
from tests.conftest import make_translator, signed_in
from tests.meldpunt.test_reporting_journey import report_form_data

from .conftest import ARABIC, reporter_client

DUTCH = "Mijn leidinggevende maakt elke week racistische opmerkingen waar collega-medewerkers bij zijn."


def dutch(client: Client) -> Client:
    client.cookies["django_language"] = "nl"
    return client


def _due(hours=48):
    return (timezone.localtime() + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


# --- 1. the written language ------------------------------------------------------------------------


def test_the_reporter_says_which_language_they_wrote_in_and_the_desk_sees_it(category, post, team):
    reporter = Client(HTTP_ACCEPT_LANGUAGE="en")
    form = reporter.get(reverse("intake:report")).content.decode()
    assert 'name="written_language"' in form and '<option value="en" selected>' in form  # the interface language first
    data = report_form_data(category, post, narrative=ARABIC, written_language="ar")
    reporter.post(reverse("intake:report"), data, follow=True)
    report = Report.objects.get()
    assert (report.language, report.written_language) == ("en", "ar")
    page = dutch(signed_in(team["handler"])).get(reverse("cases:report-detail", args=[report.pk])).content.decode()
    assert "Geschreven in" in page and "العربية" in page and 'lang="ar"' in page


def test_without_a_choice_the_written_language_is_the_interface_language(category, post):
    data = report_form_data(category, post)
    data.pop("written_language", None)
    Client(HTTP_ACCEPT_LANGUAGE="fr").post(reverse("intake:report"), data, follow=True)
    assert Report.objects.get().written_language == "fr"


def test_a_message_keeps_its_language_and_a_new_choice_becomes_the_reports(arabic_report, team):
    reporter = reporter_client(arabic_report)
    page = reporter.get(reverse("intake:mailbox")).content.decode()
    assert '<option value="ar" selected>' in page
    reporter.post(reverse("intake:mailbox"), {"body": "Je préfère écrire en français.", "written_language": "fr"})
    message = MailboxMessage.objects.get(report=arabic_report)
    arabic_report.refresh_from_db()
    assert message.written_language == "fr" and arabic_report.written_language == "fr"
    signed_in(team["handler"]).post(reverse("cases:report-detail", args=[arabic_report.pk]), {"body": "Merci, bien reçu.", "written_language": "fr"})
    assert MailboxMessage.objects.filter(direction="to_reporter").get().written_language == "fr"
    # The desk reads each message's language by name, in its own language.
    page = dutch(signed_in(team["handler"])).get(reverse("cases:report-detail", args=[arabic_report.pk])).content.decode()
    assert "Frans (français)" in page


def test_existing_reports_and_messages_take_their_written_language_from_the_report(arabic_report):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("meldpunt.intake.migrations.0010_written_language")
    reporter_client(arabic_report).post(reverse("intake:mailbox"), {"body": "رسالة"})
    Report.objects.update(written_language="")
    MailboxMessage.objects.update(written_language="")
    migration.fill_written_language(apps, None)
    assert Report.objects.get().written_language == "ar"
    assert MailboxMessage.objects.get().written_language == "ar"


# --- 2. standard messages side by side ----------------------------------------------------------------


def test_a_standard_message_opens_side_by_side_with_the_parts_to_fill_marked_in_both(arabic_report, team):
    page = dutch(signed_in(team["handler"])).get(reverse("cases:report-message", args=[arabic_report.pk, "more_information"])).content.decode()
    assert 'lang="nl"' in page and 'lang="ar"' in page
    assert page.count('<mark class="fill">[...]</mark>') == 2  # once in Dutch, once in Arabic
    assert "Houd mijn tekst vast voor vertaling" in page


def test_a_dutch_standard_text_is_held_for_translation_not_sent(arabic_report, team, translator):
    client = dutch(signed_in(team["handler"]))
    url = reverse("cases:report-message", args=[arabic_report.pk, "more_information"])
    form = client.get(url).context["form"]
    staff_body = form.initial["staff_body"].replace("[...]", "Wanneer gebeurde het voor het eerst?")
    response = client.post(url, {
        "body": form.initial["body"], "staff_body": staff_body, "send_as": "translate",
        "translator": translator.pk, "due_at": _due(), "form_token": form.initial["form_token"],
    })
    assert response.status_code == 302
    held = TranslationRequest.objects.get()
    assert (held.source_kind, held.source_language, held.target_language, held.outgoing_kind) == ("outgoing", "nl", "ar", "more_information")
    assert not arabic_report.messages.exists()
    # Sending the Arabic text with its part still to fill is refused, and nothing is lost.
    response = client.post(url, {"body": form.initial["body"], "staff_body": staff_body, "send_as": "send", "form_token": "a" * 32})
    assert response.status_code == 400 and "[...]" in response.content.decode() and not arabic_report.messages.exists()


# --- 3. the translator -------------------------------------------------------------------------------------


def test_the_translator_sees_only_the_assigned_text_while_it_is_open(arabic_report, team, translator, django_capture_on_commit_callbacks):
    handler = dutch(signed_in(team["handler"]))
    new = reverse("cases:translation-new", args=[arabic_report.pk]) + "?text=narrative"
    form = handler.get(new).context["form"]
    with django_capture_on_commit_callbacks(execute=True):
        response = handler.post(new, {"text": "narrative", "target_language": "nl", "translator": translator.pk, "due_at": _due(),
                                      "form_token": form.initial["form_token"]})
    assert response.status_code == 302
    request = TranslationRequest.objects.get()
    assert [m.to for m in mail.outbox] == [[translator.email]] and ARABIC not in mail.outbox[0].body

    desk = signed_in(translator)
    listing = desk.get(reverse("translate:assignments")).content.decode()
    assert arabic_report.reference not in listing and "العربية" in listing
    page = desk.get(reverse("translate:assignment", args=[request.pk])).content.decode()
    assert ARABIC in page
    for hidden in (arabic_report.reference, arabic_report.post.name, str(arabic_report.category), team["handler"].username):
        assert hidden not in page
    assert AuditEvent.objects.filter(action="translation.source_read", actor=translator).count() == 1
    # The report itself, its evidence and the desk's pages stay closed to the translator.
    for url in (reverse("cases:report-detail", args=[arabic_report.pk]), reverse("cases:evidence", args=[arabic_report.pk]), reverse("cases:inbox")):
        assert desk.get(url).status_code == 403

    response = desk.post(reverse("translate:assignment", args=[request.pk]), {"translation": DUTCH})
    assert response.status_code == 302
    assert desk.get(reverse("translate:assignment", args=[request.pk])).status_code == 404  # ended
    request.refresh_from_db()
    assert request.state == "translated" and request.unseal("translation") == DUTCH and request.translation_sealed != DUTCH.encode()

    report_page = handler.get(reverse("cases:report-detail", args=[arabic_report.pk])).content.decode()
    assert DUTCH in report_page and "amal" in report_page
    assert AuditEvent.objects.filter(action="translation.read", actor=team["handler"]).exists()


def test_no_text_goes_to_a_translator_without_a_signed_statement(arabic_report, team):
    unsigned = make_translator("not-yet", signed=False)
    with pytest.raises(translating.ActionRefused):
        translating.translation_request(actor=team["handler"], report=arabic_report, source_kind="narrative", target_language="nl",
                                        translator=unsigned, due_at=timezone.now() + timedelta(days=1))


def test_a_translation_of_the_external_desk_never_reaches_a_cci_translator(report_factory, team, translator):
    external = report_factory(channel="external", narrative="Texte du point externe, confidentiel.", language="fr").report
    other = make_translator("other")
    request = translating.translation_request(actor=team["external_handler"], report=external, source_kind="narrative",
                                              target_language="nl", translator=translator, due_at=timezone.now() + timedelta(days=1))
    assert signed_in(other).get(reverse("translate:assignment", args=[request.pk])).status_code == 404
    assert signed_in(team["handler"]).get(reverse("cases:translation-detail", args=[request.pk])).status_code == 404
    # A CCI handler cannot ask for a text of the external desk at all.
    with pytest.raises(translating.ActionRefused):
        translating.translation_request(actor=team["handler"], report=external, source_kind="narrative", target_language="nl",
                                        translator=other, due_at=timezone.now() + timedelta(days=1))
    # When the report moves to the other desk, the open assignment closes for the translator.
    Report.objects.filter(pk=external.pk).update(desk="cci")
    assert signed_in(translator).get(reverse("translate:assignment", args=[request.pk])).status_code == 404


def test_a_free_dutch_reply_is_held_translated_approved_and_read_in_arabic(arabic_report, team, translator):
    handler = dutch(signed_in(team["handler"]))
    url = reverse("cases:report-detail", args=[arabic_report.pk])
    reply = "Dank voor uw melding. Wij nemen binnen een week contact op."
    # Without a translator the message is refused with the reason, and kept.
    response = handler.post(url, {"body": reply, "written_language": "nl"})
    assert response.status_code == 400 and reply in response.content.decode() and "vertaler" in response.content.decode()
    assert not arabic_report.messages.exists()
    handler.post(url, {"body": reply, "written_language": "nl", "translator": translator.pk, "due_at": _due()})
    held = TranslationRequest.objects.get()
    assert held.source_kind == "outgoing" and not arabic_report.messages.exists()
    assert reply not in reporter_client(arabic_report).get(reverse("intake:mailbox")).content.decode()

    translating.translation_provide(translator=translator, request_id=held.pk, text="شكرا على بلاغك. سنتصل بك خلال أسبوع.")
    page = handler.get(reverse("cases:translation-detail", args=[held.pk])).content.decode()
    assert reply in page and "شكرا على بلاغك" in page
    handler.post(reverse("cases:translation-detail", args=[held.pk]), {"action": "approve", "form_token": "b" * 32})
    message = arabic_report.messages.get()
    assert message.unseal("body").startswith("شكرا") and message.written_language == "ar"
    held.refresh_from_db()
    assert held.state == "approved" and held.sent_message == message
    mailbox = reporter_client(arabic_report).get(reverse("intake:mailbox")).content.decode()
    assert "شكرا على بلاغك" in mailbox and reply not in mailbox


def test_a_withdrawn_request_closes_the_text_and_sends_nothing(arabic_report, team, translator):
    _outcome, held = translating.reply_send_or_hold(
        actor=team["handler"], report=arabic_report, body="Een vraag.", written_language="nl", translator=translator,
        due_at=timezone.now() + timedelta(days=1),
    )
    signed_in(team["handler"]).post(reverse("cases:translation-detail", args=[held.pk]), {"action": "withdraw"})
    assert signed_in(translator).get(reverse("translate:assignment", args=[held.pk])).status_code == 404
    with pytest.raises(translating.ActionRefused):
        translating.translation_approve(actor=team["handler"], request_id=held.pk)
    assert not arabic_report.messages.exists()


# --- 4. clocks ---------------------------------------------------------------------------------------------


def test_the_scan_reminds_the_translator_and_warns_the_handler_of_a_legal_deadline_at_risk(
    clock, no_digest, arabic_report, team, translator, django_capture_on_commit_callbacks,
):
    from cases.reminders import reminders_scan

    # Due in 8 days: after the 7-day acknowledgement deadline of a report received today.
    request = translating.translation_request(actor=team["handler"], report=arabic_report, source_kind="narrative",
                                              target_language="nl", translator=translator, due_at=timezone.now() + timedelta(days=8))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reminders_scan()
    warned = [m for m in mail.outbox if m.to == [team["handler"].email] and "vertaling brengt een wettelijke termijn in gevaar" in m.subject]
    assert len(warned) == 1 and "/staff/desk/worklist/" in warned[0].body
    assert not [m for m in mail.outbox if m.to == [translator.email]]  # not due within a day yet
    clock.shift(timedelta(days=7, hours=12))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reminders_scan()
        reminders_scan()  # a second run sends nothing twice
    reminded = [m for m in mail.outbox if m.to == [translator.email]]
    assert len(reminded) == 1 and "/staff/translate/" in reminded[0].body
    assert ARABIC not in reminded[0].body
    assert not [m for m in mail.outbox if "vertaling brengt een wettelijke termijn in gevaar" in m.subject]  # warned once
    # Delivered: no more reminders.
    translating.translation_provide(translator=translator, request_id=request.pk, text=DUTCH)
    clock.shift(timedelta(days=1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reminders_scan()
    assert not [m for m in mail.outbox if m.to == [translator.email]]


def test_asking_for_a_translation_due_after_the_deadline_warns_at_once(arabic_report, team, translator):
    handler = signed_in(team["handler"])
    new = reverse("cases:translation-new", args=[arabic_report.pk])
    response = handler.post(new, {"text": "narrative", "target_language": "en", "translator": translator.pk,
                                  "due_at": _due(hours=24 * 9)}, follow=True)
    assert "acknowledgement deadline" in response.content.decode()


# --- 5. figures ----------------------------------------------------------------------------------------------


def test_the_annual_figures_count_reports_per_written_language(report_factory):
    from cases.figures import annual_figures

    for _ in range(5):
        report_factory(language="en", narrative=ARABIC, written_language="ar")
    for _ in range(6):
        report_factory(language="nl")
    figures = annual_figures(desks=("cci",), year=timezone.localdate().year)
    assert figures.get("reports", "language", "ar").count == 5
    assert figures.get("reports", "language", "en") is None  # the interface language is not counted
    assert figures.get("reports", "desk_language", "other").count == 5
    assert figures.get("reports", "desk_language", "nl_en").count == 6


def test_minutes_need_the_language_they_are_written_in(arabic_report, team, translator):
    from meldpunt.intake.models import Minutes

    minutes = Minutes.objects.get(pk=desk_services.meeting_minutes_record(
        report=arabic_report, actor=team["handler"], held_on=timezone.localdate(), body="Gesprek per video; de melder beschrijft drie vergaderingen.",
    ).pk)
    common = {"actor": team["handler"], "report": arabic_report, "source_kind": "minutes", "source_id": str(minutes.pk),
              "target_language": "en", "translator": translator, "due_at": timezone.now() + timedelta(days=1)}
    with pytest.raises(translating.ActionRefused):
        translating.translation_request(**common)
    request = translating.translation_request(source_language="nl", **common)
    assert (request.source_language, request.unseal("source")) == ("nl", minutes.unseal("body"))


def test_a_message_translation_stands_beside_the_message(arabic_report, team, translator):
    reporter_client(arabic_report).post(reverse("intake:mailbox"), {"body": "هل يمكنني التحدث مع أحد عبر الهاتف؟"})
    message = arabic_report.messages.get()
    request = translating.translation_request(actor=team["handler"], report=arabic_report, source_kind="message", source_id=str(message.pk),
                                              target_language="nl", translator=translator, due_at=timezone.now() + timedelta(days=1))
    translating.translation_provide(translator=translator, request_id=request.pk, text="Kan ik telefonisch met iemand spreken?")
    page = dutch(signed_in(team["handler"])).get(reverse("cases:report-detail", args=[arabic_report.pk])).content.decode()
    thread = page[page.index('<ol class="thread">'):]
    thread = thread[:thread.index("</ol>")]
    assert "هل يمكنني التحدث" in thread and "Kan ik telefonisch met iemand spreken?" in thread and "amal" in thread


def test_a_minutes_translation_stands_beside_the_minutes(arabic_report, team, translator):
    minutes = desk_services.meeting_minutes_record(
        report=arabic_report, actor=team["handler"], held_on=timezone.localdate(), body="Gesprek per video over drie vergaderingen.",
    )
    request = translating.translation_request(actor=team["handler"], report=arabic_report, source_kind="minutes", source_id=str(minutes.pk),
                                              source_language="nl", target_language="en", translator=translator,
                                              due_at=timezone.now() + timedelta(days=1))
    translating.translation_provide(translator=translator, request_id=request.pk, text="A video call about three meetings.")
    page = signed_in(team["handler"]).get(reverse("cases:report-detail", args=[arabic_report.pk])).content.decode()
    article = page[page.index("Gesprek per video over drie vergaderingen."):]
    assert article.index("A video call about three meetings.") < article.index("</article>")
