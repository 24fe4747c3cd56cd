"""Demo data for `make run`: posts, regions and one staff account per role.

Loaded by `manage.py load_demo`, which calls `load(stdout)` in every app's demo module. Safe to run
again: everything is looked up by its code or user name first.
"""

import hashlib

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts.models import Role, User
from meldpunt.organisation.models import Post, Region

DEMO_PASSWORD = "demo-meldpunt-2026"

REGIONS = [
    ("den-haag", "Den Haag (departement)", "The Hague (headquarters)"),
    ("europe", "Europa", "Europe"),
    ("mena", "Midden-Oosten en Noord-Afrika", "Middle East and North Africa"),
    ("africa", "Afrika bezuiden de Sahara", "Sub-Saharan Africa"),
    ("asia", "Azië en Oceanië", "Asia and Oceania"),
    ("americas", "Amerika", "The Americas"),
]

# code, kind, nl name, en name, city, country, region, languages spoken by staff
POSTS = [
    ("dbo", "directorate", "Directie Bedrijfsvoering", "Directorate of Operations", "Den Haag", "NL", "den-haag", "nl,en"),
    ("dco", "directorate", "Directie Consulaire Zaken", "Consular Affairs Directorate", "Den Haag", "NL", "den-haag", "nl,en"),
    ("dgb", "directorate", "Directoraat-generaal Politieke Zaken", "Directorate-General for Political Affairs", "Den Haag", "NL", "den-haag", "nl,en"),
    ("dsh", "directorate", "Directie Sociale Ontwikkeling", "Social Development Directorate", "Den Haag", "NL", "den-haag", "nl,en"),
    ("paris", "embassy", "Ambassade Parijs", "Embassy Paris", "Paris", "FR", "europe", "fr,nl,en"),
    ("madrid", "embassy", "Ambassade Madrid", "Embassy Madrid", "Madrid", "ES", "europe", "es,nl,en"),
    ("lisbon", "embassy", "Ambassade Lissabon", "Embassy Lisbon", "Lisboa", "PT", "europe", "pt,nl,en"),
    ("moscow", "embassy", "Ambassade Moskou", "Embassy Moscow", "Moscow", "RU", "europe", "ru,nl,en"),
    ("kyiv", "embassy", "Ambassade Kyiv", "Embassy Kyiv", "Kyiv", "UA", "europe", "uk,ru,nl,en"),
    ("pv-eu", "permanent_representation", "Permanente Vertegenwoordiging bij de EU", "Permanent Representation to the EU", "Brussels", "BE", "europe", "nl,fr,en"),
    ("pv-geneva", "permanent_representation", "Permanente Vertegenwoordiging Genève", "Permanent Representation Geneva", "Genève", "CH", "europe", "fr,nl,en"),
    ("rabat", "embassy", "Ambassade Rabat", "Embassy Rabat", "Rabat", "MA", "mena", "ar,fr,nl"),
    ("cairo", "embassy", "Ambassade Caïro", "Embassy Cairo", "Cairo", "EG", "mena", "ar,en,nl"),
    ("amman", "embassy", "Ambassade Amman", "Embassy Amman", "Amman", "JO", "mena", "ar,en,nl"),
    ("beirut", "embassy", "Ambassade Beiroet", "Embassy Beirut", "Beirut", "LB", "mena", "ar,fr,en,nl"),
    ("riyadh", "embassy", "Ambassade Riyad", "Embassy Riyadh", "Riyadh", "SA", "mena", "ar,en,nl"),
    ("dakar", "embassy", "Ambassade Dakar", "Embassy Dakar", "Dakar", "SN", "africa", "fr,wo,nl"),
    ("kinshasa", "embassy", "Ambassade Kinshasa", "Embassy Kinshasa", "Kinshasa", "CD", "africa", "fr,ln,nl"),
    ("maputo", "embassy", "Ambassade Maputo", "Embassy Maputo", "Maputo", "MZ", "africa", "pt,en,nl"),
    ("luanda", "embassy", "Ambassade Luanda", "Embassy Luanda", "Luanda", "AO", "africa", "pt,nl"),
    ("nairobi", "embassy", "Ambassade Nairobi", "Embassy Nairobi", "Nairobi", "KE", "africa", "en,sw,nl"),
    ("addis", "embassy", "Ambassade Addis Abeba", "Embassy Addis Ababa", "Addis Ababa", "ET", "africa", "am,en,nl"),
    ("beijing", "embassy", "Ambassade Beijing", "Embassy Beijing", "Beijing", "CN", "asia", "zh-hans,en,nl"),
    ("shanghai", "consulate", "Consulaat-generaal Shanghai", "Consulate-General Shanghai", "Shanghai", "CN", "asia", "zh-hans,en,nl"),
    ("jakarta", "embassy", "Ambassade Jakarta", "Embassy Jakarta", "Jakarta", "ID", "asia", "id,en,nl"),
    ("new-delhi", "embassy", "Ambassade New Delhi", "Embassy New Delhi", "New Delhi", "IN", "asia", "hi,en,nl"),
    ("tokyo", "embassy", "Ambassade Tokio", "Embassy Tokyo", "Tokyo", "JP", "asia", "ja,en,nl"),
    ("bogota", "embassy", "Ambassade Bogotá", "Embassy Bogotá", "Bogotá", "CO", "americas", "es,en,nl"),
    ("mexico", "embassy", "Ambassade Mexico", "Embassy Mexico City", "Ciudad de México", "MX", "americas", "es,en,nl"),
    ("brasilia", "embassy", "Ambassade Brasília", "Embassy Brasília", "Brasília", "BR", "americas", "pt,en,nl"),
    ("sao-paulo", "consulate", "Consulaat-generaal São Paulo", "Consulate-General São Paulo", "São Paulo", "BR", "americas", "pt,en,nl"),
    ("paramaribo", "embassy", "Ambassade Paramaribo", "Embassy Paramaribo", "Paramaribo", "SR", "americas", "nl,srn,en"),
    ("washington", "embassy", "Ambassade Washington", "Embassy Washington", "Washington", "US", "americas", "en,es,nl"),
]

