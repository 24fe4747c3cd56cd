from django.urls import path

from . import advice_views, views

app_name = "cases"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("reports/<uuid:report_id>/", views.report_detail, name="report-detail"),
    path("advice/", advice_views.advice_list, name="advice-list"),
    path("advice/<uuid:advice_id>/", advice_views.advice_detail, name="advice-detail"),
    path("advice/<uuid:advice_id>/report/", advice_views.advice_convert, name="advice-convert"),
]
