/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  // "Print the slip" buttons appear only where printing can be started from the page.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.closest(".print-action").hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Search on demand: nothing about search is downloaded until the reader opens it or opens
  // the search page; then assets/search.js does the rest. Without JavaScript the search box
  // leads to the search page, which lists the areas (overrides/partials/search.html).
  var searchScript = document.currentScript && new URL("search.js", document.currentScript.src);
  function loadSearch() {
    if (!searchScript || document.querySelector("script[data-search-script]")) { return; }
    var tag = document.createElement("script");
    tag.src = searchScript;
    tag.setAttribute("data-search-script", "");
    document.head.appendChild(tag);
  }
  if (document.querySelector("[data-search-page]")) { loadSearch(); }
  if (document.forms.search) {
    document.forms.search.elements.q.addEventListener("focus", loadSearch);
    document.getElementById("__search").addEventListener("change", loadSearch);
  }

  // Presenter view: arrow keys (and PageUp/PageDown) move between steps.
  var presenter = document.querySelector('[data-view="presenter"]');
  if (!presenter) { return; }
  var slides = Array.prototype.slice.call(presenter.querySelectorAll("[data-slide]"));
  function current() {
    var id = window.location.hash.replace("#", "");
    var i = slides.findIndex(function (s) { return s.id === id; });
    return i < 0 ? 0 : i;
  }
  function go(i) {
    i = Math.max(0, Math.min(slides.length - 1, i));
    window.location.hash = slides[i].id;
    var heading = slides[i].querySelector("h2");
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }
  // Changing the language inside the presenter view keeps the step on screen.
  presenter.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-keep-step] a") : null;
    if (link && window.location.hash) { link.href = link.href.split("#")[0] + window.location.hash; }
  });
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea") { return; }
    var rtl = document.documentElement.dir === "rtl";
    var forward = ["PageDown", rtl ? "ArrowLeft" : "ArrowRight", "ArrowDown"];
    var back = ["PageUp", rtl ? "ArrowRight" : "ArrowLeft", "ArrowUp"];
    if (forward.indexOf(event.key) >= 0) { event.preventDefault(); go(current() + 1); }
    else if (back.indexOf(event.key) >= 0) { event.preventDefault(); go(current() - 1); }
  });
})();
