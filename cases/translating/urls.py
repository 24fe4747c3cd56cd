"""The translator's pages (staff, password and second factor like all staff)."""

from django.urls import path

from . import views

app_name = "translate"
urlpatterns = [
    path("", views.assignments, name="assignments"),
    path("<uuid:request_id>/", views.assignment, name="assignment"),
]
