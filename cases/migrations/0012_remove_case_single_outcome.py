"""The case's single finding and measure, now carried by its persons concerned (0011), go."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0011_outcomes_per_person"),
    ]

    operations = [
        migrations.RemoveField(
            model_name='case',
            name='finding',
        ),
        migrations.RemoveField(
            model_name='case',
            name='finding_on',
        ),
        migrations.RemoveField(
            model_name='case',
            name='measure',
        ),
        migrations.RemoveField(
            model_name='case',
            name='measure_on',
        ),
        migrations.RemoveField(
            model_name='reportstatistic',
            name='finding',
        ),
        migrations.RemoveField(
            model_name='reportstatistic',
            name='finding_year',
        ),
        migrations.RemoveField(
            model_name='reportstatistic',
            name='measure',
        ),
        migrations.RemoveField(
            model_name='reportstatistic',
            name='measure_year',
        ),
    ]
