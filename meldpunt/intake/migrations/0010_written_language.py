"""The language a reporter writes in, per report and per message (issue 14).

Existing reports were written in the interface language they were sent in (all that was recorded), so
`written_language` starts as `Report.language`; their messages, both ways, as their report's.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_written_language(apps, schema_editor):
    Report = apps.get_model("intake", "Report")
    MailboxMessage = apps.get_model("intake", "MailboxMessage")
    Report.objects.filter(written_language="").update(written_language=models.F("language"))
    MailboxMessage.objects.filter(written_language="").update(
        written_language=Subquery(Report.objects.filter(pk=OuterRef("report_id")).values("language")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [("intake", "0009_merge_20261201_1437")]

    operations = [
        migrations.AddField(
            model_name="report",
            name="written_language",
            field=models.CharField(default="", max_length=8, verbose_name="written language"),
        ),
        migrations.AddField(
            model_name="mailboxmessage",
            name="written_language",
            field=models.CharField(default="", help_text="The language the message is written in.", max_length=8),
        ),
        migrations.AlterField(
            model_name="report",
            name="language",
            field=models.CharField(help_text="The interface language the report was sent in.", max_length=8, verbose_name="language"),
        ),
        migrations.RunPython(fill_written_language, migrations.RunPython.noop),
    ]
