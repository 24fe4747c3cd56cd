# Production image: the portal under gunicorn; the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 DEBUG=0
RUN apt-get update && apt-get install -y --no-install-recommends gettext libpq5 curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir .
COPY . .
# Build-time only: compile catalogues and collect static files (secrets come at run time).
RUN SECRET_KEY=build MELDPUNT_KEKS=build:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= python manage.py compilemessages -v 0 \
 && SECRET_KEY=build MELDPUNT_KEKS=build:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= python manage.py collectstatic --no-input -v 0
RUN useradd --system --uid 1000 meldpunt && mkdir -p /app/var && chown meldpunt /app/var
USER meldpunt
EXPOSE 8000
CMD ["gunicorn", "meldpunt.wsgi:application", "-c", "gunicorn.conf.py"]
