/* Copy and print buttons next to a receipt code.
 *
 * An enhancement only: the buttons are hidden in the page and shown here, so without JavaScript the
 * page offers what works without it (the download link and the browser's own Print command). The code
 * is read from the page; nothing is stored in the browser. No inline script: loaded with src and defer.
 */
(function () {
  "use strict";

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (ignored) {
      done = false;
    }
    document.body.removeChild(area);
    return done;
  }

  function setUp(tools) {
    var status = tools.querySelector(".copy-status");
    var copy = tools.querySelector("[data-copy]");
    var print = tools.querySelector("[data-print]");
    if (copy) {
      var target = document.getElementById(copy.getAttribute("data-copy"));
      if (target) {
        copy.hidden = false;
        copy.addEventListener("click", function () {
          var text = target.textContent.replace(/\s+/g, "");
          var say = function () { if (status) status.textContent = copy.getAttribute("data-copied"); };
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(say, function () { if (fallbackCopy(text)) say(); });
          } else if (fallbackCopy(text)) {
            say();
          }
        });
      }
    }
    if (print && typeof window.print === "function") {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
  }

  var all = document.querySelectorAll(".code-tools");
  for (var i = 0; i < all.length; i++) setUp(all[i]);
})();
