"""Latin words and phone numbers inside right-to-left strings become isolated elements."""
from markupsafe import Markup

from generator.bidi import isolate, isolate_theme_text, wrap
from generator.catalogs import LanguageCatalog, Translator

DA = '<span lang="da" dir="ltr">'


def test_danish_name_in_brackets_keeps_its_brackets_inside_the_element():
    assert wrap("إعانة الأطفال والشباب (Børne- og ungeydelse)") == \
        f"إعانة الأطفال والشباب {DA}(Børne- og ungeydelse)</span>"


def test_brackets_around_mixed_text_stay_outside():
    assert wrap("(رمز QR)") == f"(رمز {DA}QR</span>)"


def test_domain_and_multiword_names_are_one_run_but_sentence_ends_split_them():
    out = wrap("ابحث في borger.dk. Udbetaling Danmark يقرر.")
    assert out == f"ابحث في {DA}borger.dk</span>. {DA}Udbetaling Danmark</span> يقرر."


def test_phone_number_is_its_own_left_to_right_element_and_not_part_of_a_name():
    out = wrap("Den Digitale Hotline على الرقم 70 20 00 00.")
    assert out == (f"{DA}Den Digitale Hotline</span> على الرقم "
                   '<span class="phone-number" dir="ltr">70 20 00 00</span>.')
    assert 'class="phone-number"' in wrap("شماره ۷۰ ۲۰ ۰۰ ۰۰ است")


def test_html_in_text_is_escaped_not_interpreted():
    assert wrap("<b>نص</b> & MitID") == f"&lt;{DA}b</span>&gt;نص&lt;/{DA}b</span>&gt; &amp; {DA}MitID</span>"


def test_text_without_latin_is_only_escaped():
    assert wrap("نص عربي فقط ١٢") == "نص عربي فقط ١٢"


def test_placeholders_markup_values_are_kept_plain_values_are_wrapped():
    name = Markup('<span lang="da" dir="ltr" translate="no">Borgerservice</span>')
    out = isolate("اذهب إلى %(where)s مع %(who)s، 100%%", {"where": name, "who": "Jens <Demo>"})
    assert out == f"اذهب إلى {name} مع {DA}Jens</span> &lt;{DA}Demo</span>&gt;، 100%"
    assert isolate("100%% MitID") == f"100%% {DA}MitID</span>"  # no values: no %-formatting


def test_translator_isolates_only_in_right_to_left_languages():
    text = {"Kontakt Borgerservice": "اتصل بـ Borgerservice"}
    ar = Translator(LanguageCatalog(lang="ar", path=None, messages=text))
    tr = Translator(LanguageCatalog(lang="tr", path=None, messages={"Kontakt Borgerservice": "Borgerservice'i arayın"}))
    assert ar("Kontakt Borgerservice") == f"اتصل بـ {DA}Borgerservice</span>"
    assert tr("Kontakt Borgerservice") == "Borgerservice&#39;i arayın"


def test_theme_titles_in_header_and_menu_are_isolated():
    page = '<span class="md-ellipsis">\n  معاش الشيخوخة (Folkepension)\n</span><span class="md-ellipsis">نص</span>'
    assert isolate_theme_text(page) == \
        f'<span class="md-ellipsis">\n  معاش الشيخوخة {DA}(Folkepension)</span>\n</span><span class="md-ellipsis">نص</span>'


def test_danish_label_in_brackets_is_marked_danish_in_left_to_right_languages():
    en = Translator(LanguageCatalog(lang="en", path=None, messages={"Klik på Næste.": "Click Next (Næste) & go."}),
                    danish_terms=frozenset({"Næste", "Folkepension"}))
    assert en("Klik på Næste.") == 'Click Next (<span lang="da">Næste</span>) &amp; go.'
    tr = Translator(LanguageCatalog(lang="tr", path=None, messages={"Folkepension": "Devlet emekli aylığı (folkepension) %(x)s"}),
                    danish_terms=frozenset({"Næste", "Folkepension"}))
    assert tr("Folkepension", x="<b>") == 'Devlet emekli aylığı (<span lang="da">folkepension</span>) &lt;b&gt;'
