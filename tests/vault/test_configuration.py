"""The vault's configuration: filesystem by default, an S3-compatible store by environment."""

import json
import os
import subprocess
import sys

from django.conf import settings

from meldpunt.vault import tasks


def settings_in_a_fresh_process(**environment) -> dict:
    code = (
        "import json, django; from django.conf import settings; "
        "print(json.dumps({'vault': settings.STORAGES['vault'], 'handlers': settings.FILE_UPLOAD_HANDLERS, "
        "'memory': settings.FILE_UPLOAD_MAX_MEMORY_SIZE}, default=str))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "meldpunt.settings", "SECRET_KEY": "x",
           "MELDPUNT_KEKS": "t:" + "A" * 43 + "=", "MELDPUNT_VAR_DIR": str(settings.VAR_DIR), **environment}
    if "VAULT_S3_BUCKET" not in environment:
        env.pop("VAULT_S3_BUCKET", None)
    output = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                            cwd=settings.BASE_DIR).stdout
    return json.loads(output.strip().splitlines()[-1])


def test_the_vault_is_on_the_filesystem_by_default_and_uploads_never_go_to_memory():
    config = settings_in_a_fresh_process()
    assert config["vault"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert config["vault"]["OPTIONS"]["location"].endswith(os.path.join("media", "vault"))
    assert config["vault"]["OPTIONS"]["file_permissions_mode"] == 0o600
    assert config["handlers"] == ["meldpunt.vault.uploads.BoundedTemporaryFileUploadHandler"]
    assert config["memory"] == 0


def test_an_s3_compatible_store_by_configuration():
    config = settings_in_a_fresh_process(
        VAULT_S3_BUCKET="evidence", VAULT_S3_ENDPOINT_URL="https://s3.example.internal", VAULT_S3_PREFIX="meldpunt"
    )
    options = config["vault"]["OPTIONS"]
    assert config["vault"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == "evidence" and options["endpoint_url"] == "https://s3.example.internal"
    assert options["location"] == "meldpunt" and options["default_acl"] == "private"
    assert options["file_overwrite"] is False and options["max_memory_size"] == 8 * 1024 * 1024


def test_the_upload_handler_is_djangos_temporary_file_handler():
    from django.core.files.uploadhandler import TemporaryFileUploadHandler

    from meldpunt.vault.uploads import BoundedTemporaryFileUploadHandler

    assert issubclass(BoundedTemporaryFileUploadHandler, TemporaryFileUploadHandler)


def test_the_staging_purge_task_runs(db):
    assert tasks.staging_purge() == 0
    assert "vault-staging-purge" in settings.CELERY_BEAT_SCHEDULE
