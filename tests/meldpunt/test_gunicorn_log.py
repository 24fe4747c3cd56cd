"""The production access log keeps neither the client address nor the query string."""

import runpy
from datetime import timedelta
from types import SimpleNamespace

from django.conf import settings
from gunicorn.config import Config
from gunicorn.glogging import Logger


def test_the_access_log_line_has_no_query_string_and_no_address():
    conf = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    config = Config()
    config.set("access_log_format", conf["access_log_format"])
    logger = Logger(config)
    environ = {
        "REQUEST_METHOD": "GET", "RAW_URI": "/mailbox/?code=1234+5678", "PATH_INFO": "/mailbox/",
        "QUERY_STRING": "code=1234+5678", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "203.0.113.9",
        "HTTP_X_FORWARDED_FOR": "198.51.100.7",
    }
    request = SimpleNamespace(headers=[("X-FORWARDED-FOR", "198.51.100.7")], method="GET",
                              uri="/mailbox/?code=1234+5678", path="/mailbox/", query="code=1234+5678",
                              version=(1, 1))
    response = SimpleNamespace(status="200 OK", status_code=200, sent=512, headers=[], response_length=512)
    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=12))
    line = conf["access_log_format"] % atoms
    assert line.startswith('"GET /mailbox/ HTTP/1.1" 200 512')
    assert "1234" not in line and "code=" not in line
    assert "203.0.113.9" not in line and "198.51.100.7" not in line
