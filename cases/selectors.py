"""Need-to-know, in one place: every staff read of reports starts here."""

from django.db.models import QuerySet

from meldpunt.intake.models import Report


def reports_visible_to(user) -> QuerySet[Report]:
    """The reports of the user's own desk; nothing for anyone who is not desk staff."""
    if not (user.is_authenticated and user.is_desk_staff):
        return Report.objects.none()
    return Report.objects.filter(desk=user.desk)


def desk_inbox(user) -> QuerySet[Report]:
    return reports_visible_to(user).select_related("category", "category__parent", "post").order_by("-received_at")
