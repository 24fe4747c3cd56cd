"""Who sees which translation, told as the people involved meet it: a translator who leaves or changes
role, a report that moves from the external desk to the CCI, the order of a translator's worklist, and
which translations stand beside the report's own texts."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from cases.translating import selectors
from cases.translating import services as translating
from meldpunt.accounts.models import Role
from meldpunt.intake.models import Report
from tests.conftest import make_translator

# `translator` (amal) and `arabic_report` come from tests/cases/conftest.py.


def _ask(actor, report, translator, *, hours=24, kind="narrative"):
    return translating.translation_request(actor=actor, report=report, source_kind=kind, target_language="nl",
                                           translator=translator, due_at=timezone.now() + timedelta(hours=hours))


def _held_reply(actor, report, translator, body="Dank voor uw melding."):
    _outcome, held = translating.reply_send_or_hold(actor=actor, report=report, body=body, written_language="nl",
                                                    translator=translator, due_at=timezone.now() + timedelta(days=1))
    return held


# --- the translator ---------------------------------------------------------------------------------------


def test_a_translator_who_is_switched_off_loses_the_open_assignment_at_once(arabic_report, team, translator):
    request = _ask(team["handler"], arabic_report, translator)
    assert list(selectors.assignments_for(translator)) == [request]
    translator.is_active = False
    translator.save(update_fields=["is_active"])
    assert not selectors.assignments_for(translator).exists()
    assert selectors.assignment_for(translator, request.pk) is None


def test_a_translator_who_takes_another_role_loses_the_open_assignment(arabic_report, team, translator):
    request = _ask(team["handler"], arabic_report, translator)
    translator.role = Role.CCI_HANDLER
    translator.save(update_fields=["role"])
    assert selectors.assignment_for(translator, request.pk) is None
    # Nor is the former translator offered for new texts, although the signed statement is still on file.
    assert translator not in selectors.translators()


def test_only_active_translators_with_a_signed_statement_are_offered(db, translator):
    make_translator("not-yet", signed=False)
    gone = make_translator("gone")
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    zaid = make_translator("zaid")
    assert list(selectors.translators()) == [translator, zaid]  # by name


def test_the_worklist_puts_the_nearest_due_date_first(arabic_report, team, translator):
    later = _ask(team["handler"], arabic_report, translator, hours=72)
    sooner = _ask(team["handler"], arabic_report, translator, hours=6)
    assert list(selectors.assignments_for(translator)) == [sooner, later]


def test_the_worklist_and_the_list_of_translators_are_one_query_each(arabic_report, team, translator, django_assert_num_queries):
    _ask(team["handler"], arabic_report, translator)
    _ask(team["handler"], arabic_report, translator, hours=48)
    with django_assert_num_queries(1):
        assert [a.report.written_language for a in selectors.assignments_for(translator)] == ["ar", "ar"]
    with django_assert_num_queries(1):
        assert [t.translator_profile.kind for t in selectors.translators()] == ["sworn_external"]


# --- the desk ---------------------------------------------------------------------------------------------


def test_nobody_signed_out_sees_a_translation(arabic_report, team, translator):
    _ask(team["handler"], arabic_report, translator)
    assert not selectors.translations_visible_to(AnonymousUser()).exists()
    assert not selectors.assignments_for(AnonymousUser()).exists()


def test_a_translation_the_external_desk_asked_for_stays_with_it_when_the_report_moves_to_the_cci(report_factory, team, translator):
    external = report_factory(channel="external", narrative="Texte du point externe, confidentiel.", language="fr").report
    asked_outside = _ask(team["external_handler"], external, translator)
    Report.objects.filter(pk=external.pk).update(desk="cci")  # forwarded with the reporter's consent
    external.refresh_from_db()
    cci_request = _ask(team["handler"], external, translator)
    assert list(selectors.translations_visible_to(team["handler"])) == [cci_request]
    assert selectors.report_translations(team["handler"], external) == [cci_request]
    assert selectors.translation_for(team["handler"], asked_outside.pk) is None


def test_a_report_shows_its_own_translations_only_oldest_first(report_factory, arabic_report, team, translator):
    other = report_factory(language="ar", narrative="نص آخر عن بلاغ مختلف تماما.").report
    first = _ask(team["handler"], arabic_report, translator)
    _ask(team["handler"], other, translator)
    second = _ask(team["handler"], arabic_report, translator)
    assert selectors.report_translations(team["handler"], arabic_report) == [first, second]


def test_a_reports_translations_and_the_people_on_them_come_in_one_query(arabic_report, team, translator, django_assert_num_queries):
    held = _held_reply(team["handler"], arabic_report, translator)
    translating.translation_provide(translator=translator, request_id=held.pk, text="شكرا على بلاغك.")
    translating.translation_approve(actor=team["handler"], request_id=held.pk, form_token="c" * 32)
    _ask(team["handler"], arabic_report, translator)
    with django_assert_num_queries(1):
        shown = [
            (r.report.reference, r.translator.username, r.requested_by.username, r.decided_by and r.decided_by.username,
             r.sent_message and r.sent_message.kind)
            for r in selectors.report_translations(team["handler"], arabic_report)
        ]
    handler = team["handler"].username
    assert shown == [
        (arabic_report.reference, "amal", handler, handler, held.outgoing_kind),
        (arabic_report.reference, "amal", handler, None, None),
    ]


# --- beside the original ------------------------------------------------------------------------------------


def test_only_delivered_translations_of_the_reports_own_texts_stand_beside_them(arabic_report, team, translator):
    delivered = _ask(team["handler"], arabic_report, translator)
    translating.translation_provide(translator=translator, request_id=delivered.pk, text="Mijn leidinggevende maakt racistische opmerkingen.")
    _ask(team["handler"], arabic_report, translator)  # still open: nothing to show yet
    withdrawn = _ask(team["handler"], arabic_report, translator)
    translating.translation_provide(translator=translator, request_id=withdrawn.pk, text="Een vertaling die werd ingetrokken.")
    translating.translation_withdraw(actor=team["handler"], request_id=withdrawn.pk)
    held = _held_reply(team["handler"], arabic_report, translator)  # a reply of the desk, translated but not yet approved
    translating.translation_provide(translator=translator, request_id=held.pk, text="شكرا على بلاغك.")

    shown = selectors.delivered_by_source(selectors.report_translations(team["handler"], arabic_report))
    assert shown == {"narrative": [(delivered, "Mijn leidinggevende maakt racistische opmerkingen.")]}
