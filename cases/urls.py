from django.urls import path

from . import evidence_views, views

app_name = "cases"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("reports/<uuid:report_id>/", views.report_detail, name="report-detail"),
    # The evidence vault (cases/evidence_views.py).
    path("reports/<uuid:report_id>/evidence/", evidence_views.evidence_list, name="evidence"),
    path("reports/<uuid:report_id>/evidence/register.csv", evidence_views.evidence_register, name="evidence-register"),
    path("reports/<uuid:report_id>/evidence/<uuid:file_id>/", evidence_views.evidence_preview, name="evidence-preview"),
    path("reports/<uuid:report_id>/evidence/<uuid:file_id>/content/", evidence_views.evidence_content, name="evidence-content"),
    path("reports/<uuid:report_id>/evidence/<uuid:file_id>/download/", evidence_views.evidence_download, name="evidence-download"),
    path("reports/<uuid:report_id>/evidence/<uuid:file_id>/original/", evidence_views.evidence_original, name="evidence-original"),
]
