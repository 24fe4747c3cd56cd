# Production image: the portal under gunicorn; the same image runs the Celery worker and beat.
# No secrets are copied in (.dockerignore keeps var/ and .env out); they come from the environment at
# run time. Validated here by hadolint and tests/test_docker.py: no Docker engine runs on the build
# machines, so the image itself has not been built there (docs/operations.md says so too).
FROM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MELDPUNT_VAR_DIR=/app/var \
    STATIC_ROOT=/app/staticfiles \
    GUNICORN_BIND=0.0.0.0:8000

# libmagic1: every manage.py command imports python-magic (the vault's type detection);
# gettext: compilemessages; libpq5: psycopg.
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext libmagic1 libpq5 \
 && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 1000 meldpunt \
 && useradd --system --uid 1000 --gid meldpunt --home-dir /app --shell /usr/sbin/nologin meldpunt

WORKDIR /app
COPY requirements/production.txt requirements/production.txt
RUN pip install --no-cache-dir -r requirements/production.txt

COPY . .

# Build time only: compile the catalogues and collect static files. The throwaway key below is never
# used to seal anything (no database exists at build time); the real keys come at run time.
RUN SECRET_KEY=build-only MELDPUNT_KEKS=build:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= MELDPUNT_VAR_DIR=/tmp/build \
    python manage.py compilemessages --ignore=var -v 0 \
 && SECRET_KEY=build-only MELDPUNT_KEKS=build:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= MELDPUNT_VAR_DIR=/tmp/build \
    python manage.py collectstatic --no-input -v 0 \
 && rm -rf /tmp/build

# The state the portal writes (vault, uploads being cleaned, beat's schedule) lives under /app/var,
# owned by the unprivileged user; docker-compose.yml mounts a volume there, which takes this ownership.
RUN mkdir -p /app/var/media/vault /app/var/uploads \
 && chown -R meldpunt:meldpunt /app/var \
 && chmod -R 0700 /app/var

USER 1000:1000
VOLUME ["/app/var"]
EXPOSE 8000
# /health/ answers over plain HTTP; the Host header must be one of ALLOWED_HOSTS.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:8000/health/', headers={'Host': os.environ['ALLOWED_HOSTS'].split(',')[0].lstrip('.')}), timeout=8)"]
CMD ["gunicorn", "meldpunt.wsgi:application", "-c", "gunicorn.conf.py"]
