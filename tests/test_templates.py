"""Templates fail loudly on a typo (StrictUndefined), and every page of every language renders."""
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


def test_every_page_of_every_language_renders_in_memory():
    from generator.build import render_site
    renderer, languages = render_site()
    pages = renderer.render_all()
    assert len(pages) == len(renderer.specs) * len(languages)
    assert all(text.startswith("---\ntitle: ") for text in pages.values())
