"""The public directory, mounted at /counsellors/: no sign-in, every reporter language."""

from django.urls import path

from . import views

app_name = "vertrouwenspersonen"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:counsellor_id>/", views.profile, name="profile"),
    path("<int:counsellor_id>/photo/", views.photo, name="photo"),
    # A poster's QR code: the portal in the post's first language.
    path("open/<str:language>/", views.open_portal, name="open"),
]
