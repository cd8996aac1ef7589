"""Pages rendered in memory by the project's renderer (no mkdocs): the `renderer` fixture in
conftest.py and one page of it, by questionnaire node, in one language."""
from __future__ import annotations


def render_node(renderer, lang: str, node) -> str:
    r, langs = renderer
    return r.render(r.by_url[r.flow.url(node)], langs[lang])
