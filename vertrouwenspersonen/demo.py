"""Demo data for `make run`: a directory of 36 counsellors, training records, and advice sessions of
the demo account 'counsellor'. Safe to run again: rows are found by name or by a fixed id first.

The directory is deliberately not perfect, so the coordinator's coverage page has something to
show: Washington has no counsellor, the Americas no regional one, and nobody covering Tokyo or New
Delhi speaks Japanese or Hindi.
"""

from __future__ import annotations

import datetime
import random
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.intake.models import Category
from meldpunt.organisation.models import Post, Region

from .models import (
    AdviceSession,
    Counsellor,
    CounsellorDisclosure,
    CounsellorLanguage,
    CounsellorSpecialism,
    TrainingEvent,
    WorkLocation,
)

DEMO_NAMESPACE = uuid.UUID("6b0a3c4e-5f51-4c1e-9d8e-0c4f1f7a2b10")

AVAILABILITY = {
    "office": ("Maandag t/m donderdag, 9.00–17.00 uur (Nederlandse tijd)", "Monday to Thursday, 9:00–17:00 (Netherlands time)"),
    "evenings": ("Ook 's avonds en in het weekend, op afspraak", "Also evenings and weekends, by appointment"),
    "post": ("Op de post op dinsdag en donderdag; anders per telefoon", "At the post on Tuesdays and Thursdays; otherwise by phone"),
    "external": ("Werkdagen 8.00–20.00 uur, binnen 24 uur teruggebeld", "Weekdays 8:00–20:00, call back within 24 hours"),
}

