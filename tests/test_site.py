"""The built site: every page in every language, correct lang/dir, links, no third parties."""
import json
import re
from collections import Counter, deque

import pytest

from generator import pages as page_map
from sitepages import RTL, SITE, expected_pages, file_for, parse, resolve, language_prefix


@pytest.fixture(scope="module")
def pages(site_dir):
    return expected_pages()


def test_every_page_of_every_language_exists(pages):
    missing = [url for _, url, _ in pages if not file_for(url).exists()]
    assert not missing, f"{len(missing)} missing, e.g. {missing[:5]}"
    built = {str(p.relative_to(SITE).parent) + "/" for p in SITE.rglob("index.html")}
    built = {"" if b == "./" else b for b in built}
    assert built - {url for _, url, _ in pages} == set()


def test_html_lang_and_dir_on_every_page(pages):
    for code, url, _ in pages:
        attrs = parse(file_for(url)).html_attrs
        assert attrs.get("lang") == code, url
        assert attrs.get("dir") == ("rtl" if code in RTL else "ltr"), url


def test_every_page_has_one_h1_and_a_skip_link_to_main(pages):
    for _, url, _ in pages:
        p = parse(file_for(url))
        assert p.h1 == 1, f"{url}: {p.h1} h1"
        assert "hovedindhold" in p.ids
        assert any(href == "#hovedindhold" for href, _ in p.links), url


def test_every_internal_link_and_anchor_resolves(pages):
    broken = []
    for _, url, _ in pages:
        for href, attrs in parse(file_for(url)).links:
            target = resolve(url, href)
            if target is None or href.startswith(("tel:", "mailto:")):
                continue
            path, fragment = target
            f = file_for(path)
            if not f.exists():
                broken.append(f"{url} -> {href}")
                continue
            if fragment and f.suffix == ".html" and fragment not in parse(f).ids:
                broken.append(f"{url} -> {href} (no #{fragment})")
    assert not broken, f"{len(broken)} broken links, e.g. {broken[:8]}"


def test_nothing_is_loaded_from_another_site(pages):
    for _, url, _ in pages:
        p = parse(file_for(url))
        external = [r for r in p.resources if re.match(r"^(https?:)?//", r)]
        assert not external, f"{url}: {external}"
    for css in SITE.rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", css.read_text(encoding="utf-8")), css
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def test_no_source_maps_or_unused_search_languages():
    assert not list(SITE.rglob("*.map"))
    lunr = sorted(p.name for p in (SITE / "assets/javascripts/lunr/min").glob("*.js"))
    assert all(re.match(r"lunr\.(stemmer\.support|da|ar|ru|tr)\.min\.js", n) for n in lunr), lunr
    # the theme's search worker is replaced by assets/search.js (decisions/008)
    assert not (SITE / "assets/javascripts/workers").exists()
    assert (SITE / "assets/search/lunr.js").exists() and (SITE / "assets/search.js").exists()


def test_language_switcher_links_carry_lang_and_lead_to_the_same_page(pages, languages):
    codes = {l.code for l in languages}
    for code, url, kind in pages:
        if kind in ("question", "outcome", "step"):  # checked on a sample below for speed
            continue
        switch = [(h, a) for h, a in parse(file_for(url)).links if "md-select__link" in a.get("class", "")]
        assert {a["hreflang"] for _, a in switch} == codes, url
        for href, a in switch:
            assert a["lang"] == a["hreflang"]
            target, _ = resolve(url, href)
            own = url[len(language_prefix(code)):]
            assert target == language_prefix(a["lang"]) + own, (url, href)


def test_translated_pages_say_they_are_machine_assisted_and_mark_danish_fallbacks(pages, languages):
    for code, url, _ in pages:
        html = file_for(url).read_text(encoding="utf-8")
        if code == "da":
            assert "notice--translation" not in html
            continue
        assert 'data-translation-status="machine-assisted"' in html, url
        untranslated = html.count('class="untranslated"')
        if untranslated:
            assert 'data-untranslated=' in html, url
            assert all('lang="da"' in m for m in re.findall(r'<span[^>]*class="untranslated"', html))


