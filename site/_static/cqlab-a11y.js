// Accessibility fixes to the theme's markup (pydata-sphinx-theme / sphinx-book-theme), found by axe-core:
// - the sidebar's expand/collapse toggles (<summary> with an icon only) get a name;
// - the search buttons' aria-label ("Search") hid their visible text ("Search Ctrl+K"): the visible text
//   becomes the name (WCAG 2.5.3, label in name).
(function () {
  "use strict";
  function fix() {
    document.querySelectorAll("nav details > summary").forEach(function (summary) {
      if (summary.getAttribute("aria-label")) return;
      var link = summary.parentElement.parentElement.querySelector(":scope > a");
      var name = link ? link.textContent.trim() : "this section";
      summary.setAttribute("aria-label", "Show or hide the pages under " + name);
    });
    document.querySelectorAll("button.search-button-field[aria-label]").forEach(function (button) {
      button.removeAttribute("aria-label");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fix);
  else fix();
})();
