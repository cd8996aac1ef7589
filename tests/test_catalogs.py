"""Translation catalogs: validation with file:line, fuzzy means Danish, status header."""
from pathlib import Path
import shutil

import pytest
from markupsafe import Markup

from generator.catalogs import LanguageCatalog, Translator, load_catalog, load_catalogs
from generator.errors import InputErrors
from generator.catalogs import TRANSLATIONS_DIR

PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"X-Translation-Status: {status}\\n"
{extra}
msgid "Kilde"
msgstr "Source"

msgid "Trin %(n)s af %(total)s"
msgstr "{step}"

#, fuzzy
msgid "Hvem bestemmer?"
msgstr "Who decides? (stale)"
'''


def write(tmp_path, status="machine-assisted", step="Step %(n)s of %(total)s", extra=""):
    path = tmp_path / "xx.po"
    path.write_text(PO.format(status=status, step=step, extra=extra), encoding="utf-8")
    return path


def test_good_catalog_loads(tmp_path):
    c = load_catalog("xx", write(tmp_path))
    assert c.messages == {"Kilde": "Source", "Trin %(n)s af %(total)s": "Step %(n)s of %(total)s"}
    assert c.fuzzy == {"Hvem bestemmer?"} and c.total == 3 and c.status == "machine-assisted"


@pytest.mark.parametrize("step,needle", [
    ("Step <b>%(n)s</b> of %(total)s", "contains HTML"),
    ("Step %(n)s of <script>x</script>", "contains HTML"),
    ("Step [x](http://e.org) %(n)s %(total)s", "Markdown"),
    ("Step %(n)s of %(all)s", "placeholders differ"),
    ("Step %(n)s", "Use exactly: %(n)s, %(total)s"),
    ("100% %(n)s %(total)s", "lone '%'"),
])
def test_bad_translation_is_rejected_with_its_line(tmp_path, step, needle):
    path = write(tmp_path, step=step)
    with pytest.raises(InputErrors) as exc:
        load_catalog("xx", path)
    [err] = exc.value.errors
    assert needle in err.message
    assert err.line == 10 and err.path == path   # the line of the msgid


def test_unknown_status_and_reviewed_without_reviewer(tmp_path):
    with pytest.raises(InputErrors) as exc:
        load_catalog("xx", write(tmp_path, status="done"))
    assert "X-Translation-Status is 'done'" in str(exc.value)
    with pytest.raises(InputErrors) as exc:
        load_catalog("xx", write(tmp_path, status="reviewed"))
    assert "X-Reviewed-By" in str(exc.value)
    ok = load_catalog("xx", write(tmp_path, status="reviewed", extra='"X-Reviewed-By: A. Translator, Sprogcenter Demo, 2027-01-15\\n"'))
    assert ok.reviewed and ok.reviewed_by.startswith("A. Translator")


def test_unreadable_catalog(tmp_path):
    path = tmp_path / "xx.po"
    path.write_text('msgid "a"\nmsgstr "b"\nmsgid\n', encoding="utf-8")
    with pytest.raises(InputErrors) as exc:
        load_catalog("xx", path)
    assert "xx.po:3: msgid: the text is not in quotes" in str(exc.value) and "Poedit" in str(exc.value)


def test_fuzzy_and_missing_fall_back_to_marked_danish(tmp_path):
    _ = Translator(load_catalog("xx", write(tmp_path)))
    assert _("Kilde") == "Source"
    stale = _("Hvem bestemmer?")
    assert stale == Markup('<span lang="da" dir="ltr" class="untranslated">Hvem bestemmer?</span>')
    assert "stale" not in stale
    assert _("Trin %(n)s af %(total)s", n=2, total=7) == "Step 2 of 7"
    assert _.fallbacks == 1


def test_values_are_escaped_but_markup_values_are_kept():
    _ = Translator(LanguageCatalog(lang="da", path=None))
    assert _("Trin %(n)s af %(total)s", n="<b>", total=Markup("<i>7</i>")) == "Trin &lt;b&gt; af <i>7</i>"


def test_every_real_catalog_is_valid_and_complete(languages):
    catalogs = load_catalogs([l.code for l in languages])
    for code, c in catalogs.items():
        if code == "da":
            continue
        assert c.path.name == f"{code}.po"
        assert c.total > 500
        assert c.translated == c.total, f"{code}: {c.total - c.translated} untranslated"
        assert not c.fuzzy, f"{code}: fuzzy {sorted(c.fuzzy)[:3]}"


def test_a_deliberately_broken_copy_of_a_real_catalog_is_rejected(tmp_path, languages):
    code = next(l.code for l in languages if not l.default)
    broken = tmp_path / f"{code}.po"
    text = (TRANSLATIONS_DIR / f"{code}.po").read_text(encoding="utf-8")
    # break the first translated entry that has a placeholder, or inject markup into the first one
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith('msgstr "') and line != 'msgstr ""' and i > 5:
            lines[i] = 'msgstr "<script>alert(1)</script>"'
            break
    else:
        pytest.skip("catalog has no translations yet")
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputErrors) as exc:
        load_catalog(code, broken)
    assert f"{code}.po:" in str(exc.value) and "HTML" in str(exc.value)


def test_a_changed_danish_source_makes_the_translation_fuzzy(tmp_path):
    """msgmerge semantics: keep translations, mark changed sources fuzzy, add new ones empty."""
    from babel.messages.catalog import Catalog
    from generator.catalogs import update_catalogs
    old = Catalog(locale=None)
    old.add("Kommunen skal beslutte det hurtigst muligt.")
    old.add("Kilde")
    update_catalogs(old, ["xx"], tmp_path)
    po = tmp_path / "xx.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgid "Kilde"\nmsgstr ""', 'msgid "Kilde"\nmsgstr "Source"')
    text = text.replace('msgid "Kommunen skal beslutte det hurtigst muligt."\nmsgstr ""',
                        'msgid "Kommunen skal beslutte det hurtigst muligt."\nmsgstr "The municipality must decide as soon as possible."')
    po.write_text(text, encoding="utf-8")
    new = Catalog(locale=None)
    new.add("Kommunen skal beslutte det hurtigst muligt efter din henvendelse.")
    new.add("Kilde")
    new.add("Ny tekst")
    update_catalogs(new, ["xx"], tmp_path)
    c = load_catalog("xx", po)
    assert c.messages == {"Kilde": "Source"}
    assert c.fuzzy == {"Kommunen skal beslutte det hurtigst muligt efter din henvendelse."}
    assert c.total == 3 and c.status == "machine-assisted"
    _ = Translator(c)
    assert 'lang="da"' in _("Kommunen skal beslutte det hurtigst muligt efter din henvendelse.")


def test_catalogs_keep_no_old_wordings_as_comments():
    """Babel read '#| msgid' previous ids back as translator comments ('# | msgid …'), so every
    update left old Danish wordings in the catalogs (263 a catalog on 2026-12-04), shown to
    translators in Poedit as comments on entries they no longer describe."""
    for path in sorted(Path(__file__).resolve().parent.parent.glob("translations/*.po")):
        stale = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if line.startswith("#|") or line.startswith("# |")]
        assert not stale, f"{path.name}: old wordings kept as comments on lines {stale[:5]}"
