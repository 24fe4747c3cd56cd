"""Carry every case's single finding and measure over to its first person concerned (name and role
empty, for the desk to fill in), and the closed cases' outcome figures over to the per-person
statistics, before the case-level fields go (0012). Nothing is lost: the reverse puts the first
person's finding and measure back on the case."""

from django.db import migrations


def _outcome_rows(case, finding, finding_on, measure, measure_on, *, desk, category_code, rijk_code):
    common = {"case_id": case.pk if case else None, "desk": desk, "category_code": category_code, "rijk_category_code": rijk_code}
    rows = []
    if finding and finding_on:
        rows.append({**common, "kind": "finding", "value": finding, "year": finding_on.year})
    if measure and measure_on:
        rows.append({**common, "kind": "measure", "value": measure, "year": measure_on.year})
    return rows


def carry_over(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    PersonConcerned = apps.get_model("cases", "PersonConcerned")
    PersonMeasure = apps.get_model("cases", "PersonMeasure")
    ReportStatistic = apps.get_model("cases", "ReportStatistic")
    OutcomeStatistic = apps.get_model("cases", "OutcomeStatistic")
    with_outcome = Case.objects.exclude(finding="", measure="").select_related("category__parent")
    for case in with_outcome.iterator():
        at = case.assessed_at or case.opened_at
        person = PersonConcerned.objects.create(
            case=case, number=1, finding=case.finding, finding_on=case.finding_on if case.finding else None,
            added_at=at, added_by_id=case.assessed_by_id or case.opened_by_id,
        )
        if case.measure and case.measure_on:
            PersonMeasure.objects.create(
                person=person, measure=case.measure, taken_on=case.measure_on, recorded_at=at,
                recorded_by_id=case.assessed_by_id or case.opened_by_id,
            )
    # The figures of closed work: one statistics row carried the case; its outcome becomes per person.
    rows = []
    for stat in ReportStatistic.objects.filter(counts_case=True).iterator():
        case = Case.objects.filter(pk=stat.case_id).first() if stat.case_id else None
        source = case if case is not None and (case.finding or case.measure) else stat
        finding_on = getattr(source, "finding_on", None)
        measure_on = getattr(source, "measure_on", None)
        if source is stat:
            from datetime import date

            finding_on = date(stat.finding_year, 1, 1) if stat.finding_year else None
            measure_on = date(stat.measure_year, 1, 1) if stat.measure_year else None
        rows += _outcome_rows(
            case, source.finding, finding_on, source.measure, measure_on,
            desk=stat.desk, category_code=stat.category_code, rijk_code=stat.rijk_category_code,
        )
    OutcomeStatistic.objects.bulk_create([OutcomeStatistic(**row) for row in rows], batch_size=1000)


def carry_back(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    PersonConcerned = apps.get_model("cases", "PersonConcerned")
    ReportStatistic = apps.get_model("cases", "ReportStatistic")
    OutcomeStatistic = apps.get_model("cases", "OutcomeStatistic")
    for person in PersonConcerned.objects.filter(number=1).iterator():
        measure = person.measures.order_by("taken_on").first()
        Case.objects.filter(pk=person.case_id).update(
            finding=person.finding, finding_on=person.finding_on,
            measure=measure.measure if measure else "", measure_on=measure.taken_on if measure else None,
        )
    for stat in ReportStatistic.objects.filter(counts_case=True, case__isnull=False).iterator():
        case = Case.objects.get(pk=stat.case_id)
        ReportStatistic.objects.filter(pk=stat.pk).update(
            finding=case.finding, finding_year=case.finding_on.year if case.finding_on else None,
            measure=case.measure, measure_year=case.measure_on.year if case.measure_on else None,
        )
    OutcomeStatistic.objects.all().delete()
    PersonConcerned.objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0010_persons_concerned"),
    ]

    # The case-level constraints go first, so that going back they return only once the outcome is
    # back on the case.
    operations = [
        migrations.RemoveConstraint(
            model_name='case',
            name='case_finding_dated',
        ),
        migrations.RemoveConstraint(
            model_name='case',
            name='case_measure_dated',
        ),
        migrations.RemoveConstraint(
            model_name='case',
            name='case_decision_before_decided',
        ),
        migrations.RunPython(carry_over, carry_back),
    ]
