"""A reporter's journey over HTTP against a running portal, as a browser behind the TLS proxy would
make it (ops/production-check.sh runs this). Standard library only.

    python ops/http_journey.py report BASE_URL HOST LANGUAGE   -> prints the receipt code
    python ops/http_journey.py mailbox BASE_URL HOST CODE      -> opens the mailbox with the code
    python ops/http_journey.py health BASE_URL HOST [WAIT_FOR_SCAN]

With an http:// BASE_URL the TLS proxy is played by the headers (X-Forwarded-Proto: https, which
gunicorn trusts from FORWARDED_ALLOW_IPS, and Host: the public name); with https:// the requests go
through the real proxy. Cookies are Secure, so they are kept by hand.
"""

import http.client
import json
import re
import ssl
import sys
import time
import urllib.parse
from html.parser import HTMLParser

CODE = re.compile(r"(\d{4} ){5}\d{4}")
NARRATIVE = "صرخ مدير القسم في وجه زميلة أمام الجميع وهددها بإنهاء عقدها."  # must never reach any email


class Browser:
    def __init__(self, base_url: str, host: str, language: str = "en"):
        parts = urllib.parse.urlsplit(base_url)
        self.tls = parts.scheme == "https"  # through the real TLS proxy; else play the proxy's part
        self.address = (parts.hostname, parts.port or (443 if self.tls else 80))
        self.host, self.language, self.cookies = host, language, {}

    def request(self, method: str, path: str, form: dict | None = None, follow: bool = True):
        headers = {"Host": self.host, "Accept-Language": self.language, "User-Agent": "meldpunt-production-check"}
        if not self.tls:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{self.host}"
            headers["Referer"] = f"https://{self.host}{path}"
        if self.tls:  # the check's own self-signed certificate
            conn = http.client.HTTPSConnection(*self.address, timeout=60, context=ssl._create_unverified_context())
        else:
            conn = http.client.HTTPConnection(*self.address, timeout=60)
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        content = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        conn.close()
        if follow and response.status in (301, 302, 303):
            location = urllib.parse.urlsplit(response.getheader("Location"))
            target = location.path + (f"?{location.query}" if location.query else "")
            return self.request("GET", target)
        return response.status, content


class FormReader(HTMLParser):
    """The fields of the page's form with id or action `marker`: hidden values, first real options."""

    def __init__(self):
        super().__init__()
        self.fields, self.select, self.textareas, self.radios = {}, None, [], {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind == "hidden":
                self.fields[name] = a.get("value", "")
            elif kind == "radio":
                self.radios.setdefault(name, a.get("value"))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and a.get("value") and self.select not in self.fields:
            self.fields[self.select] = a["value"]
        elif tag == "textarea" and name:
            self.textareas.append(name)

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def report(base_url: str, host: str, language: str) -> str:
    browser = Browser(base_url, host, language)
    status, page = browser.request("GET", "/report/")
    assert status == 200, f"report form: HTTP {status}"
    assert f'lang="{language}"' in page, "the form is not in the reporter's language"
    form = FormReader()
    form.feed(page)
    assert "csrfmiddlewaretoken" in form.fields and "submission_token" in form.fields, "no CSRF or form token"
    data = dict(form.fields)
    data.update({name: NARRATIVE for name in form.textareas})
    data.update({k: v for k, v in form.radios.items() if k not in data})
    data["identity"] = "anonymous"
    status, page = browser.request("POST", "/report/", data)
    match = CODE.search(page)
    assert status == 200 and match, f"no receipt code after filing (HTTP {status})"
    return match.group(0)


def mailbox(base_url: str, host: str, code: str) -> None:
    browser = Browser(base_url, host, "ar")
    status, page = browser.request("GET", "/mailbox/sign-in/")
    form = FormReader()
    form.feed(page)
    status, page = browser.request("POST", "/mailbox/sign-in/", {**form.fields, "code": code})
    assert status == 200 and "mailbox/sign-out" in page, f"the mailbox did not open with the code (HTTP {status})"


def health(base_url: str, host: str, wait_for_scan: bool = False) -> dict:
    browser = Browser(base_url, host)
    deadline = time.monotonic() + 90
    while True:
        status, page = browser.request("GET", "/health/", follow=False)
        body = json.loads(page) if page.startswith("{") else {}
        ready = status == 200 and (not wait_for_scan or body["checks"]["reminder_scan"] == "ok")
        if ready or time.monotonic() > deadline:
            assert ready, f"/health/ answered {status}: {page[:300]}"
            assert set(body) == {"status", "checks"}, "health reveals more than ok/fail"
            return body
        time.sleep(1)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "report":
        print(report(*args))
    elif command == "mailbox":
        mailbox(*args)
    elif command == "health":
        print(json.dumps(health(args[0], args[1], len(args) > 2 and args[2] == "wait-for-scan")))
    else:
        sys.exit(__doc__)