# name, kind, organisation, gender, bicultural, lived experience, languages, specialisms, regions, posts,
# availability key, introductions {language: text}, linked demo account
COUNSELLORS = [
    ("Amira Haddad", "internal", "", "woman", True, True, ["ar", "fr", "en", "nl"], ["racism_discrimination"],
     ["mena"], ["cairo", "amman"], "post", {
         "nl": "Ik ben beleidsmedewerker in Caïro en al zes jaar vertrouwenspersoon. Ik groeide op in Rotterdam en Alexandrië en weet hoe het is om tussen twee culturen te staan.",
         "en": "I am a policy officer in Cairo and have been a confidential counsellor for six years. I grew up in Rotterdam and Alexandria and know what it is like to stand between two cultures.",
         "ar": "أعمل موظفة سياسات في القاهرة ومستشارة سرية منذ ست سنوات. نشأت في روتردام والإسكندرية وأعرف معنى العيش بين ثقافتين.",
         "fr": "Je suis chargée de mission au Caire et conseillère confidentielle depuis six ans.",
     }, "counsellor"),
    ("Karim Ouazzani", "internal", "", "man", True, True, ["ar", "ber", "fr", "nl", "en"], ["racism_discrimination", "locally_hired"],
     [], ["rabat"], "post", {
         "nl": "Als lokaal aangenomen medewerker op de ambassade in Rabat ken ik de vragen van collega's die hier zijn aangenomen. Je kunt mij in het Arabisch, Tamazight of Frans spreken.",
         "en": "As a locally hired colleague at the embassy in Rabat I know the questions of staff hired here. You can talk to me in Arabic, Tamazight or French.",
         "ar": "بصفتي موظفًا محليًا في السفارة بالرباط أعرف أسئلة الزملاء المعيّنين هنا. يمكنك التحدث معي بالعربية أو الأمازيغية أو الفرنسية.",
         "fr": "Employé recruté localement à l'ambassade de Rabat, je connais les questions des collègues recrutés ici.",
     }, None),
    ("Layla Mansour", "external", "Bureau Vertrouwd Extern", "woman", True, False, ["ar", "en", "nl"], ["sexual_harassment"],
     ["mena"], [], "external", {
         "nl": "Externe vertrouwenspersoon, gespecialiseerd in seksuele intimidatie. Ik sta los van het ministerie.",
         "en": "External counsellor specialised in sexual harassment. I am independent of the ministry.",
         "ar": "مستشارة خارجية متخصصة في التحرش الجنسي، مستقلة عن الوزارة.",
     }, None),
    ("Youssef Benali", "internal", "", "man", True, False, ["ar", "fr", "en"], [], [], ["beirut", "riyadh"], "post", {
         "nl": "Ik werk op de consulaire afdeling in Beiroet en ben er voor collega's in Beiroet en Riyad.",
         "en": "I work in the consular section in Beirut and am there for colleagues in Beirut and Riyadh.",
         "fr": "Je travaille à la section consulaire de Beyrouth, pour les collègues de Beyrouth et de Riyad.",
     }, None),
    ("Marieke van Dijk", "internal", "", "woman", False, False, ["nl", "en", "de"], ["integrity_dilemmas"],
     ["den-haag"], [], "office", {
         "nl": "Ik werk twintig jaar bij het ministerie, nu bij de Directie Bedrijfsvoering. Je kunt bij mij terecht met elke integriteitsvraag, groot of klein.",
         "en": "I have worked at the ministry for twenty years, now at the Directorate of Operations. Come to me with any integrity question, large or small.",
     }, None),
    ("Dewi Soerjadi", "internal", "", "woman", True, True, ["nl", "en", "id", "srn"], ["racism_discrimination"],
     ["den-haag"], ["jakarta"], "office", {
         "nl": "Ik ben Nederlands-Surinaams-Javaans en heb zelf racisme op de werkvloer meegemaakt. Ik luister zonder oordeel.",
         "en": "I am Dutch with Surinamese-Javanese roots and have experienced racism at work myself. I listen without judgement.",
     }, None),
    ("Sander Mulder", "internal", "", "man", False, False, ["nl", "en"], ["bullying"], ["den-haag"], [], "office", {
         "nl": "Teamleider bij Consulaire Zaken. Ik help je je gedachten te ordenen en je opties op een rij te zetten.",
         "en": "Team leader at Consular Affairs. I help you sort your thoughts and set out your options.",
     }, None),
    ("Fatima Zahra El Idrissi", "external", "Stichting Veilig Werk", "woman", True, True, ["ar", "nl", "fr", "en"], ["racism_discrimination", "sexual_harassment"],
     ["den-haag", "europe"], [], "external", {
         "nl": "Externe vertrouwenspersoon met ervaringsdeskundigheid op het gebied van racisme. Ik werk ook voor andere ministeries.",
         "en": "External counsellor with lived experience of racism. I also work for other ministries.",
         "ar": "مستشارة خارجية لديها تجربة شخصية مع العنصرية.",
         "fr": "Conseillère externe ayant une expérience vécue du racisme.",
     }, None),
    ("Joost Hendriks", "internal", "", "man", False, False, ["nl", "en", "fr"], [], ["europe"], ["pv-eu", "paris"], "office", {
         "nl": "Werkzaam bij de PV in Brussel. Bereikbaar voor alle posten in Europa.",
         "en": "Based at the Permanent Representation in Brussels. Available to all posts in Europe.",
         "fr": "En poste à la Représentation permanente à Bruxelles, disponible pour toute l'Europe.",
     }, None),
    ("Camille Laurent", "internal", "", "woman", False, False, ["fr", "nl", "en"], ["sexual_harassment"], [], ["paris", "pv-geneva"], "post", {
         "nl": "Ik werk als lokaal aangenomen medewerker in Parijs en spreek je graag in het Frans.",
         "en": "I am locally hired in Paris and am happy to talk to you in French.",
         "fr": "Je suis recrutée localement à Paris et vous écoute volontiers en français.",
     }, None),
    ("Lucía Fernández", "internal", "", "woman", True, False, ["es", "en", "nl"], ["locally_hired"], [], ["madrid", "bogota"], "post", {
         "nl": "Lokaal aangenomen in Madrid, eerder gewerkt in Bogotá.",
         "en": "Locally hired in Madrid, previously worked in Bogotá.",
         "es": "Contratada localmente en Madrid, antes trabajé en Bogotá. Puedes hablar conmigo en español.",
     }, None),
    ("João Pereira", "internal", "", "man", False, False, ["pt", "es", "en"], [], [], ["lisbon", "luanda", "maputo"], "post", {
         "nl": "Ik ben er voor collega's in Lissabon, Luanda en Maputo.",
         "en": "I am there for colleagues in Lisbon, Luanda and Maputo.",
         "pt": "Estou disponível para os colegas em Lisboa, Luanda e Maputo. Fale comigo em português.",
     }, None),
    ("Olga Ivanova", "internal", "", "woman", False, False, ["ru", "uk", "en", "nl"], [], [], ["moscow", "kyiv"], "post", {
         "nl": "Vertrouwenspersoon voor Moskou en Kyiv; ik spreek Russisch en Oekraïens.",
         "en": "Counsellor for Moscow and Kyiv; I speak Russian and Ukrainian.",
         "ru": "Доверенное лицо для Москвы и Киева. Говорю по-русски и по-украински.",
     }, None),
    ("Taras Kovalenko", "external", "Integrity Care Europe", "man", False, False, ["uk", "ru", "en", "pl"], ["aggression"],
     ["europe"], [], "external", {
         "nl": "Externe vertrouwenspersoon, ervaring met werken in crisisgebieden.",
         "en": "External counsellor, experienced in working in crisis areas.",
         "ru": "Внешний консультант с опытом работы в кризисных регионах.",
     }, None),
    ("Aminata Diallo", "internal", "", "woman", True, True, ["fr", "wo", "en", "nl"], ["racism_discrimination"], ["africa"], ["dakar"], "post", {
         "nl": "Ik werk in Dakar en ben regionaal vertrouwenspersoon voor Afrika.",
         "en": "I work in Dakar and am the regional counsellor for Africa.",
         "fr": "Je travaille à Dakar et suis conseillère régionale pour l'Afrique. Je parle aussi wolof.",
     }, None),
    ("Patrick Mbala", "internal", "", "man", True, False, ["fr", "ln", "en"], [], [], ["kinshasa"], "post", {
         "nl": "Lokaal aangenomen in Kinshasa. Ik spreek Frans en Lingala.",
         "en": "Locally hired in Kinshasa. I speak French and Lingala.",
         "fr": "Recruté localement à Kinshasa. Je parle français et lingala.",
     }, None),
    ("Grace Wanjiru", "internal", "", "woman", False, True, ["en", "sw"], ["sexual_harassment"], [], ["nairobi", "addis"], "post", {
         "nl": "Ik ben er voor collega's in Nairobi en Addis Abeba.",
         "en": "I am there for colleagues in Nairobi and Addis Ababa. I also speak Swahili.",
     }, None),
    ("Selam Tesfaye", "external", "Horn of Africa Staff Support", "woman", True, False, ["am", "ti", "en"], [], ["africa"], [], "external", {
         "nl": "Externe vertrouwenspersoon; ik spreek Amhaars en Tigrinya.",
         "en": "External counsellor; I speak Amharic and Tigrinya.",
     }, None),
    ("Li Na", "internal", "", "woman", False, False, ["zh-hans", "en", "nl"], [], [], ["beijing", "shanghai"], "post", {
         "nl": "Vertrouwenspersoon voor Beijing en Shanghai.",
         "en": "Counsellor for Beijing and Shanghai.",
         "zh-hans": "我是北京和上海的信任顾问，可以用中文交谈。",
     }, None),
    ("Chen Wei", "external", "Asia Workplace Counselling", "man", False, False, ["zh-hans", "en"], ["bullying"], ["asia"], [], "external", {
         "nl": "Externe vertrouwenspersoon voor heel Azië.",
         "en": "External counsellor for the whole of Asia.",
         "zh-hans": "独立于外交部的外部顾问，服务整个亚洲地区。",
     }, None),
    ("Robert Tan", "internal", "", "man", True, True, ["en", "nl"], ["racism_discrimination"], ["asia"], [], "office", {
         "nl": "Chinees-Indonesische Nederlander, regionaal vertrouwenspersoon Azië.",
         "en": "Dutch with Chinese-Indonesian roots, regional counsellor for Asia.",
     }, None),
    ("Valentina Rojas", "internal", "", "woman", True, False, ["es", "en"], ["sexual_harassment"], [], ["bogota", "mexico"], "post", {
         "nl": "Werkzaam in Bogotá; ook voor Mexico.",
         "en": "Based in Bogotá; also for Mexico.",
         "es": "Trabajo en Bogotá y atiendo también a Ciudad de México.",
     }, None),
    ("Ana Souza", "internal", "", "woman", True, True, ["pt", "en", "es"], ["racism_discrimination"], [], ["brasilia", "sao-paulo"], "post", {
         "nl": "Vertrouwenspersoon in Brasília en São Paulo.",
         "en": "Counsellor in Brasília and São Paulo.",
         "pt": "Conselheira confidencial em Brasília e São Paulo. Tenho experiência vivida de racismo.",
     }, None),
    ("Ricardo Lima", "external", "Confia Consultoria", "man", False, False, ["pt", "es", "en"], [], [], ["brasilia"], "external", {
         "nl": "Externe vertrouwenspersoon in Brazilië.",
         "en": "External counsellor in Brazil.",
         "pt": "Conselheiro externo no Brasil, independente do ministério.",
     }, None),
    ("Priya Ramdin", "internal", "", "woman", True, True, ["nl", "srn", "en", "hi"], ["racism_discrimination"], [], ["paramaribo"], "post", {
         "nl": "Hindoestaans-Surinaamse Nederlander, werkzaam in Paramaribo.",
         "en": "Dutch with Surinamese-Hindustani roots, based in Paramaribo.",
     }, None),
    ("Noah Vermeulen", "internal", "", "non_binary", False, False, ["nl", "en"], ["lgbtiq"], ["den-haag"], [], "evenings", {
         "nl": "Ik ben er in het bijzonder voor collega's die vragen hebben over LHBTIQ+-inclusie, maar iedereen is welkom.",
         "en": "I am there especially for colleagues with questions about LGBTIQ+ inclusion, but everyone is welcome.",
     }, None),
    ("Hans de Graaf", "internal", "", "man", False, False, ["nl", "en", "de"], ["aggression"], ["den-haag"], [], "office", {
         "nl": "Oud-beveiliger, nu bij Bedrijfsvoering. Aanspreekpunt bij agressie en geweld.",
         "en": "Former security officer, now at Operations. Point of contact for aggression and violence.",
     }, None),
    ("Esther Boateng", "external", "Stichting Veilig Werk", "woman", True, True, ["en", "nl", "fr"], ["racism_discrimination"], ["africa", "den-haag"], [], "external", {
         "nl": "Externe vertrouwenspersoon met Ghanese roots en ervaringsdeskundigheid.",
         "en": "External counsellor with Ghanaian roots and lived experience.",
         "fr": "Conseillère externe d'origine ghanéenne.",
     }, None),
    ("Mehmet Yılmaz", "internal", "", "man", True, True, ["tr", "nl", "en"], ["racism_discrimination"], ["den-haag"], [], "office", {
         "nl": "Turks-Nederlandse beleidsmedewerker. Ik weet hoe het voelt om steeds uit te moeten leggen waar je vandaan komt.",
         "en": "Turkish-Dutch policy officer. I know how it feels to keep having to explain where you are from.",
     }, None),
    ("Sofia Rossi", "internal", "", "woman", False, False, ["it", "en", "fr", "nl"], [], [], ["pv-geneva"], "post", {
         "nl": "Werkzaam bij de PV in Genève.",
         "en": "Based at the Permanent Representation in Geneva.",
         "fr": "En poste à la Représentation permanente à Genève.",
     }, None),
    ("Nadia Rahimi", "external", "Bureau Vertrouwd Extern", "woman", True, True, ["fa", "nl", "en"], ["sexual_harassment", "racism_discrimination"], ["den-haag"], [], "external", {
         "nl": "Externe vertrouwenspersoon met Afghaanse achtergrond.",
         "en": "External counsellor with an Afghan background.",
     }, None),
    ("Pieter de Boer", "internal", "", "man", False, False, ["nl", "en", "es"], ["integrity_dilemmas"], [], ["mexico", "bogota"], "office", {
         "nl": "Vertrouwenspersoon in Mexico-Stad, ook voor Bogotá.",
         "en": "Counsellor in Mexico City, also for Bogotá.",
         "es": "Consejero en Ciudad de México, también para Bogotá.",
     }, None),
    ("Hodan Abdi", "internal", "", "woman", True, True, ["so", "en", "nl", "ar"], ["racism_discrimination"], [], ["nairobi"], "evenings", {
         "nl": "Somalisch-Nederlandse collega in Nairobi.",
         "en": "Somali-Dutch colleague in Nairobi.",
         "ar": "زميلة هولندية من أصل صومالي في نيروبي.",
     }, None),
    ("Bram Hoekstra", "internal", "", "man", False, False, ["nl", "en"], [], ["europe", "den-haag"], [], "office", {
         "nl": "Ik werk veertien jaar op posten en ken de druk van het postleven.",
         "en": "I have worked at posts for fourteen years and know the pressures of life at a post.",
     }, None),
    ("Rania Khoury", "internal", "", "woman", True, False, ["ar", "fr", "en"], ["sexual_harassment"], [], ["beirut", "amman"], "post", {
         "nl": "Lokaal aangenomen in Beiroet.",
         "en": "Locally hired in Beirut.",
         "ar": "موظفة معيّنة محليًا في بيروت، يمكنك التحدث معي بالعربية.",
         "fr": "Recrutée localement à Beyrouth.",
     }, None),
    ("Aiko Tanaka", "internal", "", "woman", False, False, ["ja", "en", "nl"], [], [], ["tokyo", "osaka"], "post", {
         "nl": "Lokaal aangenomen in Tokio, ook voor collega's in Osaka.",
         "en": "Locally hired in Tokyo, also for colleagues in Osaka.",
         "ja": "東京で現地採用されています。大阪の同僚の相談にも応じます。",
     }, None),
    ("Nguyễn Thị Lan", "internal", "", "woman", False, False, ["vi", "en"], ["locally_hired"], [], ["hanoi", "ho-chi-minh-city"], "post", {
         "nl": "Lokaal aangenomen in Hanoi, ook voor Ho Chi Minhstad.",
         "en": "Locally hired in Hanoi, also for Ho Chi Minh City.",
         "vi": "Tôi là nhân viên tuyển dụng tại chỗ ở Hà Nội, cũng hỗ trợ đồng nghiệp ở Thành phố Hồ Chí Minh.",
     }, None),
    ("Bilal Qureshi", "internal", "", "man", True, False, ["ur", "en", "hi"], [], [], ["islamabad"], "post", {
         "nl": "Lokaal aangenomen in Islamabad; je kunt mij in het Urdu of Engels spreken.",
         "en": "Locally hired in Islamabad; you can talk to me in Urdu or English.",
         "ur": "میں اسلام آباد میں مقامی طور پر بھرتی ہوا ہوں؛ آپ مجھ سے اردو یا انگریزی میں بات کر سکتے ہیں۔",
     }, None),
    ("Thomas Kuipers", "internal", "", "man", False, False, ["nl", "en"], [], [], [], "office", {
         "nl": "Nieuw als vertrouwenspersoon; profiel volgt.",
         "en": "New as a counsellor; profile to follow.",
     }, None),
]
UNPUBLISHED = {"Thomas Kuipers"}

