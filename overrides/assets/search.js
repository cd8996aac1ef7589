/* Search, loaded by site.js only when the reader opens search or opens the search page
   (<language>/soeg/?q=…). It fetches lunr, this language's stemmer (if lunr-languages has
   one) and this language's pages (search/pages.json, one record per page), and builds the
   index here with the normalisation below, so typed words and page words meet halfway:
   Danish ø/æ/å as o/ae/aa (or oe/aa), accents, Turkish dotless i, Arabic and Persian letter
   variants, diacritics and tatweel, the Arabic article. Each word is also looked for as the
   start of a word and with a typing error or two (decisions/007). */
(function () {
  "use strict";
  var script = document.currentScript;
  var config = document.getElementById("__config");
  if (!script || !config || !window.fetch || typeof URL !== "function" || !String.prototype.normalize) { return; }
  var cfg = JSON.parse(config.textContent);
  var t = cfg.translations;
  var assets = new URL(".", script.src);
  var base = new URL(cfg.base.replace(/\/?$/, "/"), location.href);
  var rtl = document.documentElement.dir === "rtl";
  var DROPDOWN = 8, PAGE = 30, MAX_WORDS = 8;

  // -- normalisation: the same function for the pages' words and the reader's ----------------
  var COMBINING = /[\u0300-\u036f\u064b-\u065f\u0670\u06ea-\u06ed]/g;  // accents, harakat, hamza above/below
  var ARTICLE = /^(?:[وفبك]?ال|لل)(?=[\u0621-\u064a]{2,})/;            // (wa/fa/bi/ka-)al-, li-l-
  function fold(word) {
    var w = word.toLowerCase()
      .replace(/ø/g, "o").replace(/æ/g, "ae").replace(/å/g, "aa").replace(/ß/g, "ss")
      .replace(/ł/g, "l").replace(/ı/g, "i").replace(/đ/g, "d")
      .normalize("NFD").replace(COMBINING, "")
      .replace(/aa/g, "a").replace(/oe/g, "o")                              // Danish typed on any keyboard
      .replace(/ё/g, "е").replace(/ґ/g, "г")
      .replace(/\u0640/g, "")                                                // tatweel
      .replace(/[\u0671\u0672\u0673\u0675]/g, "\u0627")                      // alef variants
      .replace(/[\u0649\u06cc\u06d0]/g, "\u064a")                            // ى ی → ي
      .replace(/[\u06a9\u06aa]/g, "\u0643")                                  // ک → ك
      .replace(/[\u0629\u06c0\u06c1\u06d5]/g, "\u0647")                      // ة ۀ ه
      .replace(/[\u0660-\u0669]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0x0630); })
      .replace(/[\u06f0-\u06f9]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0x06c0); })
      .replace(/[\u0621\u200c\u200d]/g, "");
    return w.replace(ARTICLE, "");
  }

  // -- the engine -------------------------------------------------------------------------------
  var engine = null;
  function load(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  function start() {
    if (engine) { return engine; }
    var data = fetch(new URL("search/pages.json", base)).then(function (r) { return r.json(); });
    engine = Promise.all([data, load(new URL("search/lunr.js", assets))]).then(function (both) {
      var d = both[0], lunrDir = new URL("javascripts/lunr/min/", assets);
      if (!d.stemmer || d.stemmer === "en") { return d; }
      return load(new URL("lunr.stemmer.support.min.js", lunrDir))
        .then(function () { return load(new URL("lunr." + d.stemmer + ".min.js", lunrDir)); })
        .then(function () { return d; });
    }).then(build);
    return engine;
  }
  function build(d) {
    var lunr = window.lunr;
    lunr.tokenizer.separator = /[\s\-\u00a0\u200b\u200c.,;:!?()[\]{}"'«»“”„‘’`´،؛؟/\\…–—·*+=<>|]+/;
    var stemmer = d.stemmer === "en" ? lunr.stemmer : d.stemmer ? lunr[d.stemmer].stemmer : null;
    // both the word and its stem: word starts and typing errors are matched on the word
    var stem = stemmer && function (token) {
      var stemmed = stemmer(token.clone());
      return stemmed.toString() === token.toString() ? token : [token, stemmed];
    };
    var normalise = function (token) { var w = fold(token.toString()); return w ? token.update(function () { return w; }) : undefined; };
    var byUrl = {};
    var index = lunr(function () {
      var builder = this;
      builder.ref("u");
      builder.field("t", {boost: 10});
      builder.field("k", {boost: 2});
      builder.field("x");
      builder.pipeline.reset();
      builder.searchPipeline.reset();
      [builder.pipeline, builder.searchPipeline].forEach(function (p) { p.add(normalise); if (stem) { p.add(stem); } });
      d.pages.forEach(function (page) { byUrl[page.u] = page; builder.add(page); });
    });
    var synonyms = {};
    Object.keys(d.synonyms || {}).forEach(function (word) { synonyms[fold(word)] = d.synonyms[word]; });
    return {index: index, pages: byUrl, synonyms: synonyms};
  }
  function words(query) {
    return query.split(window.lunr.tokenizer.separator).filter(Boolean).slice(0, MAX_WORDS);
  }
  function find(e, query) {
    var lunr = window.lunr, typed = words(query);
    typed.forEach(function (w) { (e.synonyms[fold(w)] || []).forEach(function (s) { typed.push(s); }); });
    if (!typed.length) { return []; }
    var hits = e.index.query(function (q) {
      typed.forEach(function (w) {
        var f = fold(w);
        if (!f) { return; }
        q.term(w.toLowerCase(), {boost: 10});  // through normalise and the stemmer, as the pages' words
        if (f.length >= 3) { q.term(f, {usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 3}); }
        if (f.length >= 4) { q.term(f, {usePipeline: false, editDistance: f.length >= 8 ? 2 : 1, boost: 1}); }
      });
    });
    return hits.map(function (h) { return e.pages[h.ref]; });
  }

  // -- showing results --------------------------------------------------------------------------
  // Latin words and numbers inside right-to-left text are isolated, as on the pages (bidi.py)
  var PHONE = /(\d{2}(?: \d{2}){3})/;
  var LTR_RUN = /\(?[A-Za-z0-9\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f .,:/&'+()-]*[A-Za-z0-9\u00c0-\u024f)])?/g;
  // Words that match the query are marked; the rest goes in as few text nodes as possible
  function marked(parent, value, matches) {
    var plain = "";
    value.split(/(\s+)/).forEach(function (part) {
      if (!matches || !part.trim() || !matches(part)) { plain += part; return; }
      if (plain) { parent.appendChild(document.createTextNode(plain)); plain = ""; }
      var mark = document.createElement("mark");
      mark.textContent = part;
      parent.appendChild(mark);
    });
    if (plain) { parent.appendChild(document.createTextNode(plain)); }
  }
  function text(parent, value, matches) {
    if (!rtl) { marked(parent, value, matches); return; }
    var last = 0;
    value.replace(LTR_RUN, function (run, at) {
      marked(parent, value.slice(last, at), matches);
      var bdi = document.createElement("bdi");
      bdi.dir = "ltr";
      run.split(PHONE).forEach(function (part, i) {  // a phone number stays on one line, as on the pages
        if (i % 2 === 0) { marked(bdi, part, matches); return; }
        var phone = document.createElement("span");
        phone.className = "phone-number";
        marked(phone, part, matches);
        bdi.appendChild(phone);
      });
      parent.appendChild(bdi);
      last = at + run.length;
    });
    marked(parent, value.slice(last), matches);
  }
  function snippet(page, query) {
    var wanted = words(query).map(fold).filter(function (w) { return w.length > 1; });
    var all = page.x.split(" ");
    var matches = function (w) {
      var f = fold(w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
      return f && wanted.some(function (q) { return f.indexOf(q.slice(0, Math.max(3, q.length - 2))) === 0; });
    };
    var at = all.findIndex(matches);
    var from = Math.max(0, at - 8), to = Math.min(all.length, Math.max(at, 0) + 22);
    var out = document.createElement("p");
    text(out, (from > 0 ? "… " : "") + all.slice(from, to).join(" ") + (to < all.length ? " …" : ""), at >= 0 && matches);
    return out;
  }
  function result(page, query, item) {
    var link = document.createElement("a");
    link.href = new URL(page.u, base).href;
    link.setAttribute("data-search-result", "");
    link.className = "md-search-result__link";
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    if (page.k) { var kind = document.createElement("p"); kind.className = "search-kind"; text(kind, page.k); article.appendChild(kind); }
    var title = document.createElement("h2");
    title.className = "search-title";
    text(title, page.t);
    article.appendChild(title);
    article.appendChild(snippet(page, query));
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }
  function count(n) {
    return n === 0 ? t["search.result.none"] : n === 1 ? t["search.result.one"] : t["search.result.other"].replace("#", n);
  }

  // the header's search box: results as the reader types; Enter opens the search page
  function dropdown(form) {
    var input = form.elements.q, toggle = document.getElementById("__search");
    var meta = form.parentNode.querySelector(".md-search-result__meta");
    var list = form.parentNode.querySelector(".md-search-result__list");
    var initial = meta.innerHTML, shown = null;
    function ask() {
      var query = input.value;
      if (query === shown) { return; }
      shown = query;
      if (!query.trim()) { list.textContent = ""; meta.innerHTML = initial; return; }
      start().then(function (e) {
        if (input.value !== query) { return; }
        var found = find(e, query);
        meta.textContent = count(found.length);
        list.textContent = "";
        found.slice(0, DROPDOWN).forEach(function (page) {
          var item = document.createElement("li");
          item.className = "md-search-result__item";
          list.appendChild(result(page, query, item));
        });
      });
    }
    input.addEventListener("input", ask);
    input.addEventListener("keyup", ask);
    form.addEventListener("reset", function () { input.value = ""; ask(); input.focus(); });
    toggle.addEventListener("change", function () { if (toggle.checked) { input.focus(); } });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) { toggle.checked = false; input.blur(); }
    });
    start();
    if (toggle.checked) { input.focus(); }
    ask();
  }

  // the search page: the results for ?q=…, a shareable address
  function searchPage(page) {
    var query = new URLSearchParams(location.search).get("q") || "";
    var box = page.querySelector("input[name=q]"), status = page.querySelector("[data-search-status]");
    var list = page.querySelector("[data-search-list]"), empty = page.querySelector("[data-search-empty]");
    page.querySelector("[data-search-nojs]").hidden = true;
    box.value = query;
    if (!query.trim()) { return; }
    start().then(function (e) {
      var found = find(e, query);
      status.textContent = count(found.length);
      list.textContent = "";
      found.slice(0, PAGE).forEach(function (p) { list.appendChild(result(p, query, document.createElement("li"))); });
      empty.hidden = found.length > 0;
    });
  }

  if (document.forms.search) { dropdown(document.forms.search); }
  var page = document.querySelector("[data-search-page]");
  if (page) { searchPage(page); }
  // for tests/test_search_quality.py: the same engine, the addresses in order
  window.siteSearch = function (query) {
    return start().then(function (e) { return find(e, query).map(function (p) { return p.u; }); });
  };
})();
