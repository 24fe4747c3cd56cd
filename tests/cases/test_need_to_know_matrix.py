"""Need-to-know, as one desk's table: which cases and reports the coordinator, a handler and their colleague
each see. A coordinator sees the desk's cases but those they are excluded from; a handler their own cases
and the unassigned ones, not a colleague's, not one they are excluded from, and not one whose report says
someone at the desk is involved until the coordinator has cleared it; a report not yet in a case is the
whole desk's, unless it says someone at the desk is involved. Never the other desk's; nobody signed out."""

from django.contrib.auth.models import AnonymousUser

from cases import exclusion, selectors, services
from cases.models import CaseExclusion


def test_each_member_of_the_desk_sees_exactly_the_cases_and_reports_they_need_to(team, report_factory):
    coordinator, handler, colleague = team["coordinator"], team["handler"], team["colleague"]
    conflict = CaseExclusion.Reason.CONFLICT_OF_INTEREST

    def case_of(name, **report_kwargs):
        report = report_factory(narrative=f"The {name} report.", **report_kwargs).report
        return report, services.case_open(report=report, actor=coordinator)

    reports, cases = {}, {}
    reports["loose"] = report_factory(narrative="Not in a case yet.").report
    reports["involved, loose"] = report_factory(narrative="Someone at the desk knows.", desk_involved=True).report
    for name in ("unassigned", "mine", "colleague's", "handler kept out", "coordinator kept out", "involved", "cleared"):
        reports[name], cases[name] = case_of(name, desk_involved=name in ("involved", "cleared"))
    services.case_assign(case=cases["mine"], handler=handler, actor=coordinator)
    services.case_assign(case=cases["colleague's"], handler=colleague, actor=coordinator)
    services.case_exclude(case=cases["handler kept out"], user=handler, actor=coordinator, reason=conflict)
    services.case_exclude(case=cases["coordinator kept out"], user=coordinator, actor=coordinator, reason=conflict)
    services.case_exclude(case=cases["cleared"], user=colleague, actor=coordinator, reason="named_in_report")
    exclusion.report_desk_involvement_clear(report=reports["cleared"], actor=coordinator)
    external_report = report_factory(channel="external").report
    services.case_open(report=external_report, actor=team["external_coordinator"])

    sees = {
        coordinator: {"unassigned", "mine", "colleague's", "handler kept out", "involved", "cleared"},
        handler: {"unassigned", "mine", "coordinator kept out", "cleared"},
        colleague: {"unassigned", "colleague's", "handler kept out", "coordinator kept out"},
    }
    loose = {coordinator: {"loose", "involved, loose"}, handler: {"loose"}, colleague: {"loose"}}
    names_of = {v.pk: k for k, v in cases.items()}
    report_names = {v.pk: k for k, v in reports.items()}
    for who, names in sees.items():
        assert {names_of[pk] for pk in selectors.cases_visible_to(who).values_list("pk", flat=True)} == names, who
        visible_reports = {report_names[pk] for pk in selectors.reports_visible_to(who).values_list("pk", flat=True)}
        assert visible_reports == names | loose[who], who
    external = selectors.reports_visible_to(team["external_handler"])
    assert list(external.values_list("pk", flat=True)) == [external_report.pk]
    assert [c.desk for c in selectors.cases_visible_to(team["external_handler"])] == ["external"]
    assert not selectors.cases_visible_to(AnonymousUser()).exists()
    assert not selectors.reports_visible_to(AnonymousUser()).exists()
