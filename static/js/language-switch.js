/* The language switcher's list closes with Escape or a click elsewhere, and Escape gives the focus back
 * to "Language". An enhancement only: without JavaScript the <details> opens and closes by itself and
 * every language is a button of an ordinary form. No inline script: loaded with src and defer.
 */
(function () {
  "use strict";

  var details = document.querySelector(".language-switch details");
  if (!details) {
    return;
  }
  var summary = details.querySelector("summary");

  details.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && details.open) {
      details.open = false;
      summary.focus();
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (details.open && !details.contains(event.target)) {
      details.open = false;
    }
  });
})();
