/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  // "Print the slip" buttons appear only where printing can be started from the page.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.closest(".print-action").hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Outcome pages: with a print button, the "print from the browser's menu" help is not needed;
  // when printing, the slip's date line gets today's date.
  if (document.querySelector("[data-print]")) {
    document.querySelectorAll("[data-print-help]").forEach(function (help) { help.hidden = true; });
  }
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("[data-print-date]").forEach(function (line) {
      if (!line.textContent) { line.textContent = new Date().toLocaleDateString("da-DK"); }
    });
  });

  // Practice screens: check what was typed against the persona's data (data-expect), here in the
  // page only. Right: the next screen. Wrong or empty: the field says so and keeps what was typed.
  // The one field whose task is to make the error on purpose (its task shows no value to type)
  // leads, when not typed right, to the real site's error screen, as without JavaScript.
  // Enter in a field does what the main button does. Nothing typed is sent, stored or put in the
  // address: the next screen is a fixed address.
  var practiceScreen = document.querySelector(".mock-screen--practice");
  if (practiceScreen) { practice(practiceScreen); }

  function practice(screen) {
    var inputs = Array.prototype.slice.call(screen.querySelectorAll("[data-practice-input][data-expect]"));
    var next = screen.querySelector("a[data-practice-next]");
    if (!inputs.length || !next) { return; }
    function same(a, b) { return a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim(); }
    function example(input) {  // the task says to type it wrong: no value to copy is shown
      var task = document.getElementById(input.id + "-task");
      return !(task && task.querySelector(".practice-value"));
    }
    function check(event) {
      event.preventDefault();
      var first = null, errorExample = false;
      inputs.forEach(function (input) {
        var message = document.getElementById(input.id + "-check");
        var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== message.id; });
        var right = same(input.value, input.getAttribute("data-expect"));
        if (!right && example(input)) { errorExample = true; right = true; }
        message.hidden = right;
        if (right) { input.removeAttribute("aria-invalid"); }
        else { input.setAttribute("aria-invalid", "true"); ids.unshift(message.id); first = first || input; }
        input.setAttribute("aria-describedby", ids.join(" "));
      });
      if (first) { first.focus(); }
      else if (errorExample) { window.location.href = next.href; }
      else { window.location.href = next.getAttribute("data-next-ok") || next.href; }
    }
    next.addEventListener("click", check);
    inputs.forEach(function (input) {
      input.addEventListener("keydown", function (event) { if (event.key === "Enter") { check(event); } });
    });
  }

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
