from django.urls import path

from . import advice_views, disclosure_views, evidence_views, transparency_views, views

app_name = "cases"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("worklist/", views.worklist, name="worklist"),
    path("cases/", views.desk_cases, name="desk-cases"),
    path("deadlines/", views.deadlines_overview, name="deadlines"),
    path("deadlines/concerns/<uuid:concern_id>/", views.concern_update, name="concern-update"),
    path("figures/", views.figures, name="figures"),
    path("figures/csv/", views.figures_csv, name="figures-csv"),
    path("figures/racism/", views.figures_racism, name="figures-racism"),
    path("figures/racism/csv/", views.figures_racism_csv, name="figures-racism-csv"),
    path("transparency/", transparency_views.examples, name="transparency-examples"),
    path("transparency/<uuid:example_id>/approve/", transparency_views.approve, name="transparency-approve"),
    path("reports/<uuid:report_id>/", views.report_detail, name="report-detail"),
    path("reports/<uuid:report_id>/message/<slug:kind>/", views.report_message, name="report-message"),
    path("reports/<uuid:report_id>/case/", views.report_case, name="report-case"),
    path("reports/<uuid:report_id>/join/", views.report_join, name="report-join"),
    path("reports/<uuid:report_id>/new-code/", views.report_reissue, name="report-reissue"),
    path("reports/<uuid:report_id>/forward/", views.report_forward, name="report-forward"),
    path("reports/<uuid:report_id>/deadlines/", views.report_deadlines, name="report-deadlines"),
    path("reports/<uuid:report_id>/disclosures/", disclosure_views.disclosure_list, name="disclosures"),
    path("reports/<uuid:report_id>/disclosures/<uuid:disclosure_id>/", disclosure_views.disclosure_detail, name="disclosure-detail"),
    path("reports/<uuid:report_id>/minutes/", views.minutes_record, name="minutes-record"),
    path("cases/<uuid:case_id>/", views.case_detail, name="case-detail"),
    path("cases/<uuid:case_id>/assessment/", views.case_assessment, name="case-assessment"),
    path("cases/<uuid:case_id>/step/<slug:transition>/", views.case_step, name="case-step"),
    path("cases/<uuid:case_id>/assign/", views.case_assign, name="case-assign"),
    path("cases/<uuid:case_id>/exclude/", views.case_exclude, name="case-exclude"),
    path("cases/<uuid:case_id>/notes/", views.case_note_add, name="case-note-add"),
    path("advice/", advice_views.advice_list, name="advice-list"),
    path("advice/<uuid:advice_id>/", advice_views.advice_detail, name="advice-detail"),
    path("advice/<uuid:advice_id>/report/", advice_views.advice_convert, name="advice-convert"),
    # The evidence vault (cases/evidence_views.py).
    path("reports/<uuid:report_id>/evidence/", evidence_views.evidence_list, name="evidence"),
    path("reports/<uuid:report_id>/evidence/register.csv", evidence_views.evidence_register, name="evidence-register"),
    path("reports/<uuid:report_id>/evidence/<uuid:file_id>/", evidence_views.evidence_preview, name="evidence-preview"),
    path("reports/<uuid:report_id>/evidence/<uuid:file_id>/content/", evidence_views.evidence_content, name="evidence-content"),
    path("reports/<uuid:report_id>/evidence/<uuid:file_id>/download/", evidence_views.evidence_download, name="evidence-download"),
    path("reports/<uuid:report_id>/evidence/<uuid:file_id>/original/", evidence_views.evidence_original, name="evidence-original"),
]
