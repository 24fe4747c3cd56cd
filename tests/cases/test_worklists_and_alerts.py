"""Who is on which list: the desk's inbox by its filter, newest first; a handler's worklist holds their own open cases, the coordinator's case list the
desk's cases by the filter chosen, both overdue first; the coordinators' content-free alerts go to the
desk's active coordinators with an address, leaving out whoever asked. Never another desk's cases."""

import datetime

from django.utils import timezone

from cases import selectors, services
from cases.models import Case, CaseExclusion, CaseState, StandardMessage
from meldpunt.accounts.models import Role, User

from .conftest import PATH_TO, assess, walk


def dated(case, days):
    """Put the case's next deadline `days` from today."""
    Case.objects.filter(pk=case.pk).update(deadline_order=timezone.localdate() + datetime.timedelta(days=days))
    return Case.objects.get(pk=case.pk)


def desk_with_cases(team, case_in, report_factory, category):
    coordinator, handler, colleague = team["coordinator"], team["handler"], team["colleague"]
    cases = {name: case_in(CaseState.RECEIVED) for name in ("soon", "later", "same day", "closed", "colleague's", "nobody's")}
    for name in ("soon", "later", "same day", "closed"):
        services.case_assign(case=cases[name], handler=handler, actor=coordinator)
    services.case_assign(case=cases["colleague's"], handler=colleague, actor=coordinator)
    cases = {name: Case.objects.get(pk=case.pk) for name, case in cases.items()}
    cases["closed"] = walk(cases["closed"], PATH_TO[CaseState.CLOSED], coordinator, category)
    # "later" and "same day" fall due on the same day: the reference decides.
    cases["soon"] = dated(cases["soon"], 2)
    cases["later"], cases["same day"] = dated(cases["later"], 9), dated(cases["same day"], 9)
    cases["closed"] = dated(cases["closed"], 1)
    cases["colleague's"], cases["nobody's"] = dated(cases["colleague's"], 3), dated(cases["nobody's"], 4)
    external = services.case_open(report=report_factory(channel="external").report, actor=team["external_coordinator"])
    services.case_assign(case=external, handler=team["external_handler"], actor=team["external_coordinator"])
    return cases


def by_reference(*cases):
    return [c.reference for c in cases]


def test_a_handler_s_worklist_holds_their_own_open_cases_soonest_due_first(team, case_in, report_factory, category):
    cases = desk_with_cases(team, case_in, report_factory, category)
    same_day = sorted([cases["later"], cases["same day"]], key=lambda c: c.reference)
    worklist = list(selectors.handler_worklist(team["handler"]))
    assert by_reference(*worklist) == by_reference(cases["soon"], *same_day)
    # The colleague sees only their own case; the other desk's handler only theirs.
    assert by_reference(*selectors.handler_worklist(team["colleague"])) == by_reference(cases["colleague's"])
    assert [c.desk for c in selectors.handler_worklist(team["external_handler"])] == ["external"]


def test_the_coordinator_s_case_list_shows_what_the_filter_says_soonest_due_first(team, case_in, report_factory, category):
    cases = desk_with_cases(team, case_in, report_factory, category)
    coordinator = team["coordinator"]
    same_day = sorted([cases["later"], cases["same day"]], key=lambda c: c.reference)
    open_cases = [cases["soon"], cases["colleague's"], cases["nobody's"], *same_day]

    assert by_reference(*selectors.desk_cases(coordinator)) == by_reference(*open_cases)  # "open" unless told
    assert by_reference(*selectors.desk_cases(coordinator, show="open")) == by_reference(*open_cases)
    assert by_reference(*selectors.desk_cases(coordinator, show="unassigned")) == by_reference(cases["nobody's"])
    assert by_reference(*selectors.desk_cases(coordinator, show="closed")) == by_reference(cases["closed"])
    everything = [cases["closed"], *open_cases]
    assert by_reference(*selectors.desk_cases(coordinator, show="all")) == by_reference(*everything)
    assert by_reference(*selectors.desk_cases(coordinator, show="anything else")) == by_reference(*everything)
    # Never the other desk's case; and a coordinator excluded from a case does not see it.
    assert [c.desk for c in selectors.desk_cases(team["external_coordinator"], show="all")] == ["external"]
    second = User.objects.create_user(username="bram", email="bram@example.org", password="pw-for-tests-only",
                                      role=Role.CCI_COORDINATOR)
    services.case_exclude(case=cases["soon"], user=second, actor=coordinator, reason=CaseExclusion.Reason.CONFLICT_OF_INTEREST)
    assert cases["soon"].reference not in by_reference(*selectors.desk_cases(second, show="all"))
    assert len(selectors.desk_cases(second, show="all")) == len(everything) - 1


