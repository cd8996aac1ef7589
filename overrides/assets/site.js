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

  // Search on demand: nothing about search is downloaded until the reader opens it. Then the
  // theme's own search worker (lunr) indexes this language's pages only; without JavaScript
  // the search box offers a link to the list of areas (overrides/partials/search.html).
  var config = document.getElementById("__config");
  var form = document.forms.search;
  if (config && form && window.Worker && window.fetch && typeof URL === "function") { search(JSON.parse(config.textContent), form); }

  function search(cfg, form) {
    var input = form.elements.query;
    var toggle = document.getElementById("__search");
    var meta = form.parentNode.querySelector(".md-search-result__meta");
    var list = form.parentNode.querySelector(".md-search-result__list");
    var initial = meta.innerHTML;
    var base = new URL(cfg.base.replace(/\/?$/, "/"), location.href);
    var t = cfg.translations;
    var worker = null, ready = false, wanted = null;

    function start() {
      if (worker) { return; }
      worker = new Worker(new URL(cfg.search, location.href));
      worker.onmessage = function (event) {
        var message = event.data;
        if (message.type === 1) { ready = true; if (wanted !== null) { ask(wanted); } }
        else if (message.type === 3) { show(message.data.items || []); }
      };
      fetch(new URL("search/search_index.json", base)).then(function (response) { return response.json(); })
        .then(function (index) {
          worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
        });
    }
    function ask(query) {
      wanted = query;
      if (!query.trim()) { wanted = null; list.innerHTML = ""; meta.innerHTML = initial; return; }
      if (ready) { worker.postMessage({type: 2, data: query}); }
    }
    function show(groups) {
      var n = groups.length;
      meta.textContent = n === 0 ? t["search.result.none"] : n === 1 ? t["search.result.one"] : t["search.result.other"].replace("#", n);
      list.innerHTML = "";
      groups.forEach(function (docs) {
        var page = docs.filter(function (d) { return d.location.indexOf("#") < 0; })[0] || docs[0];
        var item = document.createElement("li");
        item.className = "md-search-result__item";
        var link = document.createElement("a");
        link.className = "md-search-result__link";
        link.href = new URL(docs[0].location, base).href;
        var article = document.createElement("article");
        article.className = "md-search-result__article md-typeset";
        var title = document.createElement("h1");
        title.innerHTML = page.title;  // from this site's own index, highlighted by the worker
        var text = document.createElement("div");  // the index text holds paragraphs and lists
        text.innerHTML = docs[0].text || page.text || "";
        article.appendChild(title);
        article.appendChild(text);
        link.appendChild(article);
        item.appendChild(link);
        list.appendChild(item);
      });
    }
    input.addEventListener("focus", start);
    toggle.addEventListener("change", function () { if (toggle.checked) { start(); input.focus(); } });
    input.addEventListener("input", function () { ask(input.value); });
    input.addEventListener("keyup", function () { if (input.value !== wanted) { ask(input.value); } });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) { location.href = first.href; }
    });
    form.addEventListener("reset", function () { ask(""); input.focus(); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) { toggle.checked = false; input.blur(); }
    });
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
