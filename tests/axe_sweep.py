"""axe-core over many pages quickly: a few pages at once in one browser (async Playwright)."""
from __future__ import annotations

import asyncio
from urllib.parse import urlparse

from playwright.async_api import async_playwright

from generator.languages import site_languages

import a11y_results
from browser import ARGS, AXE, AXE_TAGS, DESKTOP, PHONE

RUN = ("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
       ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
       " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))")


async def _sweep(base: str, urls: list[tuple[str, bool]], executable: str | None, concurrency: int, settle_ms: int = 0) -> dict:
    """urls: (url, also at desktop width)."""
    report = {"violations": [], "external": [], "console": [], "checks": 0, "widths": set()}
    queue: asyncio.Queue = asyncio.Queue()
    for u in urls:
        queue.put_nowait(u)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=executable, args=ARGS)
        context = await browser.new_context(viewport=PHONE)
        await context.add_init_script(path=str(AXE))

        async def worker():
            page = await context.new_page()
            # listening (not routing) keeps every request out of Python: routing costs 0.5 s a page
            page.on("request", lambda r: urlparse(r.url).hostname not in ("127.0.0.1", None)
                    and report["external"].append(r.url))
            page.on("console", lambda m: m.type == "error" and report["console"].append(f"{page.url}: {m.text}"))
            page.on("pageerror", lambda e: report["console"].append(f"{page.url}: {e}"))
            while not queue.empty():
                url, desktop = queue.get_nowait()
                await page.set_viewport_size(PHONE)
                await page.goto(base + url, wait_until="load")
                if settle_ms:  # e.g. after scrolling to a #fragment the theme cross-fades the header title
                    await page.wait_for_timeout(settle_ms)
                for size in (PHONE, DESKTOP) if desktop else (PHONE,):
                    if size is DESKTOP:
                        await page.set_viewport_size(DESKTOP)
                        if settle_ms:
                            await page.wait_for_timeout(settle_ms)
                    report["checks"] += 1
                    report["widths"].add(size["width"])
                    for v in await page.evaluate(RUN, AXE_TAGS):
                        report["violations"].append(f"/{url} @{size['width']}px: {v['id']} ({v['impact']}) {v['help']} {v['nodes']}")
            await page.close()

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        report["browser"] = f"{browser.browser_type.name} {browser.version}"
        await browser.close()
    return report


def sweep(base: str, urls: list[tuple[str, bool]], executable: str | None, concurrency: int = 1, settle_ms: int = 0) -> dict:
    report = asyncio.run(_sweep(base, urls, executable, concurrency, settle_ms))
    codes = {l.code for l in site_languages()}
    a11y_results.note(tool="axe", urls=[u for u, _ in urls], checks=report["checks"], widths=sorted(report["widths"]),
                      languages=sorted({u.split("/")[0] if u.split("/")[0] in codes else "da" for u, _ in urls}),
                      violations=len(report["violations"]), browser=report["browser"])
    return report
