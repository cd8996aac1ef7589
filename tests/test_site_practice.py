"""Practice mode in the built site: nothing can be sent, every control is marked, one error per walkthrough."""
from html.parser import HTMLParser

import pytest

from sitepages import expected_pages, file_for

PRACTICE_KINDS = ("practice", "practice-error")


class _Controls(HTMLParser):
    """Forms, inputs and the links inside the practice mock screen."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.inputs, self.controls, self.depth, self.mock_lang = 0, [], [], 0, None
        self.article = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.article = True
        if tag == "form" and self.article:  # the theme's search form is in the header
            self.forms += 1
        if tag == "figure" and "mock-screen--practice" in a.get("class", ""):
            self.depth, self.mock_lang = 1, (a.get("lang"), a.get("dir"))
        elif self.depth and tag == "figure":
            self.depth += 1
        if tag in ("input", "select", "textarea") and self.article:
            self.inputs.append(a)
        if tag in ("a", "button") and (self.depth or "data-practice-next" in a):
            self.controls.append((tag, a))

    def handle_endtag(self, tag):
        if tag == "figure" and self.depth:
            self.depth -= 1


def controls(url):
    p = _Controls()
    p.feed(file_for(url).read_text(encoding="utf-8"))
    return p


@pytest.fixture(scope="module")
def practice_pages(site_dir):
    return [(code, url, kind) for code, url, kind in expected_pages() if kind in PRACTICE_KINDS]


def test_practice_screens_cannot_send_anything(practice_pages):
    assert practice_pages
    for code, url, kind in practice_pages:
        p = controls(url)
        assert p.forms == 0, url
        for a in p.inputs:
            # only radio groups carry a name (to be a group), and there is no form to submit them
            assert "name" not in a or a.get("type") == "radio", (url, a)
            assert "value" not in a or a["value"] == "" or "readonly" in a, (url, a)
            if a.get("type") == "text" and "readonly" not in a:
                assert a.get("autocomplete") == "off", (url, a)


def test_every_control_moves_on_or_is_a_marked_wrong_turn(practice_pages):
    for code, url, kind in practice_pages:
        p = controls(url)
        assert p.mock_lang == ("da", "ltr"), url
        nexts = [a for _, a in p.controls if "data-practice-next" in a]
        assert len(nexts) == 1, url
        for tag, a in p.controls:
            if a.get("href", "").startswith("#"):  # the error summary's link to its field
                continue
            assert tag == "a" and ("data-practice-next" in a) != ("data-practice-wrong" in a), (url, a)
            if "data-practice-wrong" in a:
                assert "forkert/#s" in a["href"], (url, a["href"])


def test_one_validation_error_screen_and_a_wrong_turn_screen_per_walkthrough(tables, site_dir):
    from sitepages import language_prefix, parse
    for lang in ("da", "ar", "en"):
        for w in tables.walkthroughs.values():
            base = f"{language_prefix(lang)}demo/{w['id']}/"
            errors = [u for c, u, k in expected_pages() if k == "practice-error" and u.startswith(base)]
            assert len(errors) == 1, (lang, w["id"])
            page = parse(file_for(errors[0]))
            assert "data-practice-error" in page.data
            wrong = parse(file_for(base + "oev/forkert/"))
            assert len(wrong.data["data-practice-wrong-screen"]) >= len(w["steps"])
            assert parse(file_for(base)).data["data-practice"] == [w["id"]]