def test_questionnaire_hooks(pages):
    for code, url, kind in pages:
        p = parse(file_for(url))
        if kind == "home":
            starts = [h for h, a in p.links if "data-questionnaire-start" in a]
            assert len(starts) == 1 and resolve(url, starts[0])[0] == language_prefix(code) + page_map.START
            assert any("data-walkthroughs" in a for _, a in p.links)
        elif kind == "start":
            assert len(p.data["data-area"]) == 12
        elif kind == "question":
            values = p.data["data-value"]
            # one question; each answer link carries its fact too (the journeys tap data-fact + data-value)
            assert len(set(p.data["data-fact"])) == 1 and len(p.data["data-fact"]) == 1 + len(values), url
            assert values in (["true", "false"], ["true", "false", "unknown"], ["this_application", "all_future"]) \
                or (values[-1] == "unknown" and len(values) == 13), url   # complaint_area: the 12 areas, then Ved ikke
        elif kind == "outcome":
            assert len(p.data["data-route"]) == 1


def test_every_page_is_reachable_by_links_from_the_home_page_without_javascript(pages, languages):
    """A crawl of plain HTML (what a browser without JavaScript gets): links, and the search
    box, which sends its words to the search page."""
    for lang in languages:
        start = language_prefix(lang.code)
        seen, queue = {start}, deque([start])
        while queue:
            url = queue.popleft()
            parsed = parse(file_for(url))
            for href in [h for h, _ in parsed.links] + parsed.forms:
                target = resolve(url, href)
                if not target or href.startswith(("tel:", "#")):
                    continue
                path = target[0]
                if path.startswith(start) or (start == "" and not re.match(r"^[a-z]{2}/", path)):
                    if (path.endswith("/") or path == "") and path not in seen and file_for(path).exists():
                        seen.add(path)
                        queue.append(path)
        wanted = {url for code, url, _ in pages if code == lang.code}
        assert wanted - seen == set(), f"{lang.code}: unreachable {sorted(wanted - seen)[:5]}"


def test_each_language_has_its_own_search_pages_one_record_per_page(pages, languages):
    """search/pages.json per language (generator/search_index.py): one record per page (one hit
    per page, issue 21), no questionnaire steps, demo screens or other languages' pages."""
    for lang in languages:
        path = SITE / language_prefix(lang.code) / "search" / "pages.json"
        index = json.loads(path.read_text(encoding="utf-8"))
        urls = [p["u"] for p in index["pages"]]
        assert index["lang"] == lang.code and index["stemmer"] == lang.search, path
        assert len(urls) == len(set(urls)) and not [u for u in urls if "#" in u], f"{path}: a page twice or a section"
        assert "omraader/folkepension/" in urls, lang.code
        assert not any(re.match(r"^[a-z]{2}/", u) and u[:2] in {x.code for x in languages} for u in urls)
        for code, url, kind in pages:
            if code == lang.code and kind in ("question", "outcome", "step", "presenter", "print", "search"):
                assert url[len(language_prefix(code)):] not in urls, url
        kinds = {p["u"]: p["k"] for p in index["pages"]}
        assert kinds["omraader/folkepension/"] == next(p["t"] for p in index["pages"] if p["u"] == "omraader/")
    assert not (SITE / "search" / "search_index.json").exists(), "the merged index of every language is still there"

def test_walkthrough_steps_form_a_complete_chain(pages, tables):
    for code, url, kind in pages:
        if kind != "walkthrough":
            continue
        wid = parse(file_for(url)).data["data-walkthrough"][0]
        n = len(tables.walkthroughs[wid]["steps"])
        for i in range(1, n + 1):
            step_url = f"{url}{i}/"
            links = {a.get("rel"): resolve(step_url, h)[0] for h, a in parse(file_for(step_url)).links if a.get("rel") in ("prev", "next")}
            assert parse(file_for(step_url)).data["data-step"] == [str(i)]
            if i > 1:
                assert links["prev"] == f"{url}{i - 1}/"
            if i < n:
                assert links["next"] == f"{url}{i + 1}/"
            assert any(resolve(step_url, h)[0] == url for h, _ in parse(file_for(step_url)).links)
        assert parse(file_for(url + "vis/")).data["data-view"] == ["presenter"]
        assert parse(file_for(url + "print/")).data["data-view"] == ["print"]


