"""A reader's journey through the site, as a person would do it: tap what is on the screen,
count the taps, and measure how far down what the reader needs is (in phone screens).

Used by tests/test_browser_journeys.py. `python tests/journeys.py BASE_URL` prints the same
figures for any served build (the issue's before/after table was made that way).

The questionnaire is answered from a map of facts to answers: on each question page the answer
link carrying data-fact=F data-value=V is tapped. A question whose fact is not in the map fails
with a message that names it, so a new question only needs one more map entry.
"""
from __future__ import annotations

from dataclasses import dataclass, field

PHONE = {"width": 360, "height": 740}
SCREEN = PHONE["height"]

# the top of an element in page coordinates
TOP = "el => el.getBoundingClientRect().top + window.scrollY"
BOTTOM = "el => el.getBoundingClientRect().bottom + window.scrollY"


class UnknownQuestion(AssertionError):
    pass


@dataclass
class Journey:
    page: object
    taps: int = 0
    path: list = field(default_factory=list)

    def tap(self, selector: str, what: str = ""):
        """Tap the first visible element matching selector and wait for the next page."""
        target = self.page.locator(selector).first
        assert target.count(), f"{what or selector}: not on {self.page.url}"
        target.scroll_into_view_if_needed()
        with self.page.expect_navigation():
            target.click()
        self.taps += 1
        self.path.append(what or selector)

    def answer_questions(self, answers: dict, limit: int = 12):
        """Answer every question page with the map {fact: value}; stop on a page with no question."""
        for _ in range(limit):
            asked = self.page.locator("[data-fact]").first
            if not asked.count() or not self.page.locator("a.answer").count():
                return
            fact = asked.get_attribute("data-fact")
            if fact not in answers:
                question = self.page.locator("h1").inner_text()
                raise UnknownQuestion(f"the journey has no answer for the question '{question}' (fact '{fact}', {self.page.url}). "
                                      f"Add '{fact}': <value> to the journey's answers (values: "
                                      f"{', '.join(self.page.locator('a.answer').evaluate_all('els => els.map(e => e.dataset.value)'))}).")
            value = answers[fact]
            self.tap(f'a[data-fact="{fact}"][data-value="{value}"], [data-fact="{fact}"] a[data-value="{value}"]', f"{fact}={value}")
        raise AssertionError(f"more than {limit} questions: {self.path}")

    def screens_to(self, selector: str, edge: str = "top") -> float | None:
        """How far down the page an element starts (or ends), in screens of the current viewport."""
        el = self.page.locator(selector).first
        if not el.count():
            return None
        y = el.evaluate(TOP if edge == "top" else BOTTOM)
        return round(y / self.page.viewport_size["height"], 2)


def outcome_figures(j: Journey) -> dict:
    """Where the answer, the first step and the way to the slip are on an outcome page (screens).
    Uses ids that old and new outcome pages share, so a build before the change can be measured."""
    slip = "[data-slip-link]" if j.page.locator("[data-slip-link]").count() else "#seddel"
    return {
        "taps": j.taps,
        "answer_end": j.screens_to("[data-outcome-answer], .outcome", "bottom"),
        "first_step_end": j.screens_to("#det-skal-du-goere ~ ol li, [data-outcome-actions] li", "bottom"),
        "slip_way": j.screens_to(slip, "bottom"),
        "page": round(j.page.evaluate("document.documentElement.scrollHeight") / j.page.viewport_size["height"], 1),
    }


if __name__ == "__main__":  # figures for a served build: python tests/journeys.py http://127.0.0.1:8000/
    import sys

    from playwright.sync_api import sync_playwright

    from browser import launch
    import test_browser_journeys as tj
    with sync_playwright() as p:
        b = launch(p)
        for name, run in tj.JOURNEYS.items():
            try:
                print(name, run(b, sys.argv[1], check=False))
            except AssertionError as exc:
                print(name, "failed:", str(exc).splitlines()[0])
        b.close()
