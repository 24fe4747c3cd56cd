"""A counsellor coordinator prints the poster for Rabat, whose first language is Arabic, to PDF in
Debian's chromium (as "Save as PDF" does), and the text read back from the PDF is the poster's."""

import io
import unicodedata

import pytest
from pypdf import PdfReader

from meldpunt.accounts.models import Role
from meldpunt.organisation.models import Post, Region
from tests.conftest import make_staff
from vertrouwenspersonen import services

from .conftest import staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def plain(text: str) -> str:
    """PDF text as letters: Arabic presentation forms folded to their base letters, spaces dropped
    (a PDF keeps glyphs, not words)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_a_poster_for_rabat_prints_to_pdf_in_arabic(new_page):
    mena = Region.objects.create(code="mena", name="Midden-Oosten", name_en="Middle East", name_ar="الشرق الأوسط")
    rabat = Post.objects.create(code="rabat", name="Ambassade Rabat", name_en="Embassy Rabat", name_ar="السفارة في الرباط",
                                kind="embassy", city="Rabat", country_code="MA", region=mena, languages="ar,fr")
    coordinator = make_staff(Role.COUNSELLOR_COORDINATOR, username="coordinator")
    services.counsellor_create(actor=coordinator, changes={
        "name": "Amira Haddad", "is_published": True, "languages": ["ar", "fr"], "posts": [rabat],
        "phone": "+212 537 000 000",
    })

    page = new_page("en")
    staff_sign_in(page, coordinator)
    page.goto("/staff/counsellors/posters/")
    page.select_option("select[name=post]", str(rabat.pk))
    page.check("input[name=kind][value=poster]")
    page.check("input[name=paper][value=a4]")
    page.click("main button[type=submit]")
    page.wait_for_selector("article.sheet.poster")
    assert page.locator("article.sheet").get_attribute("dir") == "rtl"

    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    width_pt, height_pt = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width_pt - 595) < 3 and abs(height_pt - 842) < 3  # A4 portrait
    text = plain(" ".join(p.extract_text() for p in reader.pages))
    assert "AmiraHaddad" in text and "+212537000000" in text
    # Arabic text comes back as Arabic letters, in logical or in visual order.
    for arabic in ("السفارةفيالرباط", "العربية"):
        assert arabic in text or arabic[::-1] in text, arabic
    assert "Français" in text or "Franç" in text
    # The toolbar is for the screen only: it is not on paper.
    assert "Ctrl+P" not in text
