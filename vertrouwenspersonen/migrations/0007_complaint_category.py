from django.db import migrations

from vertrouwenspersonen.complaint_category import add_category, remove_category


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0005_category_route"),
        ("vertrouwenspersonen", "0006_counsellor_complaints"),
    ]
    operations = [migrations.RunPython(add_category, remove_category)]
