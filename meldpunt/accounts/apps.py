from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "meldpunt.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import receivers

        user_login_failed.connect(receivers.on_login_failed, dispatch_uid="meldpunt-sign-in-failed")
        user_logged_in.connect(receivers.on_logged_in, dispatch_uid="meldpunt-staff-session-start")
        user_locked_out.connect(receivers.on_locked_out, dispatch_uid="meldpunt-sign-in-locked-out")
