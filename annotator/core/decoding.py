"""Telling the encoding of a text file and decoding it without mojibake.

Order (DESIGN-NOTES §6): a byte-order mark wins; then strict UTF-8; then
charset-normalizer, except that for the Latin single-byte family, where it often takes
Windows-1252 text for Windows-1250 (``£`` read as ``Ł``), the two are weighed by which
decoding yields the letters its languages actually use.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Single-byte encodings charset-normalizer confuses with one another on Western text.
LATIN_FAMILY = {
    "cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "iso8859_9", "cp1254",
    "mac_latin2", "mac_roman", "cp1257", "iso8859_4", "iso8859_13", "cp850", "cp437",
}  # fmt: skip
WESTERN = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒ£€")
CENTRAL_COMMON = set("ąćęłńśźżčřšžěĄĆĘŁŃŚŹŻČŘŠŽĚ")
CENTRAL_RARE = set("ďťňůőűĺľŕăşţĎŤŇŮŐŰĹĽŔĂŞŢ")
PRINTABLE_CONTROLS = set("\t\n\r\f\v")


class DecodeError(ValueError):
    """Bytes that are not text in any encoding this program can tell apart."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name, e.g. "utf-8", "cp1252", "gb18030"


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes, recording the encoding; :class:`DecodeError` if it is
    binary data or no encoding fits. The BOM, if any, stays at the start of the text."""
    for bom, name in BOMS:
        if data.startswith(bom):
            # Decoded with the BOM kept as U+FEFF: normalise_text removes exactly one.
            codec = "utf-8" if name == "utf-8-sig" else name
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {name} byte-order mark but is not {name} "
                    f"({exc.reason} at byte {exc.start})"
                ) from None
            return _checked(Decoded(text, name))
    if b"\x00" in data[:8192]:
        raise DecodeError("binary data, not text (it holds NUL bytes)")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(_guess(data))


def _guess(data: bytes) -> Decoded:
    high = sum(1 for byte in data[:65536] if byte >= 0x80)
    if high * 10 < min(len(data), 65536) * 3:
        # Mostly ASCII with a few other bytes: a Western or Central European text with
        # accents. Multi-byte guesses (CJK) would read the accents as ideographs.
        latin = _western_or_central(data)
        if latin is not None:
            return latin
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    name = codecs.lookup(best.encoding).name.replace("-", "_") if best is not None else None
    if name is None or name in LATIN_FAMILY or name == "iso8859_1":
        latin = _western_or_central(data)
        if latin is not None:
            return latin
    if best is None:
        raise DecodeError("cannot tell its encoding (not UTF-8, and no other encoding fits)")
    return Decoded(str(best), codecs.lookup(best.encoding).name)


def _western_or_central(data: bytes) -> Decoded | None:
    candidates = {}
    for name in ("cp1252", "cp1250"):
        try:
            candidates[name] = data.decode(name)
        except UnicodeDecodeError:
            continue
    if not candidates:
        return None
    if len(candidates) == 1:
        name, text = next(iter(candidates.items()))
    else:
        western, central = candidates["cp1252"], candidates["cp1250"]
        score_w = score_c = 0.0
        for a, b in zip(western, central, strict=True):
            if a != b:
                score_w += a in WESTERN
                score_c += 1.0 if b in CENTRAL_COMMON else 0.5 if b in CENTRAL_RARE else 0.0
        name, text = ("cp1250", central) if score_c > score_w else ("cp1252", western)
    if name == "cp1252" and not any(0x80 <= byte <= 0x9F for byte in data):
        name = "latin_1"  # the same text; only 0x80-0x9F tell Windows-1252 apart
    return Decoded(text, codecs.lookup(name).name)


def _checked(decoded: Decoded) -> Decoded:
    text = decoded.text
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in PRINTABLE_CONTROLS)
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        raise DecodeError("binary data, not text (too many control characters)")
    return decoded
