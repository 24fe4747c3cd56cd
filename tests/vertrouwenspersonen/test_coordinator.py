"""The counsellor coordinator: coverage, anonymous figures, training and intervision."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import Category
from meldpunt.organisation.models import Post
from vertrouwenspersonen import selectors
from vertrouwenspersonen.models import TrainingEvent
from vertrouwenspersonen.selectors import Cell, Quarter, quarters_up_to, suppress_column

# --- coverage -------------------------------------------------------------------------------------


@pytest.fixture
def world(region, europe, post, paris, cairo, make_counsellor):
    """Rabat (ar, fr, nl) and Cairo (ar, en, nl) in the Middle East; Paris (fr, nl, en) in Europe."""
    lisbon = Post.objects.create(code="lisbon", name="Ambassade Lissabon", name_en="Embassy Lisbon", kind="embassy",
                                 city="Lisboa", country_code="PT", region=europe, languages="pt,nl,en")
    make_counsellor("Camille Laurent", languages=["fr", "nl", "en"], posts=[paris])
    make_counsellor("Youssef Benali", languages=["fr", "en"], posts=[cairo])
    make_counsellor("Hidden", languages=["ar", "pt"], regions=[region, europe], is_published=False)
    return {"rabat": post, "cairo": cairo, "paris": paris, "lisbon": lisbon}


def test_coverage_lists_posts_and_regions_without_a_counsellor(world, coordinator, client_for, region, europe):
    coverage = selectors.coverage_overview()
    assert {row.post.code for row in coverage.posts_without_counsellor} == {"rabat", "lisbon"}  # the hidden one does not count
    assert {row.region.code for row in coverage.regions_without_counsellor} == {"mena", "europe"}
    html = client_for(coordinator).get(reverse("counsellors:coverage"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Embassy Rabat" in html and "Embassy Lisbon" in html


def test_coverage_lists_languages_that_no_counsellor_covering_a_post_speaks(world, make_counsellor, region):
    gaps = {row.post.code: [code for code, _name in row.missing_languages] for row in selectors.coverage_overview().posts_with_language_gaps}
    assert gaps == {"cairo": ["ar", "nl"]}
    # A regional counsellor who speaks Arabic closes that gap, for Rabat too.
    make_counsellor("Layla Mansour", languages=["ar"], regions=[region])
    coverage = selectors.coverage_overview()
    gaps = {row.post.code: [code for code, _name in row.missing_languages] for row in coverage.posts_with_language_gaps}
    assert gaps == {"cairo": ["nl"], "rabat": ["fr", "nl"]}
    assert {row.post.code for row in coverage.posts_without_counsellor} == {"lisbon"}
    assert not any(row.region.code == "mena" for row in coverage.regions_without_counsellor)


def test_coverage_costs_the_same_number_of_queries_for_many_counsellors(world, make_counsellor, region):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            selectors.coverage_overview()
        return len(captured)

    few = queries()
    for number in range(20):
        make_counsellor(f"C {number}", languages=["ar"], regions=[region], posts=[world["cairo"]])
    assert queries() == few


# --- figures --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "cells", "total"),
    [
        ([12, 7, 0], [12, 7, 0], 12 + 7),
        # One small count: hidden, and the smallest other count with it, or the total would give it away.
        ([12, 7, 3], [12, None, None], 22),
        ([12, 7, 3, 0], [12, None, None, 0], 22),
        # Two small counts already hide each other.
        ([12, 2, 3], [12, None, None], 17),
        # A total under five hides everything but the zeros.
        ([2, 1, 0], [None, None, 0], None),
        ([0, 0], [0, 0], 0),
        ([5, 0], [5, 0], 5),
        ([4, 0, 9], [None, 0, None], 13),
    ],
)
def test_small_counts_are_suppressed(values, cells, total):
    shown, shown_total = suppress_column(values)
    assert [cell.value for cell in shown] == cells
    assert shown_total == Cell(total)


def test_a_hidden_count_cannot_be_worked_out_from_its_column():
    for values in ([1, 9, 9], [4, 5, 20, 6], [3, 30], [1, 1, 1, 1, 1], [2, 8, 0, 0]):
        cells, total = suppress_column(values)
        hidden = [i for i, cell in enumerate(cells) if cell.suppressed]
        if hidden and not total.suppressed:
            assert len(hidden) >= 2, values


def test_quarters():
    assert quarters_up_to(datetime.date(2026, 2, 10), 3) == [Quarter(2025, 3), Quarter(2025, 4), Quarter(2026, 1)]
    assert Quarter(2026, 4).first_day == datetime.date(2026, 10, 1)


def test_the_coordinator_sees_anonymous_figures_per_topic_region_and_quarter(
    counsellor_user, other_counsellor_user, log_session, coordinator, client_for, region, europe, paris, category
):
    bullying = Category.objects.get(code="bullying")
    harassment = Category.objects.get(code="sexual_harassment")
    for day in range(8):
        log_session(counsellor_user, held_on=datetime.date(2026, 1, 5 + day), advice=f"Geheim advies {day}")
    for day in range(6):
        log_session(counsellor_user, held_on=datetime.date(2026, 3, 5 + day), topic=harassment)
    for day in range(3):
        log_session(other_counsellor_user, held_on=datetime.date(2026, 2, 5 + day), post=paris, topic=bullying)
    log_session(other_counsellor_user, held_on=datetime.date(2026, 4, 1), region=europe, post=None)

    figures = selectors.session_figures(today=datetime.date(2026, 5, 1), quarter_count=2)
    assert figures.quarters == [Quarter(2026, 1), Quarter(2026, 2)]
    topics = dict(figures.by_topic.labelled_rows)
    # Q1: bullying (3) is hidden, and harassment (6), the smallest other count, with it; the total stays.
    # Q2: one session in all: everything but the zeros is hidden.
    assert [c.value for c in topics[f"— {category.name}"]] == [8, None]
    assert [c.value for c in topics[f"— {harassment.name}"]] == [None, 0]
    assert [c.value for c in topics[f"— {bullying.name}"]] == [None, 0]
    assert [c.value for c in figures.by_topic.totals] == [17, None]
    assert list(topics) == [f"— {category.name}", f"— {harassment.name}", f"— {bullying.name}"]  # only topics with sessions
    regions = dict(figures.by_region.labelled_rows)
    assert [c.value for c in regions[region.name]] == [None, 0]
    assert [c.value for c in regions[europe.name]] == [None, None]

    reads_before = AuditEvent.objects.filter(action="advice_session.read").count()
    html = client_for(coordinator).get(reverse("counsellors:figures")).content.decode()
    assert "Geheim advies" not in html and "Uitgelegd" not in html
    assert AuditEvent.objects.filter(action="advice_session.read").count() == reads_before


def test_the_figures_never_load_a_sealed_field(counsellor_user, log_session):
    log_session(counsellor_user, held_on=datetime.date.today())
    with CaptureQueriesContext(connection) as captured:
        selectors.session_figures()
    assert not any("advice_sealed" in q["sql"] or "wrapped_key" in q["sql"] for q in captured)


def test_the_coordinator_cannot_open_any_session(counsellor_user, log_session, coordinator, client_for):
    session = log_session(counsellor_user)
    client = client_for(coordinator)
    assert client.get(reverse("counsellors:sessions")).status_code == 403
    assert client.get(reverse("counsellors:session-detail", args=[session.pk])).status_code == 403
    assert not selectors.advice_sessions_visible_to(coordinator).exists()


# --- training and intervision ---------------------------------------------------------------------


def test_the_coordinator_records_training_and_intervision(coordinator, client_for, make_counsellor, region):
    amira = make_counsellor("Amira Haddad")
    karim = make_counsellor("Karim Ouazzani")
    make_counsellor("Nobody Went")
    client = client_for(coordinator)
    url = reverse("counsellors:training-new")

    def record(**fields):
        token = client.get(url).context["form"].initial["submission_token"]
        data = {"kind": "training", "title": "Training seksuele intimidatie", "held_on": "2026-03-03",
                "region": "", "attendees": [str(amira.pk), str(karim.pk)], "submission_token": token}
        data.update(fields)
        return client.post(url, data), data

    response, data = record()
    assert response.status_code == 302
    assert client.post(url, data).status_code == 302  # a double submit
    assert TrainingEvent.objects.count() == 1
    record(kind="intervision", title="Intervisie MENA", held_on="2026-04-01", region=str(region.pk), attendees=[str(amira.pk)])

    overview = {c.name: c for c in selectors.training_overview()}
    assert (overview["Amira Haddad"].trainings, overview["Amira Haddad"].intervisions) == (1, 1)
    assert overview["Amira Haddad"].last_attended == datetime.date(2026, 4, 1)
    assert (overview["Karim Ouazzani"].trainings, overview["Karim Ouazzani"].intervisions) == (1, 0)
    assert overview["Nobody Went"].last_attended is None
    html = client.get(reverse("counsellors:training")).content.decode()
    assert "Intervisie MENA" in html and "Nobody Went" in html
    assert AuditEvent.objects.filter(action="training.recorded").count() == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [({"attendees": []}, "attendees"), ({"title": "  "}, "title"), ({"held_on": "2099-01-01"}, "held_on"),
     ({"held_on": "soon"}, "held_on"), ({"kind": "party"}, "kind"), ({"attendees": ["999999"]}, "attendees")],
)
def test_bad_training_input_is_explained(coordinator, client_for, make_counsellor, overrides, field):
    amira = make_counsellor("Amira Haddad")
    data = {"kind": "training", "title": "Training", "held_on": "2026-03-03", "attendees": [str(amira.pk)]}
    data.update(overrides)
    response = client_for(coordinator).post(reverse("counsellors:training-new"), data)
    assert response.status_code == 400 and field in response.context["form"].errors
    assert not TrainingEvent.objects.exists()
