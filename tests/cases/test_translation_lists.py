"""What the translation pages list, and in which order: the translator's open texts soonest due first,
each opened with its report in one query; the handler's choice of translators only those who may be
given a text (a translator's role, active, a signed statement), by name, read in one query."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import TranslationRequest
from cases.translating import selectors
from cases.translating import services as translating
from cases.translating.forms import TranslatorChoiceField
from meldpunt.intake.models import Report
from tests.conftest import make_translator, signed_in

pytestmark = pytest.mark.django_db


def test_the_translator_sees_the_soonest_due_text_first(report_factory, team, django_assert_num_queries):
    amal = make_translator("amal")
    report = report_factory(language="ar", narrative="مديري يوجه لي تعليقات عنصرية أمام زملائي.").report
    asked = [
        translating.translation_request(actor=team["handler"], report=report, source_kind="narrative", target_language=target,
                                        translator=amal, due_at=timezone.now() + timedelta(days=1))
        for target in ("nl", "en", "nl")
    ]
    # Due times that run against the order of their ids, so that only the due time can put them in order.
    by_id = sorted(asked, key=lambda r: r.pk)
    for days, request in zip((3, 2, 1), by_id, strict=True):
        TranslationRequest.objects.filter(pk=request.pk).update(due_at=timezone.now() + timedelta(days=days))
    soonest_first = list(reversed(by_id))
    assert list(selectors.assignments_for(amal)) == soonest_first
    # Opening one reads the report with it (every opening is recorded against the report): one query.
    with django_assert_num_queries(1):
        assert selectors.assignment_for(amal, asked[0].pk).report.desk == report.desk
    page = signed_in(amal).get(reverse("translate:assignments")).content.decode()
    links = [page.index(reverse("translate:assignment", args=[r.pk])) for r in soonest_first]
    assert links == sorted(links)


def test_the_handler_chooses_among_signed_active_translators_by_name_in_one_query(django_assert_num_queries):
    make_translator("zoe")
    make_translator("amal", languages="ar,nl")
    make_translator("noor", signed=False)  # has not signed the confidentiality statement
    left = make_translator("mark")
    left.is_active = False
    left.save()
    moved = make_translator("bram")  # now a counsellor: the signed statement stays on file, the role does not
    moved.role = "counsellor"
    moved.save()
    field = TranslatorChoiceField(queryset=selectors.translators())
    with django_assert_num_queries(1):
        choices = [(user.username, field.label_from_instance(user)) for user in selectors.translators()]
    assert [name for name, _label in choices] == ["amal", "zoe"]
    assert "ar,nl" in choices[0][1]


def test_the_desk_lists_its_own_translations_of_a_report_with_who_did_what_in_one_query(report_factory, team, django_assert_num_queries):
    amal = make_translator("amal")
    report = report_factory(language="ar", narrative="مديري يوجه لي تعليقات عنصرية أمام زملائي.").report
    for target in ("nl", "en", "nl"):
        translating.translation_request(actor=team["handler"], report=report, source_kind="narrative", target_language=target,
                                        translator=amal, due_at=timezone.now() + timedelta(days=1))
    with django_assert_num_queries(1):  # the reports the reader may see are a subquery of it
        rows = [(t.report.reference, t.translator.username, t.requested_by.username) for t in selectors.report_translations(team["coordinator"], report)]
    assert rows == [(report.reference, "amal", team["handler"].username)] * 3


def test_a_report_moved_to_the_other_desk_does_not_bring_the_translations_the_first_desk_asked_for(report_factory, team):
    external = report_factory(channel="external", narrative="Texte du point externe, confidentiel.", language="fr").report
    asked = translating.translation_request(actor=team["external_handler"], report=external, source_kind="narrative", target_language="nl",
                                            translator=make_translator("amal"), due_at=timezone.now() + timedelta(days=1))
    Report.objects.filter(pk=external.pk).update(desk="cci")
    assert selectors.translation_for(team["coordinator"], asked.pk) is None
    assert selectors.report_translations(team["coordinator"], external) == []
