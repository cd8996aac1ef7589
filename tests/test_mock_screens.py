"""Every mock screen shows the Danish words of the real screen, in every language (issue 20).

The real self-service screens are Danish. A learner who rehearsed with "Next" looks for it on
borger.dk and does not find it. So every heading, text, label, option and button of a mock
screen - guided step, presenter view and practice mode - shows the Danish text first, with
the reader's word beside it, and typed values stay left to right as on the Danish screen.
"""
from html.parser import HTMLParser

import pytest

# The parts of a mock screen that carry the real screen's words
WORD_TAGS = {"label", "legend", "button", "p", "a"}
SKIP_CLASSES = {"mock-warning", "mock-mitid-note", "practice-type", "mock-actions", "practice-go-on"}
KINDS = ("step", "presenter", "practice", "practice-error")


class _MockScreens(HTMLParser):
    """{data-mock-screen: [Danish text of each word-carrying element, in order]}, the glosses
    (the reader's words) left out, and the attributes of every text input."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.screens, self.inputs, self.figure_attrs = {}, {}, {}
        self.current, self.depth = None, 0
        self.stack = []  # (tag, collects, is_gloss_or_skip)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and "data-mock-screen" in a:
            self.current, self.depth = a["data-mock-screen"], 1
            self.figure_attrs[self.current] = a
            self.screens.setdefault(self.current, [])
            self.inputs.setdefault(self.current, [])
            return
        if not self.current:
            return
        if tag == "figure":
            self.depth += 1
        if tag == "input" and a.get("type") == "text":
            self.inputs[self.current].append(a)
        if tag in ("input", "br", "img"):
            return
        classes = set(a.get("class", "").split())
        hidden = bool(classes & (SKIP_CLASSES | {"mock-gloss"})) or tag == "figcaption"
        inside_hidden = any(h for _, _, h in self.stack)
        collects = tag in WORD_TAGS and not inside_hidden and not hidden \
            and not any(c for _, c, _ in self.stack)
        if collects:
            self.screens[self.current].append("")
        self.stack.append((tag, collects, hidden or inside_hidden))

    def handle_endtag(self, tag):
        if not self.current:
            return
        if tag == "figure":
            self.depth -= 1
            if not self.depth:
                self.current = None
                self.stack = []
            return
        while self.stack:
            t, _, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if not self.current or not self.stack:
            return
        if self.stack[-1][2] or not any(c for _, c, _ in self.stack):
            return
        self.screens[self.current][-1] += data


def mock_screens(html: str) -> _MockScreens:
    p = _MockScreens()
    p.feed(html)
    p.screens = {k: [" ".join(t.split()) for t in v] for k, v in p.screens.items()}
    return p


@pytest.fixture(scope="module")
def demo_pages():
    """The mock screens of every demo page, rendered in memory in every language and parsed once."""
    from generator.build import render_site
    renderer, languages = render_site()
    specs = [s for s in renderer.specs if s.kind in KINDS]
    return {l.code: {s.url: mock_screens(renderer.render(s, l)) for s in specs} for l in languages}, specs


def test_every_demo_page_has_its_mock_screens_marked(demo_pages, tables):
    pages, specs = demo_pages
    found = set()
    for spec in specs:
        found |= set(pages["da"][spec.url].screens)
    expected = {f"{w['id']}-{n}" for w in tables.walkthroughs.values() for n in range(1, len(w["steps"]) + 1)}
    assert found == expected


def test_every_mock_screen_shows_the_danish_words_in_every_language(demo_pages):
    """The Danish words of each mock screen on the Danish page are what every other language's
    page shows on that screen (the reader's word only beside them, in a gloss)."""
    pages, specs = demo_pages
    for spec in specs:
        danish = pages["da"][spec.url]
        assert danish.screens, spec.url
        for code, by_url in pages.items():
            other = by_url[spec.url]
            assert other.screens == danish.screens, (code, spec.url)
            for sid, attrs in other.figure_attrs.items():
                assert (attrs.get("lang"), attrs.get("dir")) == ("da", "ltr"), (code, spec.url, sid)


def test_typed_values_read_left_to_right_on_every_mock_screen(demo_pages):
    """R2: on a right-to-left page an amount showed as '.kr 6.400' and long values were cut
    off on the left: every text input of a mock screen is dir="ltr", as the Danish screen."""
    pages, specs = demo_pages
    checked = 0
    for code in ("ar", "fa"):
        for spec in specs:
            for sid, inputs in pages[code][spec.url].inputs.items():
                for a in inputs:
                    assert a.get("dir") == "ltr", (code, spec.url, sid, a)
                    checked += 1
    assert checked > 100


def test_the_parser_sees_a_translated_label_as_a_difference():
    """The comparison above fails when a screen shows the reader's word instead of the Danish."""
    da = '<figure data-mock-screen="x-1" lang="da" dir="ltr"><p><button>Næste</button></p></figure>'
    glossed = ('<figure data-mock-screen="x-1" lang="da" dir="ltr"><p><button>Næste'
               ' <span class="mock-gloss" lang="en">Next</span></button></p></figure>')
    translated = '<figure data-mock-screen="x-1"><p><button>Next</button></p></figure>'
    assert mock_screens(da).screens == mock_screens(glossed).screens == {"x-1": ["Næste"]}
    assert mock_screens(translated).screens != mock_screens(da).screens
