"""The staff transparency page (issue 16 point 4): what happened with reports this year and last,
organisation-wide, from the same suppressed selector as the coordinator's export, and the anonymised
example outcomes that the CCI coordinator wrote and approved. Services and selectors for it live here;
the views are in transparency_views.py."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meldpunt.accounts.models import Desk, Role, User
from meldpunt.audit.services import audit_record

from . import figures
from .models import ExampleOutcome
from .services import ActionRefused

# What the page shows: (figure, breakdown) groups of the annual figures, in this order.
SHOWN = [
    ("reports", ""),
    ("acknowledgement", "outcome"),
    ("feedback", "outcome"),
    ("investigations", ""),
    ("findings", "finding"),
    ("measures", "measure"),
    ("retaliation_concerns", "outcome"),
    ("retaliation_measures", "retaliation_measure"),
    ("willingness_report_again", "willingness"),
    ("willingness_felt_safe", "willingness"),
]


def transparency_figures(*, year: int) -> tuple[figures.Figures, figures.Figures]:
    """This year and the one before, across all desks, suppressed (the same numbers as the export)."""
    desks = tuple(Desk.values)
    return figures.annual_figures(desks=desks, year=year), figures.annual_figures(desks=desks, year=year - 1)


def examples_published(*, years) -> list[ExampleOutcome]:
    return list(ExampleOutcome.objects.filter(year__in=years, approved_at__isnull=False))


def examples_for_coordinator(*, user: User):
    if user.role != Role.CCI_COORDINATOR:
        return ExampleOutcome.objects.none()
    return ExampleOutcome.objects.all()


def _check(actor: User) -> None:
    if actor.role != Role.CCI_COORDINATOR:
        raise ActionRefused(_("Only the CCI coordinator writes and approves the examples on the transparency page."))


def example_outcome_write(*, actor: User, year: int, texts: dict[str, str]) -> ExampleOutcome:
    """A new example, not yet shown: texts per language field (text_nl, text_en, ...)."""
    _check(actor)
    with transaction.atomic():
        example = ExampleOutcome(year=year, written_by=actor, written_at=timezone.now(), **texts)
        example.full_clean()
        example.save()
        audit_record(actor=actor, action="transparency.example_written", target=example, year=year)
    return example


def example_outcome_approve(*, actor: User, example: ExampleOutcome) -> ExampleOutcome:
    """Approve an example for the page (or withdraw an approved one: approve=False)."""
    _check(actor)
    with transaction.atomic():
        example = ExampleOutcome.objects.select_for_update().get(pk=example.pk)
        if example.approved_at is None:
            example.approved_at, example.approved_by = timezone.now(), actor
        else:
            example.approved_at, example.approved_by = None, None
        example.save(update_fields=["approved_at", "approved_by"])
        audit_record(actor=actor, action="transparency.example_approved" if example.approved_at else "transparency.example_withdrawn",
                     target=example)
    return example