# The demo counsellor's sessions: about two a week over the past year, so that the coordinator's
# figures show some counts and hide the small ones.
SESSION_ADVICE = [
    "Besproken welke opties er zijn: eerst een gesprek met de leidinggevende, of direct melden bij de CCI. Medewerker denkt erover na.",
    "Geluisterd; uitgelegd wat de CCI doet en dat anoniem melden mogelijk is. Geen vervolg gewenst.",
    "Advies gegeven om gebeurtenissen met datum op te schrijven. Vervolgafspraak over twee weken.",
    "Medewerker twijfelt of het om discriminatie gaat; samen de gedragscode doorgenomen.",
    "Doorverwezen naar de bedrijfsarts vanwege aanhoudende stressklachten.",
    "Uitleg over bescherming tegen benadeling. Medewerker wil eerst zelf het gesprek aangaan.",
]
SESSION_COUNT = 96
SESSION_PLACES = [("post", "cairo"), ("post", "amman"), ("region", "mena"), ("post", "rabat"), ("post", "beirut")]
# Weighted as counsellors report it: racism and discrimination first, then bullying and harassment.
SESSION_TOPICS = ["racism_discrimination"] * 8 + ["bullying"] * 4 + ["sexual_harassment"] * 3 + ["undesirable_conduct"] * 2 + ["misuse_of_position"]
SESSION_FOLLOW_UPS = ["none", "none", "none", "cci", "company_doctor", "manager"]

