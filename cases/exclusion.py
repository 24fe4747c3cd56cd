"""Early exclusion (issue 15 point 6). A reporter can mark on the form that someone at the desk is
involved: the report is then seen by the desk's coordinators alone (cases.selectors) until a
coordinator has kept the persons concerned out of its case and says so here. And whoever the
desk's staff are, a staff member named in a case's reports is excluded at the assessment at the
latest (`named_staff_exclude`, called by case_assess), with the coordinators alerted by a
content-free email."""

from __future__ import annotations

import re

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.intake.models import Report
from meldpunt.notifications import notify

from . import selectors
from .models import Case, CaseExclusion


def report_desk_involvement_clear(*, report: Report, actor: User) -> Report:
    """The coordinator confirms the persons concerned are kept out of the report's case; from now on
    the desk's handlers may see it (those excluded still do not)."""
    from .services import ActionRefused, _case_of, _lock_report

    with transaction.atomic():
        report = _lock_report(actor, report.pk)
        if not (actor.is_desk_coordinator and actor.desk == report.desk):
            raise ActionRefused(_("Only a coordinator of the desk decides who at the desk may see this report."))
        if not report.desk_involved or report.desk_involvement_cleared_at is not None:
            raise ActionRefused(_("This report is not waiting for exclusions."))
        case = _case_of(report)
        if case is None:
            raise ActionRefused(_("Open a case for the report first, and exclude the persons concerned from it."))
        report.desk_involvement_cleared_at = timezone.now()
        Report.objects.filter(pk=report.pk).update(desk_involvement_cleared_at=report.desk_involvement_cleared_at)
        audit_record(actor=actor, action="report.desk_involvement_cleared", target=report, case=str(case.pk),
                     excluded=case.exclusions.count())
    return report


def _named(user: User, texts: list[str]) -> bool:
    name = user.get_full_name().strip()
    if len(name.split()) < 2:  # a first name alone names too many people
        return False
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)", re.IGNORECASE)
    return any(pattern.search(text) for text in texts)


def named_staff_exclude(*, case: Case, actor: User) -> list[User]:
    """Exclude every staff member of the desk named (by full name) in the case's reports, inside the
    caller's transaction; the coordinators are told after commit. Returns who was excluded."""
    texts = []
    for report in Report.objects.filter(case_link__case=case):
        texts += [report.unseal(field) for field in ("narrative", "involved", "witnesses")]
    already = set(case.exclusions.values_list("user_id", flat=True))
    excluded = []
    for user in selectors.desk_staff(case.desk).exclude(pk__in=already):
        if _named(user, texts):
            CaseExclusion.objects.create(case=case, user=user, reason=CaseExclusion.Reason.NAMED_IN_REPORT, excluded_by=actor,
                                         excluded_at=timezone.now())
            audit_record(actor=actor, action="case.staff_excluded", target=case, user=user.pk, reason="named_in_report", automatic=True)
            excluded.append(user)
    if excluded:
        if case.handler_id in {u.pk for u in excluded}:
            Case.objects.filter(pk=case.pk).update(handler=None, assigned_at=None)
            case.handler, case.assigned_at = None, None
        recipients, link = selectors.desk_coordinator_emails(case.desk), reverse("cases:case-detail", kwargs={"case_id": case.pk})
        transaction.on_commit(lambda: notify(recipients=recipients, template="named_staff_excluded", language="nl", link=link))
    return excluded
