"""Staff pages of the counsellor area, mounted at /staff/counsellors/ (password and TOTP required)."""

from django.urls import path

from . import views

app_name = "counsellors"
urlpatterns = [
    # the counsellor
    path("profile/", views.own_profile, name="own-profile"),
    path("profile/confirm/", views.own_profile_confirm, name="own-profile-confirm"),
    path("profile/what-i-show/", views.own_disclosures, name="own-disclosures"),
    path("sessions/", views.session_list, name="sessions"),
    path("sessions/new/", views.session_new, name="session-new"),
    path("sessions/<uuid:session_id>/", views.session_detail, name="session-detail"),
    path("sessions/<uuid:session_id>/edit/", views.session_edit, name="session-edit"),
    path("sessions/<uuid:session_id>/forward/", views.session_forward, name="session-forward"),
    path("sessions/<uuid:session_id>/forwarded/", views.session_forwarded, name="session-forwarded"),
    # the coordinator
    path("directory/", views.manage_list, name="manage"),
    path("directory/new/", views.manage_new, name="manage-new"),
    path("directory/<int:counsellor_id>/", views.manage_edit, name="manage-edit"),
    path("coverage/", views.coverage, name="coverage"),
    path("figures/", views.figures, name="figures"),
    path("training/", views.training, name="training"),
    path("training/new/", views.training_new, name="training-new"),
    path("training/schedule/", views.training_schedule, name="training-schedule"),
    path("training/<int:event_id>/attendance/", views.training_attendance, name="training-attendance"),
    path("my-training/", views.my_training, name="my-training"),
    path("my-training/<int:event_id>/sign-up/", views.my_training_sign_up, name="my-training-sign-up"),
    path("my-training/<int:event_id>/cancel/", views.my_training_sign_up, {"cancel": True}, name="my-training-cancel"),
    path("locations/", views.location_list, name="locations"),
    path("locations/new/", views.location_edit, name="location-new"),
    path("locations/<int:location_id>/", views.location_edit, name="location-edit"),
    path("complaints/", views.complaint_list, name="complaints"),
    path("complaints/<uuid:complaint_id>/", views.complaint_detail, name="complaint"),
    path("posters/", views.poster_overview, name="posters"),
    path("posters/<uuid:batch>/", views.poster_batch, name="poster-batch"),
]