# user name, role, post code, first name, last name
STAFF = [
    ("cci", Role.CCI_HANDLER, "dbo", "Sanne", "de Vries"),
    ("cci2", Role.CCI_HANDLER, "dbo", "Youssef", "El Amrani"),
    ("cci-coordinator", Role.CCI_COORDINATOR, "dbo", "Marieke", "Jansen"),
    ("external", Role.EXTERNAL_HANDLER, None, "Peter", "Bakker"),
    ("external-coordinator", Role.EXTERNAL_COORDINATOR, None, "Anouk", "Visser"),
    ("manager", Role.MANAGER, "rabat", "Karim", "Bennani"),
    ("manager2", Role.MANAGER, "beijing", "Li", "Wei"),
    ("counsellor", Role.COUNSELLOR, "cairo", "Amira", "Haddad"),
    ("counsellor-coordinator", Role.COUNSELLOR_COORDINATOR, "dbo", "Joost", "Smit"),
    ("admin", Role.ADMINISTRATOR, "dbo", "Eva", "Mulder"),
]


def demo_totp_key(username: str) -> str:
    """A fixed TOTP key per demo account, so the demo's second factor can be typed from the README.

    Public on purpose (not a security use): load_demo only runs with DEBUG on, and only on demo accounts.
    """
    return hashlib.sha1(f"meldpunt-demo-totp:{username}".encode(), usedforsecurity=False).hexdigest()


def demo_email(username: str) -> str:
    return f"{username}@meldpunt.example"


@transaction.atomic
def load(stdout) -> None:
    regions = {}
    for code, nl, en in REGIONS:
        regions[code], _ = Region.objects.update_or_create(code=code, defaults={"name": nl, "name_nl": nl, "name_en": en})
    for code, kind, nl, en, city, country, region, languages in POSTS:
        Post.objects.update_or_create(
            code=code,
            defaults={
                "kind": kind, "name": nl, "name_nl": nl, "name_en": en, "city": city,
                "country_code": country, "region": regions[region], "languages": languages,
            },
        )
    for username, role, post_code, first, last in STAFF:
        user = User.objects.filter(username=username).first()
        if user is not None and user.email != demo_email(username):
            # Someone's own account that happens to share a demo name: never touch its role, password or
            # second factor (a public authenticator key would let anyone sign in as them).
            stdout.write(f"  skipped {username}: an existing account that is not a demo account")
            continue
        if user is None:
            user = User(username=username, role=role)
            user.set_password(DEMO_PASSWORD)
        user.role = role
        user.first_name, user.last_name = first, last
        user.email = demo_email(username)
        user.post = Post.objects.filter(code=post_code).first() if post_code else None
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.full_clean()
        user.save()
        TOTPDevice.objects.update_or_create(
            user=user, name="demo authenticator", defaults={"key": demo_totp_key(username), "confirmed": True}
        )
    stdout.write(f"  posts: {Post.objects.count()}, staff accounts: {len(STAFF)}")
