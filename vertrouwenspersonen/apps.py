from django.apps import AppConfig


class VertrouwenspersonenConfig(AppConfig):
    name = "vertrouwenspersonen"
    verbose_name = "Confidential counsellors"

    def ready(self):
        from meldpunt.intake import events

        from . import services

        # A report about a counsellor (routed to the counsellor coordinator) opens a complaint record.
        events.report_received.connect(services.on_report_received, dispatch_uid="vertrouwenspersonen.report_received")
