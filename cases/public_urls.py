"""The one page of `cases` that anyone may open: the transparency page for all staff."""

from django.urls import path

from . import transparency_views

app_name = "transparency"
urlpatterns = [path("", transparency_views.page, name="page")]
