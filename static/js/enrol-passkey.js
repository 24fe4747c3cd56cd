// The enrolment page: once the passkey is registered (django-otp-webauthn's event), finish the
// enrolment with it; the password typed above goes with it. Without a registered passkey the
// finish button stays hidden and the server refuses the passkey route.
document.addEventListener("otp_webauthn.register_complete", function () {
  var finish = document.getElementById("enrol-finish-passkey");
  if (finish) {
    finish.hidden = false;
    finish.form.requestSubmit(finish);
  }
});
