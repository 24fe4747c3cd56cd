"""In the browser: a reporter sends a photo and sees the upload's progress; a handler previews the
cleaned copy inside the app."""

import io

import pytest
from PIL import Image

from meldpunt.accounts.models import Role
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import Report
from meldpunt.vault import services
from meldpunt.vault.models import EvidenceFile
from tests.browser.conftest import staff_sign_in
from tests.conftest import file_report, make_staff
from tests.vault import samples

CHROME_PDF_VIEWER = "mhjfbmdgcfjbbpaeojofohoefgiehjai"  # Chromium's built-in PDF viewer
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def serious_accessibility_problems(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]


def csp_errors(page) -> list[str]:
    errors = []
    page.on("console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None)
    return errors


def big_photo(path, *, megapixels=4):
    """A photo with location data, large enough that its upload takes a moment on a throttled link."""
    import random

    width = int((megapixels * 1_000_000 * 4 / 3) ** 0.5)
    height = width * 3 // 4
    noise = Image.frombytes("RGB", (width, height), random.randbytes(width * height * 3))
    exif = Image.Exif()
    exif[samples.ARTIST] = "Jan Jansen"
    exif[samples.GPS_IFD] = {1: "N", 2: (52.0, 4.0, 48.0), 3: "E", 4: (4.0, 18.0, 36.0)}
    noise.save(path, "JPEG", exif=exif, quality=90)
    return path


def test_a_reporter_sends_a_photo_and_watches_the_progress_bar(new_page, category, post, tmp_path):
    page = new_page(locale="en")
    errors = csp_errors(page)
    progress_values = []
    page.expose_function("recordProgress", lambda value: progress_values.append(value))
    page.goto("/report/")
    limits = page.locator("#files-limits")
    assert "You can add up to 20 files" in limits.inner_text()  # stated before choosing
    assert "a copy is made without their hidden data" in page.locator(".cleaning-notice").inner_text()
    assert page.locator(".upload-progress").is_hidden()  # until something is sent
    assert serious_accessibility_problems(page) == []

    page.select_option("select[name=category]", str(category.pk))
    page.fill("textarea[name=narrative]", "The head of section mocked my accent in every meeting.")
    page.select_option("select[name=post]", str(post.pk))
    photo = big_photo(tmp_path / "IMG_0042.jpg")
    page.set_input_files("input[name=files]", str(photo))
    page.evaluate(
        """() => {
            const bar = document.querySelector('.upload-progress progress');
            new MutationObserver(() => window.recordProgress(bar.value)).observe(bar, {attributes: true, childList: true});
        }"""
    )
    # A slow link (as from a post far away), so the progress is there to see.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": -1, "uploadThroughput": 4 * 1024 * 1024},
    )
    page.click("main button[type=submit]")
    page.wait_for_url("**/report/received/")
    assert page.locator("#receipt-code").is_visible()  # the code, shown once, on the page that replaced the form
    assert progress_values and progress_values[-1] == 100
    assert any(0 < value < 100 for value in progress_values), progress_values
    report = Report.objects.get()
    evidence = EvidenceFile.objects.get(report=report)
    assert evidence.unseal("name") == "IMG_0042.jpg"
    assert evidence.size == photo.stat().st_size
    assert evidence.working_status == EvidenceFile.Cleaning.CLEANED
    assert errors == []


def test_the_report_form_sends_files_without_javascript_too(browser, live_server, category, post, tmp_path):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    try:
        page.goto("/report/")
        page.select_option("select[name=category]", str(category.pk))
        page.fill("textarea[name=narrative]", "Sent from a browser without JavaScript.")
        page.select_option("select[name=post]", str(post.pk))
        (tmp_path / "notes.pdf").write_bytes(samples.pdf_with_author())
        page.set_input_files("input[name=files]", str(tmp_path / "notes.pdf"))
        page.click("main button[type=submit]")
        page.wait_for_url("**/report/received/")
        assert page.locator("#receipt-code").is_visible()
    finally:
        context.close()
    assert EvidenceFile.objects.get().report == Report.objects.get()


def test_a_refused_file_is_explained_and_the_text_stays(new_page, category, post, tmp_path):
    page = new_page(locale="fr")
    page.goto("/report/")
    page.select_option("select[name=category]", str(category.pk))
    page.fill("textarea[name=narrative]", "Ce que j'ai vu, avec mes mots.")
    page.select_option("select[name=post]", str(post.pk))
    (tmp_path / "photo.jpg").write_bytes(samples.EXE)
    page.set_input_files("input[name=files]", str(tmp_path / "photo.jpg"))
    page.click("main button[type=submit]")
    page.wait_for_selector(".refused-files")
    assert "photo.jpg" in page.locator(".refused-files").inner_text()
    assert serious_accessibility_problems(page) == []
    assert page.locator("textarea[name=narrative]").input_value() == "Ce que j'ai vu, avec mes mots."
    assert not Report.objects.exists()


