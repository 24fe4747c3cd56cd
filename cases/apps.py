from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Case handling"

    def ready(self):
        from meldpunt import background, notifications
        from meldpunt.intake import events

        from . import aftercare, disclosure, monitoring, moves, services

        events.report_received.connect(services.on_report_received, dispatch_uid="cases.report_received")
        events.receipt_reissue_requested.connect(services.on_receipt_reissue_requested, dispatch_uid="cases.receipt_reissue_requested")
        events.aftercare_answered.connect(aftercare.on_aftercare_answered, dispatch_uid="cases.aftercare_answered")
        events.disclosure_answered.connect(disclosure.on_disclosure_answered, dispatch_uid="cases.disclosure_answered")
        events.forwarding_consent_answered.connect(moves.on_forwarding_consent_answered, dispatch_uid="cases.forwarding_consent_answered")
        # Whatever the reporter does in the mailbox awaits the desk's reply and is announced to it.
        for event, name in (
            (events.reporter_message_received, "message"), (events.meeting_requested, "meeting"),
            (events.minutes_answered, "minutes"), (events.aftercare_answered, "aftercare"),
        ):
            event.connect(services.on_reporter_activity, dispatch_uid=f"cases.reporter_activity.{name}")
        background.task_failed.connect(monitoring.on_task_failed, dispatch_uid="cases.task_failed")
        notifications.mail_given_up.connect(monitoring.on_mail_given_up, dispatch_uid="cases.mail_given_up")
