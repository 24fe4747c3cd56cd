"""Views of the transparency page: the public one (no sign-in, every reporter language) and the CCI
coordinator's list where examples are written and approved."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meldpunt.accounts.models import Role
from meldpunt.accounts.permissions import role_required
from meldpunt.public_cache import compressed_when_public

from . import transparency
from .forms import ExampleOutcomeForm
from .services import ActionRefused


@compressed_when_public
@require_GET
def page(request):
    """For all staff, no sign-in: the figures of this year and last, suppressed, and approved examples."""
    year = timezone.localdate().year
    current, previous = transparency.transparency_figures(year=year)
    groups = []
    for figure, breakdown in transparency.SHOWN:
        cells = [c for c in current.cells if (c.figure, c.breakdown) == (figure, breakdown)]
        groups.append({"figure": figure, "breakdown": breakdown,
                       "rows": [(c, previous.get(figure, breakdown, c.key)) for c in cells]})
    examples = transparency.examples_published(years=[year, year - 1])
    return render(request, "transparency.html", {"groups": groups, "year": year, "previous_year": year - 1, "examples": examples})


@role_required(Role.CCI_COORDINATOR)
@require_http_methods(["GET", "POST"])
def examples(request):
    form = ExampleOutcomeForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            transparency.example_outcome_write(
                actor=request.user, year=form.cleaned_data["year"],
                texts={k: v for k, v in form.cleaned_data.items() if k.startswith("text_")},
            )
        except ActionRefused as exc:
            for reason in exc.reasons:
                messages.error(request, reason)
        else:
            messages.success(request, _("Example saved. It is shown once you approve it."))
            return redirect("cases:transparency-examples")
    items = transparency.examples_for_coordinator(user=request.user)
    return render(request, "cases/transparency_examples.html", {"form": form, "examples": items},
                  status=400 if request.method == "POST" else 200)


@role_required(Role.CCI_COORDINATOR)
@require_POST
def approve(request, example_id):
    example = get_object_or_404(transparency.examples_for_coordinator(user=request.user), pk=example_id)
    transparency.example_outcome_approve(actor=request.user, example=example)
    return redirect("cases:transparency-examples")
