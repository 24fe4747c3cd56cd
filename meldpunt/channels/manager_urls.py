"""The manager's pages, under /staff/manager/ (password and second factor are forced by the middleware)."""

from django.urls import path

from . import manager_views as views

app_name = "manager"
urlpatterns = [
    path("", views.home, name="home"),
    path("drafts/new/", views.draft_new, name="draft-new"),
    path("drafts/<uuid:draft_id>/", views.draft, name="draft"),
    path("reports/<uuid:report_id>/", views.report, name="report"),
    path("reports/<uuid:report_id>/receipt/", views.receipt, name="receipt"),
    path("advice/new/", views.advice_new, name="advice-new"),
    path("advice/<uuid:advice_id>/", views.advice, name="advice"),
    path("advice/<uuid:advice_id>/report/", views.advice_convert, name="advice-convert"),
]
