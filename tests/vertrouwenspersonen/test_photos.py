"""Photos are optional; what is kept is a fresh, small JPEG with nothing else from the uploaded file."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from vertrouwenspersonen import photos
from vertrouwenspersonen.models import CounsellorPhoto

from .conftest import image_bytes

OWN_PROFILE = reverse("counsellors:own-profile")


def jpeg_with_gps_exif() -> bytes:
    image = Image.new("RGB", (1600, 1200), (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0131] = "SecretEditor 1.0"  # Software
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (52.0, 4.0, 42.0)  # GPSLatitudeRef, GPSLatitude
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, comment=b"taken at home")
    return buffer.getvalue()


def upload(data: bytes, name="me.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_a_counsellor_adds_a_photo_and_its_metadata_is_gone(profile, counsellor_user, client_for):
    original = jpeg_with_gps_exif()
    assert b"SecretEditor" in original and b"taken at home" in original
    response = client_for(counsellor_user).post(OWN_PROFILE, {"photo": upload(original)})
    assert response.status_code == 302
    stored = CounsellorPhoto.objects.get(counsellor=profile)
    data = bytes(stored.jpeg)
    assert b"SecretEditor" not in data and b"CameraMaker" not in data and b"taken at home" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        assert "comment" not in image.info and "icc_profile" not in image.info
        assert max(image.size) <= photos.OUTPUT_MAX_SIDE
        assert image.size == (480, 360)  # proportions kept


def test_the_photo_is_served_by_the_app_with_a_version(profile, counsellor_user, client_for):
    client_for(counsellor_user).post(OWN_PROFILE, {"photo": upload(image_bytes("PNG"), "me.png", "image/png")})
    url = reverse("vertrouwenspersonen:photo", args=[profile.pk])
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response.content.startswith(b"\xff\xd8")
    assert Client().get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    page = Client().get(reverse("vertrouwenspersonen:profile", args=[profile.pk])).content.decode()
    assert f"{url}?v=" in page and 'alt="Photo of Amira Haddad"' in page


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"%PDF-1.4 not a picture", "cv.jpg", "not a photo we can use"),
        (image_bytes("GIF"), "me.gif", "not a photo we can use"),
        (image_bytes("JPEG")[:200], "broken.jpg", "not a photo we can use"),
        (b"", "empty.jpg", "The submitted file is empty"),
    ],
)
def test_a_file_that_is_not_a_usable_photo_is_refused_and_nothing_is_lost(profile, counsellor_user, client_for, data, name, message):
    response = client_for(counsellor_user).post(
        OWN_PROFILE, {"photo": upload(data, name), "introduction_en": "My new introduction, typed before the upload."}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "My new introduction, typed before the upload." in html  # still in the form
    assert not CounsellorPhoto.objects.exists()
    profile.refresh_from_db()
    assert profile.introduction_en == "I listen."  # nothing half-saved


def test_a_photo_over_five_megabytes_is_refused(profile, counsellor_user, client_for):
    big = image_bytes("PNG") + b"\0" * (photos.MAX_UPLOAD_BYTES + 1)
    response = client_for(counsellor_user).post(OWN_PROFILE, {"photo": upload(big, "big.png", "image/png")})
    assert response.status_code == 400
    assert "at most 5 MB" in response.content.decode()


def test_a_decompression_bomb_is_refused_before_decoding(db):
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, format="PNG")  # 81 million pixels in a small file
    assert len(buffer.getvalue()) < photos.MAX_UPLOAD_BYTES
    with pytest.raises(Exception) as caught:
        photos.photo_from_bytes(buffer.getvalue())
    assert "too many pixels" in str(caught.value)


def test_a_photo_can_be_removed(profile, counsellor_user, client_for):
    client = client_for(counsellor_user)
    client.post(OWN_PROFILE, {"photo": upload(image_bytes())})
    assert CounsellorPhoto.objects.filter(counsellor=profile).exists()
    client.post(OWN_PROFILE, {"remove_photo": "on"})
    assert not CounsellorPhoto.objects.filter(counsellor=profile).exists()
    assert Client().get(reverse("vertrouwenspersonen:photo", args=[profile.pk])).status_code == 404


def test_the_photo_of_an_unpublished_profile_is_not_served(profile, counsellor_user, client_for, coordinator):
    from vertrouwenspersonen import services

    client_for(counsellor_user).post(OWN_PROFILE, {"photo": upload(image_bytes())})
    services.counsellor_update(actor=coordinator, counsellor=profile, changes={"is_published": False})
    assert Client().get(reverse("vertrouwenspersonen:photo", args=[profile.pk])).status_code == 404
