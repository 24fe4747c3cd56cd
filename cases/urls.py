from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("reports/<uuid:report_id>/", views.report_detail, name="report-detail"),
]
