import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meldpunt.settings")

app = Celery("meldpunt")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def _refuse_bad_configuration(**kwargs):
    from meldpunt.checks import refuse_bad_configuration

    refuse_bad_configuration()
