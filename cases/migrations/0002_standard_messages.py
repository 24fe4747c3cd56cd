"""The standard messages to reporters used to be written here in every language. They are content units
now (content/<language>.po, key standard-message/<kind>/body), loaded by `manage.py load_content`."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = []
