from __future__ import annotations

import codecs
import encodings.aliases

import pytest

from annotator.core.importers import read_document
from annotator.core.web_encodings import REPLACEMENT, WEB_LABELS, web_codec

# The WHATWG Encoding Standard's encodings and labels (encoding.spec.whatwg.org, 2024),
# with the Python codec a <meta charset> naming them decodes with here.
STANDARD = {
    ("utf-8", "UTF-8"): "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    ("cp866", "IBM866"): "866 cp866 csibm866 ibm866",
    ("iso8859-2", "ISO-8859-2"): "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 "
    "iso_8859-2 iso_8859-2:1987 l2 latin2",
    ("iso8859-3", "ISO-8859-3"): "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 "
    "iso_8859-3 iso_8859-3:1988 l3 latin3",
    ("iso8859-4", "ISO-8859-4"): "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 "
    "iso_8859-4 iso_8859-4:1988 l4 latin4",
    ("iso8859-5", "ISO-8859-5"): "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 "
    "iso88595 iso_8859-5 iso_8859-5:1988",
    ("iso8859-6", "ISO-8859-6"): "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic "
    "ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 "
    "iso_8859-6:1987",
    ("iso8859-7", "ISO-8859-7"): "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 "
    "iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    ("iso8859-8", "ISO-8859-8"): "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e "
    "iso-ir-138 iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual",
    ("iso8859-8", "ISO-8859-8-I"): "csiso88598i iso-8859-8-i logical",
    ("iso8859-10", "ISO-8859-10"): "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 "
    "l6 latin6",
    ("iso8859-13", "ISO-8859-13"): "iso-8859-13 iso8859-13 iso885913",
    ("iso8859-14", "ISO-8859-14"): "iso-8859-14 iso8859-14 iso885914",
    ("iso8859-15", "ISO-8859-15"): "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    ("iso8859-16", "ISO-8859-16"): "iso-8859-16",
    ("koi8-r", "KOI8-R"): "cskoi8r koi koi8 koi8-r koi8_r",
    ("koi8-u", "KOI8-U"): "koi8-ru koi8-u",
    ("mac-roman", "macintosh"): "csmacintosh mac macintosh x-mac-roman",
    ("cp874", "windows-874"): "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    ("cp1250", "windows-1250"): "cp1250 windows-1250 x-cp1250",
    ("cp1251", "windows-1251"): "cp1251 windows-1251 x-cp1251",
    ("cp1252", "windows-1252"): "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 "
    "iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii "
    "windows-1252 x-cp1252",
    ("cp1253", "windows-1253"): "cp1253 windows-1253 x-cp1253",
    ("cp1254", "windows-1254"): "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 "
    "iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254",
    ("cp1255", "windows-1255"): "cp1255 windows-1255 x-cp1255",
    ("cp1256", "windows-1256"): "cp1256 windows-1256 x-cp1256",
    ("cp1257", "windows-1257"): "cp1257 windows-1257 x-cp1257",
    ("cp1258", "windows-1258"): "cp1258 windows-1258 x-cp1258",
    ("mac-cyrillic", "x-mac-cyrillic"): "x-mac-cyrillic x-mac-ukrainian",
    ("gb18030", "GBK"): "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk "
    "iso-ir-58 x-gbk",
    ("gb18030", "gb18030"): "gb18030",
    ("big5hkscs", "Big5"): "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    ("euc_jp", "EUC-JP"): "cseucpkdfmtjapanese euc-jp x-euc-jp",
    ("iso2022_jp", "ISO-2022-JP"): "csiso2022jp iso-2022-jp",
    ("cp932", "Shift_JIS"): "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    ("cp949", "EUC-KR"): "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 "
    "ks_c_5601-1989 ksc5601 ksc_5601 windows-949",
    # HTML reads a <meta> naming UTF-16 as UTF-8, and x-user-defined as windows-1252.
    ("utf-8", "UTF-16BE"): "unicodefffe utf-16be",
    ("utf-8", "UTF-16LE"): "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
    ("cp1252", "x-user-defined"): "x-user-defined",
    (None, "replacement"): "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr "
    "replacement",
}
EVERY_LABEL = {label for labels in STANDARD.values() for label in labels.split()}


@pytest.mark.parametrize(("codec", "encoding"), list(STANDARD))
def test_every_label_of_the_standard_names_its_codec(codec, encoding):
    for label in STANDARD[codec, encoding].split():
        assert web_codec(label) == codec, label
        assert web_codec(f" \t{label.upper()}\n") == codec  # as a <meta> may spell it
    if codec is not None:
        assert codecs.lookup(codec).name == codec
        assert b"<p>plain ASCII</p>".decode(codec) == "<p>plain ASCII</p>"


def test_the_table_holds_the_standard_and_nothing_else():
    assert set(WEB_LABELS) | set(REPLACEMENT) == EVERY_LABEL
    assert len(EVERY_LABEL) == 228


PYTHON_ONLY = (
    "undefined", "punycode", "unicode_escape", "raw_unicode_escape", "utf-7", "utf_7", "rot13",
    "rot_13", "uu", "zlib", "base64", "hex", "bz2", "quopri", "idna", "utf-32", "utf-8-sig",
    "cp037", "cp500", "cp1026", "mbcs", "oem", "palmos", "hp_roman8", "ptcp154", "tactis",
)  # fmt: skip


def python_codec_names() -> set[str]:
    aliases = encodings.aliases.aliases
    return {*PYTHON_ONLY, *aliases, *aliases.values()} - EVERY_LABEL


def test_python_codecs_that_are_no_web_encoding_are_ignored():
    names = python_codec_names()
    assert len(names) > 300
    for name in names:
        assert web_codec(name) is None, name
        assert web_codec(name.replace("_", "-")) in (None, WEB_LABELS.get(name.replace("_", "-")))


# ASCII bytes that these codecs turn into a lone surrogate, an error that is no
# UnicodeDecodeError, or other text (\\u0041 read as "A").
ASCII_PAGE = '<html><head><meta charset="{}"><title>T</title></head><p>Cafe +2AA- \\u0041 x</p>'


@pytest.mark.parametrize("name", ["undefined", "punycode", "unicode_escape", "utf-7", "rot13"])
def test_a_page_naming_a_python_codec_is_read_by_detection(tmp_path, name):
    page = tmp_path / "page.html"
    page.write_text(ASCII_PAGE.format(name), encoding="ascii")
    doc = read_document(page)
    assert (doc.title, doc.text) == ("T", "Cafe +2AA- \\u0041 x\n")
    assert doc.encoding == "utf-8"


def test_every_python_codec_name_in_a_meta_ends_in_the_page_as_written(tmp_path):
    page = tmp_path / "page.html"
    for name in sorted(python_codec_names()):
        page.write_text(ASCII_PAGE.format(name), encoding="ascii")
        assert read_document(page).text == "Cafe +2AA- \\u0041 x\n", name
