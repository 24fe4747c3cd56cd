"""The procedure pages and the authorities outside the ministry: their addresses, order and websites.

Their texts used to be written here in every language; they are content units now, shipped in
content/<language>.po and loaded by `manage.py load_content` (which every `migrate` runs), so that a
corrected text reaches an existing database and translators work in PO or XLIFF.
"""

from django.db import migrations

# slug, position
PAGES = [
    ("options-for-action", 10),
    ("after-a-report", 20),
    ("sanction-policy", 30),
    ("communication", 40),
    ("aftercare", 50),
    ("protection-against-retaliation", 60),
    ("external-routes", 70),
]

# code, position, website
AUTHORITIES = [
    ("huis-voor-klokkenluiders", 10, "https://www.huisvoorklokkenluiders.nl"),
    ("college-rechten-van-de-mens", 20, "https://www.mensenrechten.nl"),
    ("autoriteit-persoonsgegevens", 30, "https://www.autoriteitpersoonsgegevens.nl"),
    ("police-prosecution", 40, "https://www.politie.nl"),
    ("olaf", 50, "https://anti-fraud.ec.europa.eu"),
]


def add_content(apps, schema_editor):
    ProcedurePage = apps.get_model("channels", "ProcedurePage")
    ExternalAuthority = apps.get_model("channels", "ExternalAuthority")
    for slug, position in PAGES:
        ProcedurePage.objects.get_or_create(slug=slug, defaults={"position": position})
    for code, position, website in AUTHORITIES:
        ExternalAuthority.objects.get_or_create(code=code, defaults={"position": position, "website": website})


def remove_content(apps, schema_editor):
    apps.get_model("channels", "ProcedurePage").objects.filter(slug__in=[slug for slug, _ in PAGES]).delete()
    apps.get_model("channels", "ExternalAuthority").objects.filter(code__in=[code for code, *_ in AUTHORITIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("channels", "0001_initial")]
    operations = [migrations.RunPython(add_content, remove_content)]