def test_the_coordinators_alerts_go_to_the_desk_s_active_coordinators_with_an_address_but_not_to_who_asked(team, staff_factory):
    coordinator = team["coordinator"]
    second = staff_factory(Role.CCI_COORDINATOR, "bram")
    User.objects.filter(pk=staff_factory(Role.CCI_COORDINATOR, "zonder").pk).update(email="")
    departed = staff_factory(Role.CCI_COORDINATOR, "vertrokken")
    User.objects.filter(pk=departed.pk).update(is_active=False)

    # Handlers and the other desk's coordinator are not told; nor someone with no address or who left.
    assert selectors.desk_coordinator_emails("cci") == ["bram@example.org", "marieke@example.org"]
    assert selectors.desk_coordinator_emails("cci", but=coordinator) == ["bram@example.org"]
    assert selectors.desk_coordinator_emails("cci", but=second) == ["marieke@example.org"]
    assert selectors.desk_coordinator_emails("external") == ["anouk@example.org"]


def test_the_inbox_shows_what_its_filter_says_newest_first_with_each_report_s_case(team, report_factory, clock):
    from meldpunt.intake import services as intake

    coordinator = team["coordinator"]
    reports = {}
    for name in ("new", "in a case", "acknowledged", "awaiting"):
        clock.shift(datetime.timedelta(hours=1))
        reports[name] = report_factory(narrative=f"The {name} report.").report
    case = services.case_open(report=reports["in a case"], actor=coordinator)
    services.case_assign(case=case, handler=team["handler"], actor=coordinator)
    services.report_message_send(report=reports["acknowledged"], actor=coordinator, kind=StandardMessage.Kind.ACKNOWLEDGEMENT,
                                 body="We have received your report.")
    services.report_message_send(report=reports["awaiting"], actor=coordinator, kind=StandardMessage.Kind.ACKNOWLEDGEMENT,
                                 body="We have received your report.")
    intake.mailbox_message_from_reporter(report=reports["awaiting"], body="Is there news?")
    report_factory(channel="external")  # the other desk's

    def shown(show=None):
        rows = selectors.desk_inbox(coordinator, **({"show": show} if show else {}))
        return [r.pk for r in rows]

    newest_first = [reports[n].pk for n in ("awaiting", "acknowledged", "in a case", "new")]
    assert shown() == shown("all") == shown("anything else") == newest_first
    assert shown("new") == [reports[n].pk for n in ("awaiting", "acknowledged", "new")]
    assert shown("unacknowledged") == [reports[n].pk for n in ("in a case", "new")]
    assert shown("awaiting") == [reports["awaiting"].pk]
    row = next(r for r in selectors.desk_inbox(coordinator) if r.pk == reports["in a case"].pk)
    assert (row.linked_case_id, row.linked_case_reference, row.linked_case_handler) == (case.pk, case.reference, "sanne")
    bare = next(r for r in selectors.desk_inbox(coordinator) if r.pk == reports["new"].pk)
    assert (bare.linked_case_id, bare.linked_case_reference, bare.linked_case_handler) == (None, None, None)


def read_case_table(cases):
    """What cases/_case_table.html reads of each case."""
    return [
        (case.reference, case.next_deadline, case.get_state_display(), case.handler.get_username() if case.handler else None,
         [(link.report.reference, link.report.language, link.report.reply_due) for link in case.report_links.all()],
         str(case.category) if case.category else None, case.get_urgency_display())
        for case in cases
    ]


def test_the_case_lists_cost_the_same_queries_for_one_assessed_case_or_three(team, case_in, report_factory, category):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    coordinator = team["coordinator"]

    def counted():
        with CaptureQueriesContext(connection) as lists:
            read_case_table(selectors.desk_cases(coordinator))
            read_case_table(selectors.handler_worklist(team["handler"]))
        return len(lists.captured_queries)

    def one_more():
        case = assess(case_in(CaseState.TRIAGE), coordinator, category)
        services.case_assign(case=case, handler=team["handler"], actor=coordinator)
        services.case_link_report(case=case, report=report_factory().report, actor=coordinator)
        assert Case.objects.get(pk=case.pk).category_id is not None  # assessed: the list shows its category

    one_more()
    one = counted()
    one_more(), one_more()
    assert counted() == one
