"""Backfill: every retaliation concern closed before now gets its anonymous statistics row (with one
row per measure taken for the reporter), and every aftercare answer already given gets its row, so the
annual figures count them from rows that retention never deletes. Uses the same functions as the
services, which read plain attributes only."""

from django.db import migrations


def backfill(apps, schema_editor):
    from cases.report_statistics import write_for_answer, write_for_concern

    RetaliationConcern = apps.get_model("cases", "RetaliationConcern")
    ConcernStatistic = apps.get_model("cases", "ConcernStatistic")
    ConcernMeasureStatistic = apps.get_model("cases", "ConcernMeasureStatistic")
    AftercareStatistic = apps.get_model("cases", "AftercareStatistic")
    AftercareCheckIn = apps.get_model("intake", "AftercareCheckIn")
    Case = apps.get_model("cases", "Case")
    closed = RetaliationConcern.objects.filter(closed_at__isnull=False).select_related(
        "case__category__parent", "report__category__parent").prefetch_related("measures")
    for concern in closed.iterator(chunk_size=500):
        write_for_concern(concern=concern, ConcernStatistic=ConcernStatistic, ConcernMeasureStatistic=ConcernMeasureStatistic)
    answered = AftercareCheckIn.objects.exclude(answer="pending").select_related("report__category__parent")
    for checkin in answered.iterator(chunk_size=500):
        case = Case.objects.select_related("category__parent").filter(report_links__report_id=checkin.report_id).first()
        write_for_answer(checkin=checkin, report=checkin.report, case=case, AftercareStatistic=AftercareStatistic)


def forget(apps, schema_editor):
    apps.get_model("cases", "ConcernStatistic").objects.all().delete()
    apps.get_model("cases", "AftercareStatistic").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0019_concern_aftercare_statistics"),
        ("intake", "0014_merge_20261201_1736"),
    ]

    operations = [migrations.RunPython(backfill, forget)]
