from django.urls import path

from . import passkeys, views

app_name = "accounts"
urlpatterns = [
    path("login/", views.StaffLoginView.as_view(), name="login"),
    path("2fa/", views.second_factor, name="second-factor"),
    path("logout/", views.sign_out, name="logout"),
    path("enrol/<str:token>/", views.enrol, name="enrol"),
    # A passkey as the second factor at enrolment, for the session that opened the link.
    path("enrol/<str:token>/passkey/begin/", passkeys.EnrolBeginRegistration.as_view(), name="enrol-passkey-begin"),
    path("enrol/<str:token>/passkey/complete/", passkeys.EnrolCompleteRegistration.as_view(), name="enrol-passkey-complete"),
    path("account/", views.account, name="account"),
]
