"""Persons concerned, each with their own finding and measures, and the per-person outcome
statistics (issue 15 point 2). The case-level finding and measure are carried over in 0011 and
removed in 0012."""

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0009_merge_20261201_1442'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='OutcomeStatistic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('desk', models.CharField(max_length=16)),
                ('category_code', models.CharField(max_length=48)),
                ('rijk_category_code', models.CharField(max_length=48)),
                ('kind', models.CharField(choices=[('finding', 'Finding'), ('measure', 'Measure')], max_length=8)),
                ('value', models.CharField(max_length=24)),
                ('year', models.PositiveSmallIntegerField(help_text='Year of the finding or measure.')),
            ],
        ),
        migrations.CreateModel(
            name='PersonConcerned',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('number', models.PositiveSmallIntegerField(verbose_name='number')),
                ('name_sealed', models.BinaryField(default=b'')),
                ('role_sealed', models.BinaryField(default=b'')),
                ('finding', models.CharField(blank=True, choices=[('established', 'Breach established'), ('partly_established', 'Breach partly established'), ('not_established', 'Breach not established'), ('cannot_be_assessed', 'Cannot be assessed')], max_length=24, verbose_name='finding')),
                ('finding_on', models.DateField(blank=True, null=True, verbose_name='finding dated')),
                ('added_at', models.DateTimeField()),
            ],
            options={
                'ordering': ['case', 'number'],
            },
        ),
        migrations.CreateModel(
            name='PersonMeasure',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('measure', models.CharField(choices=[('dismissal', 'Dismissal'), ('reprimand', 'Reprimand'), ('transfer', 'Transfer'), ('other', 'Other measure'), ('none', 'No measure')], max_length=16, verbose_name='measure')),
                ('taken_on', models.DateField(verbose_name='measure dated')),
                ('recorded_at', models.DateTimeField()),
            ],
            options={
                'ordering': ['taken_on', 'recorded_at'],
            },
        ),
        migrations.AddField(
            model_name='outcomestatistic',
            name='case',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cases.case'),
        ),
        migrations.AddField(
            model_name='personconcerned',
            name='added_by',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='personconcerned',
            name='case',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='persons', to='cases.case'),
        ),
        migrations.AddField(
            model_name='personmeasure',
            name='person',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='measures', to='cases.personconcerned'),
        ),
        migrations.AddField(
            model_name='personmeasure',
            name='recorded_by',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddIndex(
            model_name='outcomestatistic',
            index=models.Index(fields=['year', 'desk', 'kind'], name='cases_outco_year_446ba7_idx'),
        ),
        migrations.AddConstraint(
            model_name='personconcerned',
            constraint=models.UniqueConstraint(fields=('case', 'number'), name='person_concerned_number_once'),
        ),
        migrations.AddConstraint(
            model_name='personconcerned',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('finding', ''), ('finding_on__isnull', True)), models.Q(models.Q(('finding', ''), _negated=True), ('finding_on__isnull', False)), _connector='OR'), name='person_concerned_finding_dated'),
        ),
        migrations.AddConstraint(
            model_name='personmeasure',
            constraint=models.UniqueConstraint(fields=('person', 'measure'), name='person_measure_once'),
        ),
    ]
