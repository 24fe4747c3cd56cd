"""Desk pages for what a case records beyond its state: the persons concerned and their outcomes,
the record of its instrument, and the lessons learned at closure.
Thin like views.py: selectors decide what is visible, forms validate, services write."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from meldpunt.accounts.permissions import role_required

from . import selectors, services, workflow
from .forms import InstrumentEntryForm, MeasureForm, PersonForm
from .views import COORDINATOR_ROLES, DESK_ROLES, _visible_case, _year_form


def _persons_page(request, case, *, form=None, status=200):
    persons = selectors.case_persons(case)
    services.case_persons_read(user=request.user, case=case, persons=len(persons))
    context = {
        "case": case,
        "persons": [(person, person.unseal("name"), person.unseal("role"), measures) for person, measures in persons],
        "form": form or PersonForm(),
        "editable": case.state != "closed",
    }
    return render(request, "cases/persons.html", context, status=status)


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def case_persons(request, case_id):
    case = _visible_case(request, case_id)
    if request.method != "POST":
        return _persons_page(request, case)
    form = PersonForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            person = services.person_concerned_add(
                case=case, actor=request.user, name=data["name"], role=data["role"], finding=data["finding"],
                finding_on=data["finding_on"], form_token=data["form_token"],
            )
        except services.AlreadyDone:
            return redirect("cases:case-persons", case_id=case.pk)
        except services.ActionRefused as exc:
            for reason in exc.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, _("Person %(number)s added.") % {"number": person.number})
            return redirect("cases:case-person", case_id=case.pk, person_id=person.pk)
    return _persons_page(request, case, form=form, status=400)


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def case_person(request, case_id, person_id):
    case = _visible_case(request, case_id)
    found = [(p, m) for p, m in selectors.case_persons(case) if p.pk == person_id]
    if not found:
        raise Http404
    person, measures = found[0]
    name, role = person.unseal("name"), person.unseal("role")
    action = request.POST.get("action", "")
    form = PersonForm(request.POST if action == "save" else None, initial={
        "name": name, "role": role, "finding": person.finding, "finding_on": person.finding_on,
    })
    measure_form = MeasureForm(request.POST if action == "add_measure" else None)
    status = 200
    if request.method == "POST":
        status = 400
        try:
            if action == "save" and form.is_valid():
                data = form.cleaned_data
                services.person_concerned_update(
                    case=case, person_id=person.pk, actor=request.user, name=data["name"], role=data["role"],
                    finding=data["finding"], finding_on=data["finding_on"],
                )
                messages.success(request, _("Person %(number)s saved.") % {"number": person.number})
                return redirect("cases:case-person", case_id=case.pk, person_id=person.pk)
            if action == "add_measure" and measure_form.is_valid():
                services.person_measure_record(
                    case=case, person_id=person.pk, actor=request.user, measure=measure_form.cleaned_data["measure"],
                    taken_on=measure_form.cleaned_data["taken_on"],
                )
                messages.success(request, _("Measure recorded."))
                return redirect("cases:case-person", case_id=case.pk, person_id=person.pk)
            if action == "remove_measure":
                measure_id = next((m.pk for m in measures if str(m.pk) == request.POST.get("measure_id")), None)
                services.person_measure_remove(case=case, person_id=person.pk, actor=request.user, measure_id=measure_id)
                messages.success(request, _("Measure removed."))
                return redirect("cases:case-person", case_id=case.pk, person_id=person.pk)
        except services.ActionRefused as exc:
            target = measure_form if action == "add_measure" else form
            for reason in exc.reasons:
                target.add_error(None, reason) if target.is_bound else messages.error(request, reason)
    services.case_persons_read(user=request.user, case=case, persons=1)
    context = {
        "case": case, "person": person, "name": name, "role": role, "measures": measures,
        "form": form, "measure_form": measure_form, "editable": case.state != "closed",
    }
    return render(request, "cases/person.html", context, status=status)


def _entry_form(case, persons, data=None):
    return InstrumentEntryForm(
        data, kinds=workflow.INSTRUMENT_KINDS.get(case.instrument, ()),
        persons=[(str(p.pk), _("Person %(number)s") % {"number": p.number}) for p, _m in persons],
    )


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def case_instrument(request, case_id):
    """The record of the case's instrument: what it still needs before the decision, its entries, and
    a form to add one."""
    case = _visible_case(request, case_id)
    persons = selectors.case_persons(case)
    form = _entry_form(case, persons, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.instrument_entry_add(
                    case=case, actor=request.user, kind=data["kind"], text=data["text"], on=data["on"],
                    person_id=data["person"] or None, detail=data["detail"], response=data["response"] or "",
                    form_token=data["form_token"],
                )
            except services.AlreadyDone:
                return redirect("cases:case-instrument", case_id=case.pk)
            except services.ActionRefused as exc:
                for reason in exc.reasons:
                    form.add_error(None, reason)
            else:
                messages.success(request, _("Recorded."))
                return redirect("cases:case-instrument", case_id=case.pk)
    entries = selectors.instrument_entries(case)
    services.case_instrument_record_read(user=request.user, case=case, entries=len(entries))
    context = {
        "case": case, "form": form,
        "entries": [(entry, entry.unseal("text"), entry.unseal("response")) for entry in entries],
        "missing": workflow.instrument_record_missing(case.instrument, selectors.instrument_entry_facts(case), persons) if case.instrument else [],
        "editable": case.state in ("addressing", "decided") and bool(workflow.INSTRUMENT_KINDS.get(case.instrument)),
    }
    return render(request, "cases/instrument_record.html", context, status=status)


@role_required(*COORDINATOR_ROLES)
@require_GET
def lessons(request):
    """The lessons learned at closure in the coordinator's desk, per year: text, category and
    instrument only (no reference, no names, no author)."""
    from . import figures as annual

    form = _year_form(request)
    items = services.lessons_for_coordinator(user=request.user, year=form.cleaned_data["year"]) if form.is_valid() else []
    labels = annual.category_labels()
    context = {
        "form": form,
        "lessons": [(lesson, text, labels.get(lesson.rijk_category_code, "—")) for lesson, text in items],
    }
    return render(request, "cases/lessons.html", context, status=200 if form.is_valid() else 400)
