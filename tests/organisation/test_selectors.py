"""The posts a reporter, a manager or a counsellor can choose from (organisation.selectors)."""

from django.test import Client
from django.urls import reverse

from meldpunt.organisation.models import Post
from meldpunt.organisation.selectors import posts_for_choice


def test_the_report_form_lists_directorates_first_then_posts_abroad_each_alphabetically(region):
    # Made out of order on purpose: the list must not follow the order they were added in.
    def make(code, name, kind, active=True):
        Post.objects.create(code=code, name=name, name_nl=name, name_en=name, kind=kind, city="X", country_code="NL",
                            region=region, is_active=active)

    make("zeta", "Ambassade Zeta", Post.Kind.EMBASSY)
    make("alfa", "Ambassade Alfa", Post.Kind.EMBASSY)
    make("beta", "Ambassade Beta (gesloten)", Post.Kind.EMBASSY, active=False)
    make("omega", "Directie Omega", Post.Kind.DIRECTORATE)
    page = Client(HTTP_ACCEPT_LANGUAGE="nl").get(reverse("intake:report")).content.decode()
    assert "Ambassade Beta (gesloten)" not in page, "a closed post is not offered"
    positions = [page.index(f">{name}<") for name in ("Directie Omega", "Ambassade Alfa", "Ambassade Zeta")]
    assert positions == sorted(positions)


def test_the_choice_of_posts_costs_one_query_regions_included(region, post, django_assert_num_queries):
    with django_assert_num_queries(1):
        regions = {p.region.name for p in posts_for_choice()}
    assert region.name in regions
