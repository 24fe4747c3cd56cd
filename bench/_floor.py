"""The floor the portal's pages are measured against: a bare Django app under the same gunicorn
settings that renders one template (the least any page does), and one that also reads one row by its
primary key from the portal's own SQLite database (the least any page that reads does)."""

import os

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="floor-only-no-secrets-here",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["FLOOR_DATABASE"],
                               "CONN_MAX_AGE": None}},
        TEMPLATES=[{
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [os.path.join(os.path.dirname(__file__), "floor_templates")],
            "OPTIONS": {"loaders": [("django.template.loaders.cached.Loader",
                                     ["django.template.loaders.filesystem.Loader"])]},
        }],
    )

import django  # noqa: E402

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.db import connection  # noqa: E402
from django.shortcuts import render  # noqa: E402
from django.urls import path  # noqa: E402


def bare_template(request):
    return render(request, "floor.html", {"title": "floor", "row": None})


def bare_template_one_read(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, code FROM organisation_post WHERE id = %s", [1])
        row = cursor.fetchone()
    return render(request, "floor.html", {"title": "floor", "row": row})


urlpatterns = [path("template/", bare_template), path("read/", bare_template_one_read)]
application = get_wsgi_application()
