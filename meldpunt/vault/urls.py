from django.urls import path

from . import views

app_name = "vault"
urlpatterns = [
    path("mailbox/files/", views.mailbox_files, name="mailbox-files"),
]
