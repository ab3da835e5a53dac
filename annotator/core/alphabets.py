"""What each language's words are made of, for telling encodings apart by orthography
(core/decoding.py): the non-ASCII letters each language uses, and the characters the
East Asian standards define as common. Nothing here is learned from sample text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Alphabet:
    """A language's letters beyond ASCII (lower case, plus capitals that do not
    lower-case to one character); ``latin`` says whether ASCII letters belong too."""

    name: str
    letters: frozenset[str]
    latin: bool = True
    # Combining marks the language writes after a vowel (Vietnamese in cp1258).
    marks: frozenset[str] = frozenset()
    # What the language's spelling rules allow a (lower-case) word to be, if it says.
    rules: re.Pattern[str] | None = None
    # Its words of one non-ASCII letter ("à", "è"); None: any letter may stand alone.
    singles: frozenset[str] | None = frozenset()
    # Rarer languages weigh less: Turkish read as Windows-1252 is all Icelandic letters.
    weight: float = 1.0


_VI_PRECOMPOSED = "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
_VI_TONES = "\u0300\u0301\u0303\u0309\u0323"
_CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
_GREEK = "αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ"
_HEBREW = "".join(map(chr, range(0x05D0, 0x05EB)))
_HEBREW_POINTS = "".join(map(chr, range(0x05B0, 0x05C8)))
_ARABIC = "".join(map(chr, range(0x0621, 0x064B)))
_ARABIC_MARKS = "".join(map(chr, range(0x064B, 0x0653))) + "\u0670"


# East Slavic and Bulgarian spelling: no word starts with a soft or hard sign or ы, and й
# follows a vowel (or starts a word before о, е: "йод", "Йемен").
_CYRILLIC_VOWELS = "аеёиоуыэюяіїєъ"
_SLAVIC = re.compile(rf"й$|(?![ьъы])(?:й(?=[оеу]))?(?:(?<=[{_CYRILLIC_VOWELS}])й|[^й])*$", re.S)
_BULGARIAN = re.compile(rf"й$|(?![ьы])(?:й(?=[оеу]))?(?:(?<=[{_CYRILLIC_VOWELS}])й|[^й])*$", re.S)


# Greek spelling: final sigma only at the end, σ never there, one accented vowel at most,
# and a diaeresis only on a vowel after a vowel.
_GREEK_RULES = re.compile(
    r"(?![ϊϋΐΰ])(?!.*[^αεηιοέ][ϊϋΐΰ])(?!.*ς.)(?!.*σ$)(?!.*[άέήίόύώΐΰ].*[άέήίόύώΐΰ])", re.S
)
# French and Portuguese ç comes before a, o or u; Catalan's may also end a word.
_CEDILLA = re.compile("(?!.*ç(?![aouâôûãõ]))", re.S)
_CATALAN = re.compile("(?!.*ç(?![aou]|$))", re.S)
# Czech ě and ů, Slovak ŕ and ĺ follow consonants; Polish ą, ę, ń, Romanian â and Turkish
# ğ start no word (rules that catch Italian "è", "ù", "à" read as Windows-1250).
_CZECH = re.compile("(?![ěů])(?!.*[aeiouyáéíóúýůě][ěů])", re.S)
_SLOVAK = re.compile("(?!.*[aeiouyáéíóúýäô][ŕĺ])", re.S)
# Vietnamese words are syllables: an initial consonant (cluster), one to three vowels, and
# one of the few final consonants.
_VI_VOWELS = "aeiouyăâêôơư" + "".join(ch for ch in _VI_PRECOMPOSED if ch != "đ")
_VIETNAMESE = re.compile(
    rf"(?!.*[ăắằẳẵặ](?![cmnpt]))"  # ă is always followed by a final consonant
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[{_VI_VOWELS}]{{1,3}}"
    r"(?:ch|ng|nh|[cmnpt])?$"
)
_L = frozenset


def _script(
    name: str,
    letters: str,
    rules: re.Pattern[str] | None = None,
    marks: str = "",
    singles: str | None = None,
) -> Alphabet:
    """An alphabet of a script without ASCII letters (None: any letter may stand alone)."""
    return Alphabet(
        name, _L(letters), latin=False, marks=_L(marks), rules=rules,
        singles=None if singles is None else _L(singles),
    )  # fmt: skip


def _minus(letters: str, drop: str) -> str:
    return "".join(ch for ch in letters if ch not in drop)


ALPHABETS: tuple[Alphabet, ...] = (
    Alphabet("French", frozenset("àâçéèêëîïôœùûüÿ"), singles=_L("à"), rules=_CEDILLA),
    Alphabet("Spanish", frozenset("áéíñóúüºª"), singles=_L("ºª")),
    Alphabet("Portuguese", frozenset("áâãàçéêíóôõúºª"), singles=_L("àéºª"), rules=_CEDILLA),
    Alphabet("German", frozenset("äöüß")),
    Alphabet("Italian", frozenset("àèéìíîòóùúºª"), singles=_L("èºª")),
    Alphabet("Dutch", frozenset("éèëïóöüáàäêíôú")),
    Alphabet("Nordic", frozenset("åæøäöéáóü"), singles=_L("åøö")),
    Alphabet("Catalan", frozenset("àçèéíïòóúü"), rules=_CATALAN),
    Alphabet("Icelandic", frozenset("áðéíóúýþæö"), singles=_L("áí"), weight=0.75),
    Alphabet("Polish", frozenset("ąćęłńóśźż"), rules=re.compile("(?![ąęń])")),
    Alphabet("Czech", frozenset("áčďéěíňóřšťúůýž"), rules=_CZECH),
    Alphabet("Slovak", frozenset("áäčďéíĺľňóôŕšťúýž"), rules=_SLOVAK),
    Alphabet("Hungarian", frozenset("áéíóöőúüű")),
    Alphabet("Croatian", frozenset("čćđšž")),
    Alphabet("Romanian", frozenset("ăâîşţ"), rules=re.compile("(?!â)")),
    Alphabet("Turkish", frozenset("çğıöşüâîûİ"), rules=re.compile("(?!ğ)")),
    Alphabet("Lithuanian", frozenset("ąčęėįšųūž")),
    Alphabet("Latvian", frozenset("āčēģīķļņšūž")),
    Alphabet("Estonian", frozenset("äöõüšž")),
    Alphabet(
        "Vietnamese", _L(_VI_PRECOMPOSED), marks=_L(_VI_TONES), rules=_VIETNAMESE,
        singles=_L("ởýồừạàáơư"),
    ),
    _script("Russian", _CYRILLIC + "ё", _SLAVIC, singles="вскуоияа"),
    _script("Ukrainian", _minus(_CYRILLIC, "ёъыэ") + "ґєії’", _SLAVIC, singles="вузійоа"),
    _script("Belarusian", _minus(_CYRILLIC, "ищъ") + "ёіў’", _SLAVIC, singles="вузіаоў"),
    _script("Bulgarian", _minus(_CYRILLIC, "ёыэ") + "ѝ", _BULGARIAN, singles="вискуоаѝ"),
    _script("Serbian", _minus(_CYRILLIC, "ёщъыьэюяй") + "ђјљњћџ", singles="уиаскоњ"),
    _script("Macedonian", _minus(_CYRILLIC, "ёщъыьэюяй") + "ѓѕјљњќџ", singles="виаскоу"),
    _script("Greek", _GREEK, _GREEK_RULES, singles="οηήωα"),
    _script("Hebrew", _HEBREW + "״׳", marks=_HEBREW_POINTS, singles=""),
    _script("Arabic", _ARABIC + "ـ", marks=_ARABIC_MARKS, singles="و"),
    _script("Persian", _ARABIC + "پچژگکیـ", marks=_ARABIC_MARKS, singles="و"),
)  # fmt: skip

# Letters no word of a Latin-script language starts with (curly quotes read as MacRoman).
NEVER_FIRST = frozenset("ìòùîûïÿ")
# Symbols that text almost never holds: where a reading makes them, it misread the bytes.
RARE_SYMBOLS = frozenset("¤¦¨¯´¸¬¶¹¼½¾ˆ˜‡†ƒ‹›¿¡±µ×÷¢¥©®™°§")
# Of those, the ones real text does use now and then (outside words).
OCCASIONAL = frozenset("¿¡±×°§©®™¥¢µ")
# Punctuation that may stand inside a word: apostrophes, hyphens, Hebrew geresh/gershayim.
INSIDE_WORD = frozenset("'’ʼ‐-·״׳־")


def _decoded(codec: str, leads: range, trails: tuple[range, ...]) -> frozenset[str]:
    chars = set()
    for lead in leads:
        for trail_range in trails:
            for trail in trail_range:
                try:
                    chars.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    continue
    return frozenset(ch for ch in chars if len(ch) == 1)


_ROW = (range(0xA1, 0xFF),)


@cache
def common_characters(family: str) -> frozenset[str]:
    """The characters a CJK standard marks as common, read from the standard's own byte
    ranges: GB 2312 level 1, Big5's frequent block, JIS X 0208 level 1 with kana, KS X
    1001's Hangul; each with the standard's punctuation and full-width forms."""
    if family == "gb":
        return _decoded("gb2312", range(0xB0, 0xD8), _ROW) | _decoded(
            "gb2312", range(0xA1, 0xA4), _ROW
        )
    if family == "big5":
        return _decoded("big5", range(0xA1, 0xC7), (range(0x40, 0x7F), range(0xA1, 0xFF)))
    if family == "jis":
        return _decoded("euc_jp", range(0xB0, 0xD0), _ROW) | _decoded(
            "euc_jp", range(0xA1, 0xA6), _ROW
        )
    if family == "ks":
        return _decoded("euc_kr", range(0xB0, 0xC9), _ROW) | _decoded("euc_kr", (0xA1, 0xA3), _ROW)
    raise ValueError(family)


@cache
def languages_of(codec: str) -> frozenset[int]:
    """The alphabets (indices into ALPHABETS) a single-byte encoding can write: nearly all
    their letters encode in it (Vietnamese tones as combining marks). Turkish is not a
    language of Windows-1252, which has no ş, ğ or ı."""
    return frozenset(
        index
        for index, alphabet in enumerate(ALPHABETS)
        if sum(_encodes(ch, codec) for ch in alphabet.letters) >= 0.85 * len(alphabet.letters)
    )


def _encodes(letter: str, codec: str) -> bool:
    parts = unicodedata.normalize("NFD", letter)
    for form in (letter, parts, unicodedata.normalize("NFC", parts[:2]) + parts[2:]):
        try:
            form.encode(codec)
        except UnicodeEncodeError:
            continue
        return True
    return False
