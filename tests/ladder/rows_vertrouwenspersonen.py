"""Counsellor area: the public directory, the counsellor's own pages, the coordinator's pages.

The plain session rows use a session of a *second* counsellor: nobody may open it, not the ladder's
own counsellor, not the coordinator, the desks or an administrator. Where the ladder takes a second
row per URL name (Row.variant), the counsellor's own session is laddered too: only they get in.
tests/vertrouwenspersonen/test_sessions.py tests both either way.
"""

import datetime
import io

from meldpunt.accounts.models import Role

from .core import EVERYONE, Row

COUNSELLOR = frozenset({Role.COUNSELLOR})
COORDINATOR = frozenset({Role.COUNSELLOR_COORDINATOR})
NOBODY = frozenset()


def extend_context(ctx: dict) -> None:
    """Objects the rows below need: a published profile with a photo for the ladder's counsellor,
    and a second counsellor with a session of their own."""
    from django.utils import timezone
    from PIL import Image

    from meldpunt.intake.models import Category
    from tests.conftest import make_staff
    from vertrouwenspersonen import services
    from vertrouwenspersonen.photos import photo_from_bytes

    counsellor_user = ctx["users"][Role.COUNSELLOR]
    coordinator = ctx["users"][Role.COUNSELLOR_COORDINATOR]
    post = counsellor_user.post
    picture = io.BytesIO()
    Image.new("RGB", (40, 40), (20, 60, 120)).save(picture, format="PNG")
    ctx["counsellor_profile"] = services.counsellor_create(
        actor=coordinator,
        changes={
            "name": "Ladder Counsellor", "user": counsellor_user, "is_published": True, "languages": ["ar", "fr"],
            "posts": [post], "photo": photo_from_bytes(picture.getvalue()),
        },
    )
    other = make_staff(Role.COUNSELLOR, username="second-counsellor", post=post)
    ctx["other_counsellor"] = other
    ctx["own_session"] = services.advice_session_log(
        actor=counsellor_user, held_on=datetime.date(2026, 1, 14), channel="video", post=post,
        topic=Category.objects.get(code="bullying"), advice="Sealed advice of the ladder's counsellor.", follow_up="none",
    )
    ctx["other_session"] = services.advice_session_log(
        actor=other, held_on=datetime.date(2026, 1, 15), channel="phone", post=post,
        topic=Category.objects.get(code="racism_discrimination"), advice="Sealed advice of the second counsellor.",
        follow_up="none",
    )
    ctx["work_location"] = services.work_location_save(
        actor=coordinator, post=post, name="Residence", staff_groups=["residence_staff", "drivers"], languages=["ar"],
        counsellors=[ctx["counsellor_profile"]],
    )
    ctx["training_session"] = services.training_session_schedule(
        actor=coordinator, kind="training", title="Ladder training", held_on=timezone.localdate() + datetime.timedelta(days=30),
        language="fr", video_link="https://video.example.org/room",
    )
    from django.apps import apps

    from meldpunt.intake.services import ReportDetails, report_submit
    from vertrouwenspersonen.complaint_category import CODE, add_category

    add_category(apps)
    complaint_report = report_submit(
        details=ReportDetails(category=Category.objects.get(code=CODE), post=post, narrative="The counsellor told my manager."),
        channel="central", language="en", submission_token="ladder-complaint",
    ).report
    ctx["complaint"] = complaint_report.counsellor_complaint
    ctx["poster_batch"] = services.poster_prints_make(actor=coordinator, posts=[post], kind="poster", paper="a4")


def _profile(ctx):
    return {"counsellor_id": ctx["counsellor_profile"].pk}


def _other_session(ctx):
    return {"session_id": ctx["other_session"].pk}


def _training_session(ctx):
    return {"event_id": ctx["training_session"].pk}


def _poster_batch(ctx):
    return {"batch": ctx["poster_batch"]}


def _own_session(ctx):
    return {"session_id": ctx["own_session"].pk}


ROWS = [
    # Public: the directory is for all staff, including locally hired staff who have no account.
    Row("vertrouwenspersonen:directory", EVERYONE),
    Row("vertrouwenspersonen:profile", EVERYONE, kwargs=_profile),
    Row("vertrouwenspersonen:photo", EVERYONE, kwargs=_profile),
    # Where a poster's QR code leads: the portal's home page in the post's language.
    Row("vertrouwenspersonen:open", EVERYONE, kwargs=lambda ctx: {"language": "ar"}),
    # The counsellor's own pages.
    Row("counsellors:own-profile", COUNSELLOR),
    Row("counsellors:own-profile-confirm", COUNSELLOR, method="post"),
    Row("counsellors:own-disclosures", COUNSELLOR),
    Row("counsellors:sessions", COUNSELLOR),
    # Training: the counsellor signs up (the ladder's counsellor has a profile; others have none).
    Row("counsellors:my-training", COUNSELLOR),
    Row("counsellors:my-training-sign-up", COUNSELLOR, method="post", kwargs=_training_session),
    Row("counsellors:my-training-cancel", COUNSELLOR, method="post", kwargs=_training_session),
    Row("counsellors:session-new", COUNSELLOR),
    # Another counsellor's session: closed to everyone on the ladder.
    Row("counsellors:session-detail", NOBODY, kwargs=_other_session),
    Row("counsellors:session-edit", NOBODY, kwargs=_other_session),
    Row("counsellors:session-forward", NOBODY, kwargs=_other_session),
    Row("counsellors:session-forwarded", NOBODY, kwargs=_other_session),
    # The coordinator's pages: no session content on any of them.
    Row("counsellors:manage", COORDINATOR),
    Row("counsellors:manage-new", COORDINATOR),
    Row("counsellors:manage-edit", COORDINATOR, kwargs=_profile),
    Row("counsellors:coverage", COORDINATOR),
    Row("counsellors:figures", COORDINATOR),
    Row("counsellors:training", COORDINATOR),
    Row("counsellors:training-new", COORDINATOR),
    Row("counsellors:training-schedule", COORDINATOR),
    Row("counsellors:training-attendance", COORDINATOR, kwargs=_training_session),
    # Residences and other work locations of posts.
    Row("counsellors:locations", COORDINATOR),
    Row("counsellors:location-new", COORDINATOR),
    Row("counsellors:location-edit", COORDINATOR, kwargs=lambda ctx: {"location_id": ctx["work_location"].pk}),
    # Complaints about counsellors: the coordinator only, never a counsellor or a desk.
    Row("counsellors:complaints", COORDINATOR),
    Row("counsellors:complaint", COORDINATOR, kwargs=lambda ctx: {"complaint_id": ctx["complaint"].pk}),
    # Posters and leaflets: made and printed by the coordinator.
    Row("counsellors:posters", COORDINATOR),
    Row("counsellors:poster-batch", COORDINATOR, kwargs=_poster_batch),
]

if "variant" in Row.__dataclass_fields__:  # a second row per URL name, once the ladder supports it
    ROWS += [
        Row("counsellors:session-detail", COUNSELLOR, kwargs=_own_session, variant="own session"),
        Row("counsellors:session-edit", COUNSELLOR, kwargs=_own_session, variant="own session"),
        Row("counsellors:session-forward", COUNSELLOR, kwargs=_own_session, variant="own session"),
        # Not yet forwarded: the receipt page sends its counsellor on to the forward form.
        Row("counsellors:session-forwarded", COUNSELLOR, kwargs=_own_session, variant="own session"),
    ]
