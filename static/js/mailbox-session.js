// The mailbox's idle timeout, enhanced. Without this script the page already shows when the mailbox
// closes (CSS animations with a delay) and nothing typed is lost (it is carried through the sign-in
// form). With it: typing keeps the mailbox open (a ping at most once a minute), and the warning
// offers a button that keeps it open without leaving the page, so nothing typed is lost either.
(function () {
  "use strict";
  var box = document.querySelector(".mailbox-session");
  if (!box || !window.fetch) { return; }
  var form = box.querySelector("form.still-here");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var lastPing = Date.now();
  var closed = false;
  var closesAt = Date.now() + Number(box.dataset.idleSeconds) * 1000;

  function restartNotices() {
    box.classList.add("renewed");
    void box.offsetWidth; // let the browser drop the running animations, so they start again from now
    box.classList.remove("renewed");
  }

  function stillHere() {
    if (closed) { return; }
    lastPing = Date.now();
    fetch(form.action, {method: "POST", credentials: "same-origin", headers: {"X-CSRFToken": token}})
      .then(function (response) {
        if (response.status === 204) {
          closesAt = Date.now() + Number(box.dataset.idleSeconds) * 1000;
          restartNotices();
        } else {
          closed = true; // it had closed already: sending will ask for the code and keep the text
        }
      })
      .catch(function () { /* offline: the notices stay as they are */ });
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); stillHere(); });
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea, input") && Date.now() - lastPing > 60000 && Date.now() < closesAt) {
      stillHere();
    }
  });
})();
