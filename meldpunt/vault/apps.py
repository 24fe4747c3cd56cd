from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "meldpunt.vault"
    label = "vault"
    verbose_name = "Evidence vault"

    def ready(self):
        from meldpunt.intake import events

        from . import services, uploads

        # Files added on the report form are staged under the form's one-time token; they join the
        # report inside report_submit's own transaction.
        events.report_received.connect(services.on_report_received, dispatch_uid="vault.report_received")
        # A file name too long for a multipart header costs that file only, not the whole form (L13).
        uploads.install_part_tolerant_parser()
