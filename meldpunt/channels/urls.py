"""Reporter-facing: the channel guide and the procedure pages."""

from django.urls import path

from . import views

app_name = "channels"
urlpatterns = [
    path("guide/", views.guide, name="guide"),
    path("procedure/", views.procedure_index, name="procedure-index"),
    path("procedure/<slug:slug>/", views.procedure, name="procedure"),
]
