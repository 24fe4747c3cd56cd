"""Django's and django-axes's sign-in signals, put on the audit trail (connected in AccountsConfig.ready)."""

from . import services


def on_login_failed(sender, credentials, request=None, **kwargs):
    services.sign_in_failed(username=credentials.get("username", ""), step=credentials.get("step", "password"))


def on_locked_out(sender, request=None, username=None, **kwargs):
    services.sign_in_locked_out(username=username or "")


def on_logged_in(sender, request=None, user=None, **kwargs):
    if request is not None and hasattr(request, "session"):
        from .views import start_staff_session

        start_staff_session(request)