TRAINING = [
    ("training", "Training discriminatie en racisme", 150, None, 20),
    ("training", "Training seksuele intimidatie", 80, None, 16),
    ("intervision", "Intervisie regionaal netwerk MENA", 45, "mena", 6),
    ("intervision", "Intervisie regionaal netwerk Afrika", 40, "africa", 5),
    ("intervision", "Intervisie Den Haag", 20, "den-haag", 8),
]


def _slug(name: str) -> str:
    return "".join(ch for ch in name.lower().replace(" ", ".") if ch.isalnum() or ch == ".")


@transaction.atomic
def load(stdout) -> None:
    regions = {r.code: r for r in Region.objects.all()}
    posts = {p.code: p for p in Post.objects.all()}
    coordinator = User.objects.filter(username="counsellor-coordinator").first()
    counsellors = {}
    for index, (name, kind, organisation, gender, bicultural, lived, languages, specialisms, region_codes,
                post_codes, availability, intros, username) in enumerate(COUNSELLORS):
        slug = _slug(name)
        defaults = {
            "kind": kind, "organisation": organisation, "gender": gender,
            "shows_bicultural_background": bicultural, "shows_lived_experience": lived,
            "is_published": name not in UNPUBLISHED,
            "user": User.objects.filter(username=username).first() if username else None,
            "phone": f"+31 70 348 {6100 + index:04d}" if kind == "internal" else f"+31 20 555 {2300 + index:04d}",
            "email": f"{slug}@{'minbuza' if kind == 'internal' else 'extern-vp'}.example",
            "video_link": f"https://video.meldpunt.example/vp/{slug}" if index % 3 else "",
            "availability_nl": AVAILABILITY[availability][0], "availability_en": AVAILABILITY[availability][1],
            "confirmed_current_at": timezone.now() - datetime.timedelta(days=20 * (index % 12)) if index % 5 else None,
        }
        for code in settings.REPORTER_LANGUAGES:
            defaults[build_localized_fieldname("introduction", code)] = intros.get(code, "")
        counsellor, _created = Counsellor.objects.update_or_create(name=name, defaults=defaults)
        counsellor.language_rows.exclude(code__in=languages).delete()
        for code in languages:
            CounsellorLanguage.objects.get_or_create(counsellor=counsellor, code=code)
        counsellor.specialism_rows.exclude(code__in=specialisms).delete()
        for code in specialisms:
            CounsellorSpecialism.objects.get_or_create(counsellor=counsellor, code=code)
        counsellor.regions.set([regions[c] for c in region_codes if c in regions])
        counsellor.posts.set([posts[c] for c in post_codes if c in posts])
        counsellors[name] = counsellor
    if coordinator is not None:
        _load_training(coordinator, counsellors, regions)
        _load_issue_18(coordinator, counsellors, posts, regions)
    sessions = _load_sessions(posts, regions)
    stdout.write(f"  counsellors: {len(counsellors)}, advice sessions of 'counsellor': {sessions}")