def test_a_handler_previews_the_cleaned_copy_in_the_app(new_page, category, post):
    handler = make_staff(Role.CCI_HANDLER, post=post)
    report = file_report(category=category, post=post).report
    upload = samples.temporary_upload(samples.jpeg_with_gps(width=320, height=240), "IMG_0042.jpg")
    evidence, _created = services.evidence_add(
        report=report, upload=upload, media_type="image/jpeg", source="reporter",
    )
    evidence.refresh_from_db()
    assert evidence.working_status == EvidenceFile.Cleaning.CLEANED  # cleaned after commit (eager task)

    page = new_page(locale="en")
    errors = csp_errors(page)
    staff_sign_in(page, handler)
    page.goto(f"/staff/desk/reports/{report.pk}/")
    page.click("text=Files of this report")
    assert serious_accessibility_problems(page) == []
    row = page.locator("tr", has_text="IMG_0042.jpg")
    assert evidence.sha256 in row.inner_text() and "Reporter" in row.inner_text()
    row.locator("a", has_text="Preview").click()
    image = page.locator(".evidence-preview img")
    image.wait_for()
    size = image.evaluate(
        """img => img.complete ? [img.naturalWidth, img.naturalHeight]
            : new Promise(done => { img.onload = () => done([img.naturalWidth, img.naturalHeight]); })"""
    )
    assert size == [320, 240]
    assert "Cleaned copy" in page.locator("main").inner_text()
    # What the browser was given is the cleaned copy: no location, no author.
    served = page.request.get(image.get_attribute("src"))
    assert served.headers["content-disposition"].startswith("inline")
    with Image.open(io.BytesIO(served.body())) as shown:
        assert not shown.getexif()
    previews = AuditEvent.objects.filter(action="evidence.previewed", actor=handler, target_id=str(evidence.pk))
    assert previews.exists() and all(e.detail["variant"] == "working" for e in previews)
    assert errors == []


def test_a_handler_reads_a_cleaned_pdf_in_a_frame_of_the_app(new_page, category, post):
    handler = make_staff(Role.CCI_HANDLER, post=post)
    report = file_report(category=category, post=post).report
    upload = samples.temporary_upload(samples.pdf_with_author(), "notes.pdf")
    evidence, _created = services.evidence_add(report=report, upload=upload, media_type="application/pdf", source="reporter")
    page = new_page(locale="en")
    errors = csp_errors(page)
    staff_sign_in(page, handler)
    page.goto(f"/staff/desk/reports/{report.pk}/evidence/{evidence.pk}/")
    # Chromium's own PDF viewer opens in the same-origin frame: not blocked by the CSP or X-Frame-Options.
    for _attempt in range(75):
        urls = [f.url for f in page.frames]
        if any(u.endswith(f"/evidence/{evidence.pk}/content/") for u in urls) and any(
            u.startswith(f"chrome-extension://{CHROME_PDF_VIEWER}/") for u in urls
        ):
            break
        page.wait_for_timeout(200)
    else:
        pytest.fail(f"The PDF viewer did not open in the frame: {[f.url for f in page.frames]}")
    assert errors == []
    assert AuditEvent.objects.filter(action="evidence.previewed", target_id=str(evidence.pk)).exists()


def test_a_reporter_adds_a_file_later_from_the_mailbox_in_arabic(new_page, category, post, tmp_path):
    submitted = file_report(category=category, post=post, language="ar")
    page = new_page(locale="ar")
    errors = csp_errors(page)
    page.goto("/mailbox/sign-in/")
    page.fill("input[name=code]", submitted.receipt_code)
    page.click("main button[type=submit]")
    page.wait_for_url("**/mailbox/")
    panel = page.locator("section.evidence-upload")
    assert "ملفاتك" in panel.inner_text()  # "Your files", in the reporter's language
    assert "يمكنك إضافة ما يصل إلى 20 ملفًا" in panel.inner_text()  # the limits, before choosing
    (tmp_path / "صورة.png").write_bytes(samples.png_with_text())
    panel.locator("input[type=file]").set_input_files(str(tmp_path / "صورة.png"))
    panel.locator("button[type=submit]").click()
    page.wait_for_selector(".flash")
    assert "صورة.png" in page.locator("section.evidence-upload").inner_text()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert serious_accessibility_problems(page) == []
    evidence = EvidenceFile.objects.get(report=submitted.report)
    assert evidence.source == "reporter" and evidence.working_status == EvidenceFile.Cleaning.CLEANED
    assert errors == []
