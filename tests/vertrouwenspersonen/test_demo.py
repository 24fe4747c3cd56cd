"""`make run` shows a realistic directory."""

import io

from django.core.management import call_command

from meldpunt.accounts.models import User
from vertrouwenspersonen.models import AdviceSession, Counsellor, CounsellorLanguage, TrainingEvent


def test_the_demo_directory_is_realistic_and_loads_twice_without_doubling(db, settings):
    settings.DEBUG = True  # load_demo refuses without it
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=out)
    counsellors = Counsellor.objects.all()
    assert counsellors.count() >= 30
    assert counsellors.filter(kind="external").count() >= 5
    assert {"woman", "man", "non_binary"} <= set(counsellors.values_list("gender", flat=True))
    assert counsellors.filter(shows_bicultural_background=True).count() >= 10
    assert counsellors.filter(shows_lived_experience=True).count() >= 5
    assert counsellors.filter(specialism_rows__code="racism_discrimination").exists()
    assert counsellors.filter(specialism_rows__code="sexual_harassment").exists()
    assert set(CounsellorLanguage.objects.values_list("code", flat=True)) >= set(settings.REPORTER_LANGUAGES)
    for language in ("introduction_ar", "introduction_fr", "introduction_es", "introduction_pt", "introduction_ru", "introduction_zh_hans"):
        assert counsellors.exclude(**{f"{language}__isnull": True}).exclude(**{language: ""}).exists(), language
    assert all(c.introduction_nl for c in counsellors)  # Dutch first
    amira = User.objects.get(username="counsellor")
    assert Counsellor.objects.get(user=amira).name == "Amira Haddad"
    assert AdviceSession.objects.filter(counsellor=amira).count() >= 30
    assert not AdviceSession.objects.exclude(counsellor=amira).exists()
    assert TrainingEvent.objects.count() >= 4