def test_every_outcome_page_shows_what_the_engine_decides_for_its_address(pages, tables):
    """The pages and `python -m generator decide` agree on every path."""
    from generator.engine import decide
    from generator.flow import Flow, Node
    flow = Flow(tables)
    by_slug = {(f["slug"], a["slug"]): (f["fact"], a["value"]) for f in tables.questionnaire["facts"] for a in f["answers"]}
    checked = 0
    for code, url, kind in pages:
        if kind not in ("question", "outcome"):
            continue
        parts = url[len(language_prefix(code)):].strip("/").split("/")
        area, answers = parts[1], tuple(by_slug[tuple(p.split("-", 1))] for p in parts[2:])
        # a complaint_area answer names a kind of area (flow.AREA_CLASS); decide() gets an area of it
        d = decide(tables, area, flow.facts(Node(area, answers)))
        p = parse(file_for(url))
        if kind == "outcome":
            assert p.data["data-route"] == [d.route], url
            html = file_for(url).read_text(encoding="utf-8")
            for rule in d.rules:   # the slip names every rule of the decision, and what it is read with
                short = tables.sources[rule["source"]]["short"]
                assert f"{short} {rule['citation']}" in html, (url, rule["id"])
                for see in rule.get("jf", []):
                    assert f"jf. {see['citation']}" in html or f" og {see['citation']}" in html, (url, rule["id"], see)
        else:
            assert set(p.data["data-fact"]) == {d.next_question}, url
        checked += 1
    assert checked == len([1 for _, _, k in pages if k in ("question", "outcome")])


def test_language_status_page_agrees_with_the_catalogs(pages, languages):
    from generator.catalogs import load_catalogs
    catalogs = load_catalogs([l.code for l in languages])
    for lang in languages:
        html = file_for(language_prefix(lang.code) + "sprog/").read_text(encoding="utf-8")
        for other in languages:
            c = catalogs[other.code]
            row = re.search(rf'<tr data-language="{other.code}" data-coverage="([\d.]+)" data-status="([a-z-]+)"', html)
            assert row, (lang.code, other.code)
            assert float(row.group(1)) == round(c.coverage * 100, 1)
            assert row.group(2) == ("source" if other.default else c.status)


def test_every_page_offers_itself_in_every_language_as_a_qr_code(pages, languages):
    """A preview (site/ built without a public address, as make test does) has no codes: its
    list says why and still links every language (tests/test_address.py)."""
    preview = not (SITE / "sitemap.xml").exists()
    for code, url, _ in pages[:: max(1, len(pages) // 200)]:   # a spread sample; decoding is in the browser tests
        html = file_for(url).read_text(encoding="utf-8")
        own = url[len(language_prefix(code)):]
        share = html[html.index('class="share-qr"'):]
        urls = set(re.findall(r'data-qr-url="([^"]+)"', share))
        if preview:
            assert not urls and "data-qr-none" in share, url
            assert set(re.findall(r'hreflang="([a-z]{2})"', share)) == {l.code for l in languages}, url
            continue
        for other in languages:
            assert any(u.endswith(language_prefix(other.code) + own) for u in urls), (url, other.code)


def test_search_snippets_hold_the_page_not_the_notices_and_qr_list_every_page_has(languages):
    """Every page opens with the machine-translation notice and ends with the QR list: indexed,
    they were the start of nearly every result's snippet in seven languages."""
    from generator.catalogs import Translator, load_catalogs
    catalogs = load_catalogs([l.code for l in languages])
    boilerplate = ("Denne side er oversat med hjælp fra maskinoversættelse. En uddannet oversætter har endnu ikke "
                   "gennemset den. Er du i tvivl, så se den danske side eller spørg i Borgerservice.",
                   "Scan koden med telefonens kamera. Så åbner siden på det valgte sprog.")
    for lang in languages:
        _ = Translator(catalogs[lang.code])
        words = [re.sub(r"<[^>]+>", "", _.plain(msgid))[:40] for msgid in boilerplate]
        path = SITE / language_prefix(lang.code) / "search" / "pages.json"
        texts = [p["x"] for p in json.loads(path.read_text(encoding="utf-8"))["pages"]]
        for w in words:
            assert not [t for t in texts if w in t], f"{lang.code}: {w!r} is in the search index"


def test_search_snippets_never_show_the_demos_made_up_people(tables, languages):
    """Issue 21: "MitID" showed snippets full of made-up CPR numbers from the demos."""
    made_up = {w["persona"][k] for w in tables.walkthroughs.values() for k in ("cpr", "address")}
    for lang in languages:
        path = SITE / language_prefix(lang.code) / "search" / "pages.json"
        text = " ".join(p["x"] for p in json.loads(path.read_text(encoding="utf-8"))["pages"])
        assert not [m for m in made_up if m in text], f"{path}: {[m for m in made_up if m in text]}"
        assert not re.search(r"\b\d{6}-\d{4}\b", text), path
