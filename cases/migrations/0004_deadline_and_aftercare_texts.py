"""The standard texts for the legal clocks and for aftercare used to be written here in every language.
They are content units now (content/<language>.po, key standard-message/<kind>/body)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_deadlines_reminders_aftercare")]
    operations = []
