from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Case handling"

    def ready(self):
        from meldpunt import notifications
        from meldpunt.intake import events

        from . import aftercare, monitoring, services

        events.report_received.connect(services.on_report_received, dispatch_uid="cases.report_received")
        events.meeting_requested.connect(services.on_reporter_meeting_activity, dispatch_uid="cases.meeting_requested")
        events.minutes_answered.connect(services.on_reporter_meeting_activity, dispatch_uid="cases.minutes_answered")
        events.aftercare_answered.connect(aftercare.on_aftercare_answered, dispatch_uid="cases.aftercare_answered")
        notifications.mail_given_up.connect(monitoring.on_mail_given_up, dispatch_uid="cases.mail_given_up")
