from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.StaffLoginView.as_view(), name="login"),
    path("2fa/", views.second_factor, name="second-factor"),
    path("logout/", views.sign_out, name="logout"),
    path("enrol/<str:token>/", views.enrol, name="enrol"),
    path("account/", views.account, name="account"),
]