def _load_training(coordinator, counsellors, regions) -> None:
    today = timezone.localdate()
    names = sorted(counsellors)
    for position, (kind, title, days_ago, region_code, attendee_count) in enumerate(TRAINING):
        event, _created = TrainingEvent.objects.update_or_create(
            submission_token=uuid.uuid5(DEMO_NAMESPACE, f"training:{title}"),
            defaults={
                "kind": kind, "title": title, "held_on": today - datetime.timedelta(days=days_ago),
                "region": regions.get(region_code) if region_code else None, "recorded_by": coordinator,
            },
        )
        if region_code:
            attendees = [c for c in counsellors.values() if c.regions.filter(code=region_code).exists()
                         or c.posts.filter(region__code=region_code).exists()][:attendee_count]
        else:
            attendees = [counsellors[n] for n in names[position::2][:attendee_count]]
        event.attendees.set(attendees)


def _load_issue_18(coordinator, counsellors, posts, regions) -> None:
    """A residence and a garage in Rabat, a coming intervision session, and what Amira chose to show."""
    rabat = posts.get("rabat")
    if rabat is not None:
        for name, groups, languages in (("Residentie", ["residence_staff", "domestic_staff"], "ar,fr,ber"),
                                        ("Garage en chauffeurs", ["drivers", "guards"], "ar,ber")):
            WorkLocation.objects.update_or_create(
                post=rabat, name=name, defaults={"staff_groups": groups, "languages": languages, "is_active": True}
            )
    TrainingEvent.objects.update_or_create(
        submission_token=uuid.uuid5(DEMO_NAMESPACE, "training:scheduled intervision"),
        defaults={
            "kind": "intervision", "title": "Intervisie regionaal netwerk MENA",
            "held_on": timezone.localdate() + datetime.timedelta(days=21), "region": regions.get("mena"),
            "recorded_by": coordinator, "language": "fr", "video_link": "https://video.meldpunt.example/intervisie-mena",
        },
    )
    amira = counsellors.get("Amira Haddad")
    if amira is not None:
        CounsellorDisclosure.objects.update_or_create(
            counsellor=amira, field="age_range", defaults={"value": "30_44", "consented_at": timezone.now()}
        )


