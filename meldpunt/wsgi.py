import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meldpunt.settings")
application = get_wsgi_application()

from meldpunt.checks import refuse_bad_configuration  # noqa: E402  (needs the apps loaded)

refuse_bad_configuration()  # gunicorn does not run Django's checks: bad configuration stops it here
