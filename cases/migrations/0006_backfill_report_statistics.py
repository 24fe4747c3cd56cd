"""Backfill: every report of a case that is closed now gets its anonymous statistics row, and the
counts kept for reports already deleted by retention (RetainedFigure) become rows too, so the annual
figures read closed work from one place."""

from django.db import migrations


def backfill_closed_cases(apps):
    from cases.report_statistics import write_for_case

    Case = apps.get_model("cases", "Case")
    Report = apps.get_model("intake", "Report")
    ReportStatistic = apps.get_model("cases", "ReportStatistic")
    for case in Case.objects.filter(state="closed").select_related("category__parent").iterator():
        write_for_case(case=case, Report=Report, ReportStatistic=ReportStatistic)


def backfill(apps, schema_editor):
    backfill_closed_cases(apps)
    ReportStatistic = apps.get_model("cases", "ReportStatistic")
    RetainedFigure = apps.get_model("cases", "RetainedFigure")
    Category = apps.get_model("intake", "Category")
    Post = apps.get_model("organisation", "Post")
    categories = {c.code: c for c in Category.objects.select_related("parent")}
    posts = {p.code: p for p in Post.objects.select_related("region")}
    rows = []
    for figure in RetainedFigure.objects.all():
        category = categories.get(figure.category_code)
        rijk = (category.parent if category and category.parent_id else category)
        post = posts.get(figure.post_code)
        rows += [
            ReportStatistic(
                desk=figure.desk, year=figure.year, category_code=figure.category_code,
                rijk_category_code=rijk.code if rijk else figure.category_code, channel=figure.channel,
                region_code=post.region.code if post else "", post_kind=post.kind if post else "",
            )
            for _ in range(figure.reports)
        ]
    ReportStatistic.objects.bulk_create(rows, batch_size=1000)
    RetainedFigure.objects.all().delete()


def forget(apps, schema_editor):
    apps.get_model("cases", "ReportStatistic").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_report_statistics"),
        ("intake", "0004_deadlines_and_aftercare"),
    ]

    operations = [migrations.RunPython(backfill, forget)]