def _load_sessions(posts, regions) -> int:
    user = User.objects.filter(username="counsellor").first()
    if user is None:
        return 0
    rng = random.Random(6)  # the same demo every time
    categories = {c.code: c for c in Category.objects.all()}
    today = timezone.localdate()
    made = 0
    for number in range(SESSION_COUNT):
        session_id = uuid.uuid5(DEMO_NAMESPACE, f"session:{number}")
        if AdviceSession.objects.filter(pk=session_id).exists():
            made += 1
            continue
        place_kind, place_code = SESSION_PLACES[rng.randrange(len(SESSION_PLACES))]
        post = posts.get(place_code) if place_kind == "post" else None
        region = post.region if post else regions.get(place_code)
        if region is None:
            continue
        session = AdviceSession(
            id=session_id, counsellor=user, held_on=today - datetime.timedelta(days=rng.randrange(1, 365)),
            channel=rng.choice(["in_person", "phone", "video"]), post=post, region=region,
            topic=categories[rng.choice(SESSION_TOPICS)], follow_up=rng.choice(SESSION_FOLLOW_UPS),
        )
        session.seal("advice", SESSION_ADVICE[rng.randrange(len(SESSION_ADVICE))])
        session.full_clean()
        session.save()
        audit_record(actor=None, actor_label="system", action="advice_session.demo_loaded", target=session)
        made += 1
    return made
