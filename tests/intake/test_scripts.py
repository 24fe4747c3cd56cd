"""A reporter writing Arabic, Chinese or Russian: text boxes follow the writing direction, labels
end in the script's own punctuation, dates read as in the reporter's language."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import open_mailbox

LANGUAGES = settings.REPORTER_LANGUAGES


def reporter(language, report=None):
    client = Client()
    client.cookies["django_language"] = language
    if report is not None:
        open_mailbox(client, report)
    return client


def reporter_pages(language, report):
    client = reporter(language, report)
    return {
        "report form": client.get(reverse("intake:report")).content.decode(),
        "mailbox": client.get(reverse("intake:mailbox")).content.decode(),
        "sign-in": reporter(language).get(reverse("intake:mailbox-sign-in")).content.decode(),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reporter_text_box_follows_the_writing_direction(language, report_factory):
    for name, html in reporter_pages(language, report_factory().report).items():
        boxes = re.findall(r"<textarea[^>]*>|<input[^>]*>", html)
        typed = [box for box in boxes if re.search(r'type="(text|email)"', box) or box.startswith("<textarea")]
        assert typed, name
        for box in typed:
            if 'name="code"' in box:
                assert 'dir="ltr"' in box  # the receipt code is digits, always left to right
            else:
                assert 'dir="auto"' in box, f"{name}: {box}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_label_ends_in_double_punctuation(language, report_factory):
    for name, html in reporter_pages(language, report_factory().report).items():
        labels = re.findall(r"<(?:label|legend)[^>]*>(.*?)</(?:label|legend)>", html, re.S)
        assert labels, name
        for label in labels:
            text = re.sub(r"<[^>]+>", "", label).strip()
            assert not re.search(r"[?؟？:：.!]\s*[:：]$", text), f"{name}: {text!r}"
            if language == "zh-hans" and text and text[-1] in ":：":
                assert text.endswith("："), f"{name}: {text!r}"


@pytest.mark.parametrize("language", ["ar", "zh-hans", "ru", "fr"])
def test_mailbox_dates_and_times_read_as_in_the_reporters_language(language, report_factory):
    """Django's Arabic format gave "ديسمبر 1, 2026, 11 ص": month first, a Latin comma. CLDR's reads
    day month year with the script's own comma."""
    from babel.dates import format_date, format_time
    from django.utils import timezone
    from django.utils.translation import to_locale

    report = report_factory().report
    client = reporter(language, report)
    client.post(reverse("intake:mailbox"), {"body": "A message to read back with its time."})
    html = client.get(reverse("intake:mailbox")).content.decode()
    locale = to_locale(language)
    received = timezone.localtime(report.received_at)
    assert format_date(received.date(), "long", locale=locale) in html
    sent = timezone.localtime(report.messages.get().sent_at)
    assert f'{format_date(sent.date(), "long", locale=locale)}' in html
    assert format_time(sent, "short", tzinfo=sent.tzinfo, locale=locale) in html  # "11:05 ص", "11:05"
    assert not re.search(r"[\u0600-\u06FF]+ \d{1,2}, \d{4}", html)  # no "ديسمبر 1, 2026"


def test_chinese_pages_use_full_width_brackets_around_chinese_words(report_factory):
    for name, html in reporter_pages("zh-hans", report_factory().report).items():
        text = re.sub(r"<[^>]+>", " ", html)
        assert not re.search(r"\([\u4e00-\u9fff]|[\u4e00-\u9fff]\)", text), name


def test_reporter_and_manager_templates_format_dates_through_cldr():
    """Django's |date formats read "ديسمبر 1, 2026" in Arabic: pages in the 8 reporter languages use
    |local_date and |local_datetime (meldpunt/local_dates.py) instead."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    folders = ["meldpunt/intake/templates", "meldpunt/channels/templates", "meldpunt/vault/templates",
               "vertrouwenspersonen/templates", "templates"]
    found = [
        f"{path.relative_to(root)}:{number}"
        for folder in folders for path in (root / folder).rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), 1) if re.search(r"\|date\b", line)
    ]
    assert not found, found
