"""One file names the publisher (publisher.yaml): header, footer, about page, slip, handout and
statement read it; bad input is reported as `publisher.yaml:line: what is wrong, and what to do`.

Issue 18, point 3 and the usability walk's "who is speaking?": the header showed a generic ✓,
the about page named no one, and the statement had no contact unless an environment variable was set.
"""
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.build import render_site
from generator.errors import InputError, InputErrors
from generator.publisher import load_publisher

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = load_publisher()
NAMED = replace(EXAMPLE, example=False, name="Eksempelby Kommune, Borgerservice", short_name="Eksempelby",
                contact="borgerservice@kommune.test")


def write(tmp_path, text, logo=None):
    path = tmp_path / "publisher.yaml"
    path.write_text(text, encoding="utf-8")
    if logo is not None:
        (tmp_path / "logo.svg").write_text(logo, encoding="utf-8")
    return path


GOOD = """example: false
name: Eksempelby Kommune
short_name: Eksempelby
url: https://vejledning.test/
contact: borgerservice@kommune.test
hotline: digital-hotline
"""


def test_the_shipped_file_is_a_plain_example():
    assert EXAMPLE.example and EXAMPLE.url == "" and EXAMPLE.contact == ""
    text = (ROOT / "publisher.yaml").read_text(encoding="utf-8")
    assert "THIS IS AN EXAMPLE" in text


def test_a_filled_in_file_is_read(tmp_path):
    p = load_publisher(write(tmp_path, GOOD))
    assert (p.name, p.contact_href, p.address("https://ignored.test/")) == \
        ("Eksempelby Kommune", "mailto:borgerservice@kommune.test", "https://vejledning.test/")


@pytest.mark.parametrize("change,line,words", [
    (("contact: borgerservice@kommune.test", "contact: ring til os"), 5, "e-mail address or the https address"),
    (("url: https://vejledning.test/", "url: http://127.0.0.1:8000/"), 4, "local or example address"),
    (("url: https://vejledning.test/", "url: https://www.example.org/"), 4, "local or example address"),
    (("contact: borgerservice@kommune.test", 'contact: ""'), 5, "needs a 'contact'"),
    (("short_name: Eksempelby", "short_nam: Eksempelby"), 3, "unknown key"),
])
def test_bad_input_names_the_line_and_what_to_do(tmp_path, change, line, words):
    with pytest.raises((InputError, InputErrors)) as exc:
        load_publisher(write(tmp_path, GOOD.replace(*change)))
    errors = exc.value.errors if isinstance(exc.value, InputErrors) else [exc.value]
    assert any(e.line == line and words in e.message for e in errors), [str(e) for e in errors]


@pytest.mark.parametrize("svg,words", [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "may not run scripts"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://cdn.test/x.png"/></svg>', "may not run scripts"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"></svg>', "may not run scripts"),
    ("<html></html>", "not one <svg> element"),
])
def test_a_logo_that_could_run_or_load_something_is_refused(tmp_path, svg, words):
    with pytest.raises(InputErrors) as exc:
        load_publisher(write(tmp_path, GOOD + "logo: logo.svg\n", logo=svg))
    assert exc.value.errors[0].line == 7 and words in exc.value.errors[0].message


def test_a_self_hosted_logo_is_inlined(tmp_path):
    svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10z"/></svg>\n'
    assert load_publisher(write(tmp_path, GOOD + "logo: logo.svg\n", logo=svg)).logo_svg.startswith("<svg ")


def test_an_unknown_hotline_is_reported_with_its_line(tmp_path):
    with pytest.raises(InputError) as exc:
        render_site(publisher=load_publisher(write(tmp_path, GOOD.replace("hotline: digital-hotline", "hotline: borgerservice"))))
    assert exc.value.line == 6 and "not a channel with a phone number" in exc.value.message


@pytest.fixture(scope="module")
def named():
    renderer, languages = render_site(publisher=NAMED)
    return renderer, {l.code: l for l in languages}


def _outcome(renderer):
    return next(s for s in renderer.specs if s.kind == "outcome")


@pytest.mark.parametrize("code", ["da", "ar"])
def test_the_publisher_and_contact_are_in_the_footer_about_page_slip_handout_and_statement(named, code):
    renderer, langs = named
    lang = langs[code]
    pages = {kind: renderer.render(spec, lang) for kind, spec in (
        ("home", renderer.by_url[""]), ("about", renderer.by_url["om/"]), ("statement", renderer.by_url["tilgaengelighed/"]),
        ("outcome", _outcome(renderer)), ("print", next(s for s in renderer.specs if s.kind == "print")))}
    for kind, page in pages.items():
        footer = re.search(r"^publisher_html: (.*)$", page, re.M).group(1)
        assert "Eksempelby Kommune, Borgerservice" in footer and "mailto:borgerservice@kommune.test" in footer, kind
    assert "Eksempelby Kommune, Borgerservice" in pages["about"].split("---", 2)[2] and "data-publisher-contact" in pages["about"]
    assert 'href="mailto:borgerservice@kommune.test"' in pages["statement"].split("---", 2)[2]
    assert "Eksempelby Kommune, Borgerservice" in pages["print"].split("---", 2)[2]
    slip = re.search(r'<p class="slip-source">(.*?)</p>', pages["outcome"], re.S).group(1)
    assert "udgivet af Eksempelby Kommune, Borgerservice" in slip and 'lang="da"' in slip
    assert "Kontakt: <span dir=\"ltr\">borgerservice@kommune.test</span>" in slip


def test_the_example_says_it_is_an_example_everywhere_it_names_the_publisher():
    renderer, languages = render_site(publisher=EXAMPLE)
    da = languages[0]
    for spec in (renderer.by_url[""], renderer.by_url["om/"], _outcome(renderer)):
        page = renderer.render(spec, da)
        assert re.search(r'data-publisher=\\?"example', page) and "eksempeludgave" in page
    slip = re.search(r'<p class="slip-source">(.*?)</p>', renderer.render(_outcome(renderer), da), re.S).group(1)
    assert "eksempeludgave uden udgiver" in slip and EXAMPLE.name not in slip


def test_the_hotline_shown_first_is_the_publishers(tables):
    channel = next(ch for ch in tables.help["channels"] if ch["id"] == "mitid-support")
    renderer, languages = render_site(publisher=replace(NAMED, hotline=channel["id"]))
    home = renderer.render(renderer.by_url[""], languages[0])
    card = re.search(r'<div class="contact-card">(.*?)</div>', home, re.S).group(1)
    assert f'tel:+45{channel["phone"]}' in card


def test_a_name_with_markup_is_escaped(tmp_path):
    renderer, languages = render_site(publisher=replace(NAMED, name='<img src=x onerror=alert(1)>'))
    page = renderer.render(renderer.by_url["om/"], languages[1])
    assert "<img src=x" not in page and "&lt;img src=x" in page


def _header_logo(extra: dict) -> str:
    import jinja2
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    return env.get_template("partials/logo.html").render(config={"extra": extra})


def test_the_header_shows_the_publishers_logo_or_else_the_sites_own(tmp_path):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10z"/></svg>'
    logo = load_publisher(write(tmp_path, GOOD + "logo: logo.svg\n", logo=svg)).logo_svg
    own = _header_logo({"publisher_logo": logo})
    assert "data-publisher-logo" in own and 'aria-hidden="true"' in own and 'd="M0 0h10v10z"' in own
    default = _header_logo({"publisher_logo": ""})
    assert "data-publisher-logo" not in default and default.strip().startswith("<svg aria-hidden")
