"""Right-to-left as seen on screen: what one page shows an Arabic or Farsi reader.

Shared by tests/test_browser_rtl.py and usable on its own against any served build:
    .venv/bin/python tests/rtl_check.py http://127.0.0.1:8123/ ar/ [page urls…]
"""
from __future__ import annotations

import random
import sys

from sitepages import expected_pages, sample_by_kind

RTL_SAMPLE = 30  # pages per language on top of one of every kind
SEED = 9         # the issue number: the same sample on every run

# Text nodes that hold Arabic-script letters and Latin letters together (nothing isolates
# them), and phone numbers whose digit groups are not laid out left to right.
MEASURE = r"""() => {
  const arabic = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const latin = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/;
  const phone = /[0-9\u0660-\u0669\u06F0-\u06F9]{2}(?:[ \u00A0][0-9\u0660-\u0669\u06F0-\u06F9]{2}){3}/g;
  document.querySelectorAll("details").forEach(d => { d.open = true; });  // measure what opens too
  const mixed = [], phones = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, template, noscript")) continue;
    const text = node.data;
    if (arabic.test(text) && latin.test(text)) mixed.push(text.trim().replace(/\s+/g, " ").slice(0, 140));
  }
  // phone numbers: measure each group of digits in the text as laid out
  const walker2 = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker2.nextNode(); node; node = walker2.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, template, noscript")) continue;
    if (!parent.getClientRects().length) continue;  // not rendered (closed <details>, hidden)
    for (const m of node.data.matchAll(phone)) {
      const boxes = [];
      let offset = m.index;
      for (const group of m[0].split(/[ \u00A0]/)) {
        const r = document.createRange();
        r.setStart(node, offset); r.setEnd(node, offset + group.length);
        const b = r.getBoundingClientRect();
        boxes.push({left: b.left, top: b.top, width: b.width});
        offset += group.length + 1;
      }
      const sameLine = boxes.every(b => Math.abs(b.top - boxes[0].top) < 2);
      const ltr = boxes.every((b, i) => i === 0 || b.left > boxes[i - 1].left);
      phones.push({text: m[0], ltr: ltr, sameLine: sameLine, visible: boxes.every(b => b.width > 0)});
    }
  }
  return {mixed, phones};
}"""


def rtl_pages(language: str) -> list[str]:
    """Every page kind in one language, plus a seeded random sample of RTL_SAMPLE more."""
    kinds = [url for _, url, _ in sample_by_kind(language)]
    rest = sorted(url for code, url, _ in expected_pages() if code == language and url not in kinds)
    return kinds + random.Random(f"{SEED}-{language}").sample(rest, min(RTL_SAMPLE, len(rest)))


def measure(page, url: str) -> dict:
    page.goto(url)
    return page.evaluate(MEASURE)


def problems(result: dict) -> list[str]:
    out = [f"mixed text node: {t!r}" for t in result["mixed"]]
    out += [f"phone {p['text']!r} not left to right on one line" for p in result["phones"]
            if p["visible"] and not (p["sameLine"] and p["ltr"])]
    return out


if __name__ == "__main__":  # measure a served build: base, language prefix ("" for a one-language build)
    from playwright.sync_api import sync_playwright

    from browser import PHONE, launch
    base, lang = sys.argv[1], sys.argv[2]
    prefix = sys.argv[3] if len(sys.argv) > 3 else f"{lang}/"
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport=PHONE)
        pages = rtl_pages(lang)
        total_mixed, bad_pages, phones, bad_phones = 0, 0, 0, 0
        for url in pages:
            r = measure(page, base + prefix + url[len(lang) + 1:])
            found = problems(r)
            total_mixed += len(r["mixed"])
            phones += len(r["phones"])
            bad_phones += sum(1 for x in found if x.startswith("phone"))
            bad_pages += bool(found)
            for f in found[:50]:
                print(url, "|", f)
        print(f"{lang}: {len(pages)} pages, {bad_pages} with problems, {total_mixed} mixed text nodes, "
              f"{phones} phone numbers, {bad_phones} not left to right")
        browser.close()
