"""What each encoding a user may meet is for, in words: ``cp1250`` means little to a
researcher, "Windows, Central European" tells them which to try."""

from __future__ import annotations

import codecs

PURPOSES = {
    "ascii": "ASCII",
    "utf-8": "Unicode",
    "utf-16": "Unicode, 16-bit",
    "utf-16-le": "Unicode, 16-bit",
    "utf-16-be": "Unicode, 16-bit",
    "utf-32": "Unicode, 32-bit",
    "cp1250": "Windows, Central European",
    "cp1251": "Windows, Cyrillic",
    "cp1252": "Windows, Western European",
    "cp1253": "Windows, Greek",
    "cp1254": "Windows, Turkish",
    "cp1255": "Windows, Hebrew",
    "cp1256": "Windows, Arabic",
    "cp1257": "Windows, Baltic",
    "cp1258": "Windows, Vietnamese",
    "iso8859-1": "ISO Latin-1, Western European",
    "iso8859-2": "ISO Latin-2, Central European",
    "iso8859-4": "ISO Latin-4, Baltic",
    "iso8859-5": "ISO, Cyrillic",
    "iso8859-6": "ISO, Arabic",
    "iso8859-7": "ISO, Greek",
    "iso8859-8": "ISO, Hebrew",
    "iso8859-9": "ISO Latin-5, Turkish",
    "iso8859-13": "ISO Latin-7, Baltic",
    "iso8859-15": "ISO Latin-9, Western European with €",
    "iso8859-16": "ISO Latin-10, South-East European",
    "koi8-r": "KOI8, Russian",
    "koi8-u": "KOI8, Ukrainian",
    "mac-roman": "Mac, Western European",
    "mac-cyrillic": "Mac, Cyrillic",
    "mac-greek": "Mac, Greek",
    "cp437": "DOS, US",
    "cp850": "DOS, Western European",
    "cp852": "DOS, Central European",
    "cp866": "DOS, Cyrillic",
    "shift_jis": "Japanese (Shift_JIS)",
    "cp932": "Japanese (Windows Shift_JIS)",
    "euc_jp": "Japanese (EUC-JP)",
    "iso2022_jp": "Japanese (JIS)",
    "gb2312": "Chinese, simplified (GB 2312)",
    "gbk": "Chinese, simplified (GBK)",
    "gb18030": "Chinese, simplified (GB 18030)",
    "big5": "Chinese, traditional (Big5)",
    "cp950": "Chinese, traditional (Windows Big5)",
    "big5hkscs": "Chinese, traditional (Big5-HKSCS, Hong Kong)",
    "euc_kr": "Korean (EUC-KR)",
    "cp949": "Korean (Windows)",
}


def purpose(name: str) -> str:
    """What the encoding ``name`` (any spelling Python knows) is for, or "" if unknown."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return ""
    return PURPOSES.get(codec, "")


def described(name: str) -> str:
    """``name`` followed by what it is for: ``cp1250 — Windows, Central European``."""
    what = purpose(name)
    return f"{name} — {what}" if what else name
