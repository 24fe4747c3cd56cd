"""I1: U+202E and the other bidi controls typed by a reporter are shown to staff as visible marks.

An override in a narrative or message makes what the desk reads differ from what was written
(`Trojan Source`); staff must see that a control character was there instead of obeying it.
"""

from django.urls import reverse

from meldpunt.accounts.models import Role
from meldpunt.intake import services as intake_services

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_the_desk_sees_bidi_controls_in_a_narrative_and_message_as_visible_marks(
    report_factory, staff_factory, client_for, post
):
    submitted = report_factory(narrative="The payment was \u202eDEVORPPA\u202c by the consul. Files: invoice\u202egpj.exe")
    intake_services.mailbox_message_from_reporter(report=submitted.report, body="Also \u2067isolated\u2069 and \u202dforced\u202c.")
    handler = staff_factory(Role.CCI_HANDLER, post=post)

    page = client_for(handler).get(reverse("cases:report-detail", kwargs={"report_id": submitted.report.pk}))

    text = page.content.decode()
    assert page.status_code == 200
    assert not any(control in text for control in CONTROLS)
    assert "The payment was [U+202E]DEVORPPA[U+202C] by the consul" in text
    assert "invoice[U+202E]gpj.exe" in text
    assert "Also [U+2067]isolated[U+2069] and [U+202D]forced[U+202C]." in text


def test_ordinary_right_to_left_text_and_its_marks_are_left_alone():
    from meldpunt.bidi import neutralise

    arabic = "قال المدير \u200fإن\u200e الدفع تم"
    assert neutralise(arabic) == arabic
    assert neutralise("a\u202eb") == "a[U+202E]b"


def test_a_csv_export_shows_bidi_controls_as_marks():
    from meldpunt.spreadsheet import csv_cell

    assert csv_cell("invoice\u202egpj.exe") == "invoice[U+202E]gpj.exe"
