"""Counsellor directory with 1,000 profiles: a filtered search against a bare read page, same run.

Served through Django's test Client (no network, no server, templates rendered as in production), so
the figures compare the pages with each other on this machine rather than measure a deployment.
"""

from __future__ import annotations

import io
import random
import statistics
import time

N_PROFILES = 1000
REQUESTS = 300
BENCH_PREFIX = "Bench counsellor "


def _setup() -> dict:
    from django.core.management import call_command
    from django.db import transaction

    from meldpunt import demo as meldpunt_demo
    from meldpunt.organisation.models import Post, Region
    from vertrouwenspersonen.languages import SPOKEN_LANGUAGES
    from vertrouwenspersonen.models import (
        Counsellor,
        CounsellorLanguage,
        CounsellorSpecialism,
        Kind,
        Specialism,
    )

    call_command("migrate", verbosity=0, interactive=False)
    meldpunt_demo.load(io.StringIO())
    posts = list(Post.objects.all())
    regions = list(Region.objects.all())
    rng = random.Random(1000)
    with transaction.atomic():
        Counsellor.objects.filter(name__startswith=BENCH_PREFIX).delete()
        counsellors = Counsellor.objects.bulk_create(
            Counsellor(
                name=f"{BENCH_PREFIX}{number:04d}", kind=rng.choice(Kind.values), gender=rng.choice(["woman", "man", "non_binary", ""]),
                shows_bicultural_background=rng.random() < 0.3, shows_lived_experience=rng.random() < 0.2,
                introduction_nl="Ik luister en adviseer.", introduction_en="I listen and advise.",
                phone="+31 70 000 0000", email=f"bench{number}@example.org",
            )
            for number in range(N_PROFILES)
        )
        codes = [code for code, _name in SPOKEN_LANGUAGES]
        CounsellorLanguage.objects.bulk_create(
            CounsellorLanguage(counsellor=c, code=code) for c in counsellors for code in rng.sample(codes, rng.randint(1, 4))
        )
        CounsellorSpecialism.objects.bulk_create(
            CounsellorSpecialism(counsellor=c, code=code)
            for c in counsellors for code in rng.sample(Specialism.values, rng.randint(0, 2))
        )
        Counsellor.posts.through.objects.bulk_create(
            Counsellor.posts.through(counsellor_id=c.pk, post_id=post.pk) for c in counsellors for post in rng.sample(posts, rng.randint(0, 3))
        )
        Counsellor.regions.through.objects.bulk_create(
            Counsellor.regions.through(counsellor_id=c.pk, region_id=region.pk)
            for c in counsellors if rng.random() < 0.3 for region in rng.sample(regions, 1)
        )
    mena = Region.objects.get(code="mena")
    return {"region": mena, "post": Post.objects.get(code="rabat"), "profile": counsellors[N_PROFILES // 2]}


def _measure(client, url: str, params: dict | None = None) -> tuple[float, float, int]:
    for _i in range(10):  # warm up
        response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _i in range(REQUESTS):
        started = time.perf_counter()
        client.get(url, params or {})
        timings.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(timings, n=100)
    return cuts[49], cuts[94], len(response.content)


def run() -> None:
    from django.test import Client
    from django.urls import reverse

    ctx = _setup()
    # Not setup_test_environment(): its instrumented template rendering would dominate the figures.
    client = Client(HTTP_ACCEPT_LANGUAGE="en", HTTP_HOST="localhost")
    directory = reverse("vertrouwenspersonen:directory")
    cases = [
        ("bare read page: one profile (indexed read)", reverse("vertrouwenspersonen:profile", args=[ctx["profile"].pk]), None),
        ("directory, no filter (page 1 of 50)", directory, None),
        ("filtered search: region + language", directory, {"region": ctx["region"].pk, "language": "ar"}),
        ("filtered search: post + language + gender + specialism",
         directory, {"post": ctx["post"].pk, "language": "fr", "gender": "woman", "specialism": "racism_discrimination"}),
        ("filtered search: all filters and a name", directory,
         {"q": "counsellor 0", "region": ctx["region"].pk, "language": "en", "kind": "internal", "bicultural": "on"}),
    ]
    print(f"{N_PROFILES} published profiles, {REQUESTS} requests each, Django test Client")
    print(f"{'page':<58}{'p50 ms':>8}{'p95 ms':>8}{'KB':>7}")
    base = None
    for label, url, params in cases:
        p50, p95, size = _measure(client, url, params)
        base = base or p50
        print(f"{label:<58}{p50:>8.2f}{p95:>8.2f}{size / 1024:>7.1f}   x{p50 / base:.1f} of the bare read")
