/* Upload progress for forms that send files (report form, mailbox, desk evidence).
 *
 * An enhancement only: without JavaScript the form posts as usual. With it, the same form data is
 * sent with XMLHttpRequest so the upload's progress can be shown; the server's answer (the next page,
 * or the form again with its messages) then replaces this page, exactly as a normal submit would,
 * and the address bar shows where the server sent us. No inline script: loaded with src and defer.
 */
(function () {
  "use strict";

  function hasFiles(form) {
    var inputs = form.querySelectorAll("input[type=file]");
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].files && inputs[i].files.length) return true;
    }
    return false;
  }

  function showResponse(xhr, fallbackUrl) {
    var url = xhr.responseURL || fallbackUrl;
    document.open();
    document.write(xhr.responseText);
    document.close();
    try {
      window.history.replaceState(null, "", url);
    } catch (ignored) {
      /* a different origin cannot happen here; keep the page as it is */
    }
  }

  function bind(box) {
    var form = box.closest("form");
    if (!form || form.getAttribute("data-upload-progress-bound")) return;
    form.setAttribute("data-upload-progress-bound", "1");
    var bar = box.querySelector("progress");
    var status = box.querySelector(".upload-progress-status");

    form.addEventListener("submit", function (event) {
      if (!window.FormData || !window.XMLHttpRequest || !hasFiles(form)) return;
      event.preventDefault();
      if (form.getAttribute("data-sending")) return; /* a second click while sending */
      form.setAttribute("data-sending", "1");

      var data = new FormData(form);
      if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
      var buttons = form.querySelectorAll("button[type=submit], input[type=submit]");
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;

      box.hidden = false;
      box.classList.add("active");
      bar.value = 0;
      var lastAnnounced = -1;

      var xhr = new XMLHttpRequest();
      xhr.open((form.getAttribute("method") || "post").toUpperCase(), form.action || window.location.href);
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.floor((e.loaded * 100) / e.total);
        bar.value = percent;
        bar.textContent = percent + "%";
        /* Announce in steps of ten so screen readers are not flooded. */
        var step = Math.floor(percent / 10) * 10;
        if (step !== lastAnnounced) {
          lastAnnounced = step;
          status.textContent = box.getAttribute("data-sending").replace("{percent}", String(step));
        }
      });
      xhr.upload.addEventListener("load", function () {
        bar.value = 100;
        status.textContent = box.getAttribute("data-processing");
      });
      xhr.addEventListener("load", function () {
        showResponse(xhr, form.action || window.location.href);
      });
      function failed() {
        form.removeAttribute("data-sending");
        for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
        box.classList.remove("active");
        box.classList.add("failed");
        status.textContent = box.getAttribute("data-failed");
      }
      xhr.addEventListener("error", failed);
      xhr.addEventListener("abort", failed);
      xhr.send(data);
    });
  }

  function start() {
    var boxes = document.querySelectorAll(".upload-progress");
    for (var i = 0; i < boxes.length; i++) bind(boxes[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
