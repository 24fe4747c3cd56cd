from django.urls import path

from . import views

app_name = "advice"
urlpatterns = [
    path("ask/", views.ask, name="ask"),
    path("mailbox/question/", views.mailbox, name="mailbox"),
    path("mailbox/question/report/", views.to_report, name="to-report"),
]
