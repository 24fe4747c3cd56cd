from django.urls import path

from . import views, willingness
from .models import Channel

app_name = "intake"
urlpatterns = [
    path("", views.home, name="home"),
    path("report/", views.report_form, name="report"),
    # The external reporting point: the same form and receipt, kept by the external desk only.
    path("report/external/", views.report_form, {"channel": Channel.EXTERNAL}, name="report-external"),
    # The complaints committee: a formal complaint about undesirable conduct, kept by its desk only.
    path("report/complaint/", views.report_form, {"channel": Channel.COMPLAINTS}, name="report-complaint"),
    path("report/received/", views.receipt, name="receipt"),
    # Under the receipt's path, so the cookie that holds the code's key reaches it (held_codes.py).
    path("report/received/slip.txt", views.receipt_slip, name="receipt-slip"),
    path("mailbox/", views.mailbox, name="mailbox"),
    path("feedback/", willingness.willingness, name="willingness"),
    path("mailbox/sign-in/", views.mailbox_sign_in, name="mailbox-sign-in"),
    path("mailbox/sign-out/", views.mailbox_sign_out, name="mailbox-sign-out"),
    path("mailbox/lost-code/", views.lost_code, name="lost-code"),
    path("mailbox/new-code/<str:token>/", views.new_code, name="new-code"),
    path("mailbox/still-here/", views.mailbox_still_here, name="mailbox-still-here"),
    path("mailbox/session.css", views.mailbox_session_css, name="mailbox-session-css"),
    path("mailbox/meeting/", views.mailbox_meeting_request, name="mailbox-meeting"),
    path("mailbox/addition/", views.mailbox_report_addition, name="mailbox-addition"),
    path("mailbox/minutes/<uuid:minutes_id>/", views.mailbox_minutes_answer, name="mailbox-minutes-answer"),
    path("mailbox/aftercare/<uuid:checkin_id>/", views.mailbox_aftercare_answer, name="mailbox-aftercare-answer"),
    path("mailbox/disclosure/<uuid:disclosure_id>/", views.mailbox_disclosure_answer, name="mailbox-disclosure-answer"),
    path("mailbox/consent/<int:consent_id>/", views.mailbox_forwarding_consent, name="mailbox-forwarding-consent"),
]
