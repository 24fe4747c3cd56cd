#!/usr/bin/env bash
# Production, as docs/operations.md sets it up, on this machine's PostgreSQL and Redis: DEBUG unset,
# the guide's commands (the lines marked "guide:" are quoted in docs/operations.md word for word, and
# tests/test_operations_guide.py keeps the two in step), gunicorn, a Celery worker and Celery beat as
# separate processes, a report filed over HTTP in Arabic, the desk's content-free notice carried by
# Redis to the worker, the mailbox opened with the receipt code, /health/, and the deploy check.
# Stops everything it started. Run by .ci/run; by hand: bash ops/production-check.sh
#
# Settings (all optional): PRODCHECK_DB (meldpunt_prodcheck), PRODCHECK_REDIS_DB (7),
# PRODCHECK_PORT (8271), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
started=$(date +%s)
step() { printf '\n--- %s (%ss) ---\n' "$*" "$(( $(date +%s) - started ))"; }
fail() { echo "PRODUCTION CHECK FAILED: $*" >&2; exit 1; }

DB_NAME=${PRODCHECK_DB:-meldpunt_prodcheck}
REDIS_DB=${PRODCHECK_REDIS_DB:-7}
PORT=${PRODCHECK_PORT:-8271}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
WORK=$(mktemp -d /tmp/meldpunt-prodcheck.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "${KEEP_PRODCHECK:-}" != 1 ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT INT TERM

step "a fresh server: empty database $DB_NAME, Redis database $REDIS_DB, the environment file"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME" -c "CREATE DATABASE $DB_NAME" >/dev/null
redis-cli -n "$REDIS_DB" flushdb >/dev/null
test -x .venv/bin/python || make venv
export PATH="$ROOT/.venv/bin:$PATH"   # the guide's `python`, `gunicorn` and `celery` are the virtualenv's
unset DEBUG DJANGO_SETTINGS_MODULE
# The environment file an operator writes (docs/operations.md, "Settings"), here with fresh keys.
cat > "$WORK/meldpunt.env" <<ENV
SECRET_KEY=$(python -c 'import secrets; print(secrets.token_urlsafe(50))')
MELDPUNT_KEKS=k$(date +%Y)a:$(python -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
DATABASE_URL=postgres://$PGUSER@$PGHOST:$PGPORT/$DB_NAME
CELERY_BROKER_URL=redis://127.0.0.1:6379/$REDIS_DB
CACHE_URL=redis://127.0.0.1:6379/$REDIS_DB
ALLOWED_HOSTS=meldpunt.example.org
CSRF_TRUSTED_ORIGINS=https://meldpunt.example.org
SITE_URL=https://meldpunt.example.org
FORWARDED_ALLOW_IPS=127.0.0.1
TRUSTED_PROXY_HOPS=1
MELDPUNT_VAR_DIR=$WORK/var
STATIC_ROOT=$WORK/static
GUNICORN_BIND=127.0.0.1:$PORT
GUNICORN_WORKERS=2
DEFAULT_FROM_EMAIL=meldpunt@example.org
EMAIL_HOST=smtp.example.org
EMAIL_HOST_USER=meldpunt
EMAIL_HOST_PASSWORD=not-used-here
EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend
EMAIL_FILE_PATH=$WORK/mail
REMINDER_SCAN_SECONDS=5
ENV
# (Besides paths and ports, the last three lines are the only departures from the guide: mail is written to files
# instead of an SMTP server, and beat schedules the reminder scan every 5 s so /health/ sees one.)
mkdir -p "$WORK/var" "$WORK/mail" "$WORK/log"
set -a; . "$WORK/meldpunt.env"; set +a
HOST=meldpunt.example.org
BASE=http://127.0.0.1:$PORT

step "compile the catalogues, migrate (seeds the posts), collect static files"
python manage.py compilemessages --ignore=.venv --ignore=var -v 0      # guide:install
python manage.py migrate --no-input                                    # guide:install
python manage.py collectstatic --no-input -v 0                         # guide:install
python manage.py check --deploy --fail-level WARNING                   # guide:install
posts=$(python manage.py shell -v 0 -c "from meldpunt.organisation.models import Post; print(Post.objects.count())" | tail -1)
[ "$posts" -ge 150 ] || fail "migrate left $posts posts"

step "the first administrator and a desk member, each with a one-time enrolment link"
python manage.py create_admin beheerder --email beheer@example.org > "$WORK/admin.txt"   # guide:staff
grep -q "https://meldpunt.example.org/" "$WORK/admin.txt" || fail "create_admin printed no enrolment link"
python manage.py invite_staff cci.behandelaar --email cci@example.org --role cci_handler > "$WORK/invite.txt"   # guide:staff
grep -q "https://meldpunt.example.org/" "$WORK/invite.txt" || fail "invite_staff printed no enrolment link"

step "gunicorn, a Celery worker and Celery beat, each its own process"
gunicorn meldpunt.wsgi:application -c gunicorn.conf.py > "$WORK/log/web.log" 2>&1 &                       # guide:run
PIDS+=($!)
celery -A meldpunt worker -l INFO > "$WORK/log/worker.log" 2>&1 &                                       # guide:run
PIDS+=($!)
celery -A meldpunt beat -l INFO > "$WORK/log/beat.log" 2>&1 &                                           # guide:run
PIDS+=($!)
for _ in $(seq 60); do
  python ops/http_journey.py health "$BASE" "$HOST" >/dev/null 2>&1 && break
  for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || { tail -20 "$WORK"/log/*.log; fail "a process stopped"; }; done
  sleep 1
done
grep -q "ready" "$WORK/log/worker.log" || sleep 3

step "a report filed over HTTP in Arabic; the desk's notice goes through Redis to the worker"
code=$(python ops/http_journey.py report "$BASE" "$HOST" ar)
for _ in $(seq 60); do ls "$WORK/mail"/*.log >/dev/null 2>&1 && break; sleep 1; done
ls "$WORK/mail"/*.log >/dev/null 2>&1 || { tail -30 "$WORK/log/worker.log"; fail "no desk notice was sent"; }
grep -q "cases.tasks.desk_new_report_notify" "$WORK/log/worker.log" || fail "the notice did not come through the worker"
grep -q "To: cci@example.org" "$WORK"/mail/*.log || fail "the notice did not go to the desk"
if grep -q "صرخ" "$WORK"/mail/*.log; then fail "the notice carries the report's content"; fi

step "the mailbox opens with the receipt code"
python ops/http_journey.py mailbox "$BASE" "$HOST" "$code"

if command -v nginx >/dev/null; then
  step "through nginx configured as the guide's section 6 says, over real TLS"
  TLS_PORT=${PRODCHECK_TLS_PORT:-8272}
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$HOST" \
    -keyout "$WORK/privkey.pem" -out "$WORK/fullchain.pem" >/dev/null 2>&1
  mkdir -p "$WORK/nginx"
  python - "$WORK" "$TLS_PORT" "$GUNICORN_BIND" > "$WORK/nginx.conf" <<'PY'
import re, sys
work, port, bind = sys.argv[1:]
guide = open("docs/operations.md").read()
server = re.search(r"```nginx\n(server \{.*?\n\})\n", guide, re.S).group(1)  # the first block: the TLS server
server = server.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl;")
server = server.replace("/etc/ssl/meldpunt/", f"{work}/").replace("http://127.0.0.1:8000", f"http://{bind}")
print(f"""daemon off; pid {work}/nginx.pid; error_log {work}/log/nginx-error.log;
events {{ worker_connections 64; }}
http {{
  client_body_temp_path {work}/nginx; proxy_temp_path {work}/nginx; fastcgi_temp_path {work}/nginx;
  uwsgi_temp_path {work}/nginx; scgi_temp_path {work}/nginx;
{server}
}}""")
PY
  nginx -t -q -c "$WORK/nginx.conf" -p "$WORK" || fail "the guide's nginx configuration does not load"
  nginx -c "$WORK/nginx.conf" -p "$WORK" &
  PIDS+=($!)
  for _ in $(seq 20); do (echo > "/dev/tcp/127.0.0.1/$TLS_PORT") 2>/dev/null && break; sleep 0.5; done
  code=$(python ops/http_journey.py report "https://127.0.0.1:$TLS_PORT" "$HOST" ar)
  python ops/http_journey.py mailbox "https://127.0.0.1:$TLS_PORT" "$HOST" "$code"
else
  step "(nginx is not installed: the guide's proxy configuration was not tried)"
fi

step "/health/ (waiting for beat's first reminder scan, run by the worker)"
curl -fsS -H "Host: meldpunt.example.org" "http://$GUNICORN_BIND/health/"   # guide:health
echo
python ops/http_journey.py health "$BASE" "$HOST" wait-for-scan

step "the access log keeps no query string and no address"
python ops/http_journey.py health "$BASE" "$HOST" >/dev/null
curl -fsS -o /dev/null -H "Host: $HOST" -H "X-Forwarded-Proto: https" "$BASE/health/?code=1234-secret"
sleep 1
grep -q '"GET /health/ HTTP/1.1" 200' "$WORK/log/web.log" || fail "no access log line for /health/"
if grep '"GET ' "$WORK/log/web.log" | grep -q "1234-secret\|127\.0\.0\.1"; then
  fail "the access log keeps a query string or an address"
fi

step "done: production check passed in $(( $(date +%s) - started )) s"
