"""Templates fail loudly on a typo (StrictUndefined); every Danish page, and a page of every
template in every other language, renders. (Every page of every language renders in `make build`,
which `make test` runs first and which stops on any error.)"""
import jinja2
import pytest

from generator.render import ENV, optional_keys


def test_a_typo_in_a_field_name_fails_the_render():
    with pytest.raises(jinja2.UndefinedError):
        ENV.from_string("<p>{{ rule.sayz }}</p>").render(rule={"says": "x"})
    with pytest.raises(jinja2.UndefinedError):
        ENV.from_string("{% if rule.sayz %}x{% endif %}").render(rule={"says": "x"})
    with pytest.raises(jinja2.UndefinedError):
        ENV.from_string("{{ undefined_name }}").render()


def test_an_optional_field_left_out_is_empty():
    assert "wave" in optional_keys() and "says" not in optional_keys()
    assert ENV.from_string("[{{ area.wave }}]{% if area.wave %}x{% endif %}").render(area={"id": "a"}) == "[]"
    assert ENV.from_string("{{ 'no' if rule.pkt is defined else 'ok' }}").render(rule={}) == "ok"


@pytest.fixture(scope="module")
def site():
    """Every Danish page, and a page of each template in every other language, rendered in memory
    once for the tests below (6,992 pages in all take a minute: the build renders those)."""
    from generator.build import render_site
    renderer, languages = render_site()
    one_per_template = list({spec.template: spec for spec in renderer.specs}.values())
    pages = {f"{lang.code}/{spec.source_path}": renderer.render(spec, lang)
             for lang in languages for spec in (renderer.specs if lang.code == "da" else one_per_template)}
    return renderer, languages, pages


def test_every_danish_page_and_each_template_in_every_language_renders_in_memory(site):
    renderer, languages, pages = site
    templates = {spec.template for spec in renderer.specs}
    assert len(pages) == len(renderer.specs) + len(templates) * (len(languages) - 1)
    assert all(text.startswith("---\ntitle: ") for text in pages.values())


def test_markdown_would_pass_every_page_body_through_unchanged(site):
    """generator/hooks.py hands page bodies around Python-Markdown (decisions/001): only right
    while Markdown leaves them as they are, apart from blank lines between blocks. Checked on
    every Danish page and on a page of each template in every other language."""
    import re

    import markdown
    from mkdocs.utils.meta import get_data

    renderer, languages, pages = site
    blank_lines = re.compile(r"\n[ \t]*(?=\n)")
    one_per_template = list({spec.template: spec for spec in renderer.specs}.values())
    for lang in languages:  # every Danish page; in the other languages, a page of each template
        for spec in renderer.specs if lang.code == "da" else one_per_template:
            body, _meta = get_data(pages[f"{lang.code}/{spec.source_path}"])
            # mkdocs' own Markdown extensions (mkdocs.yml adds none)
            html = markdown.Markdown(extensions=["toc", "tables", "fenced_code"]).convert(body)
            assert blank_lines.sub("", html) == blank_lines.sub("", body.strip()), \
                f"{lang.code}/{spec.source_path}: Markdown would change this page; see decisions/001"
