"""Turn raw bytes into text, refusing what is not an article."""

from __future__ import annotations

import codecs

from dateline.errors import InputError

#: Default cap on one article's raw size.  Real articles are < 200 kB; a 10 MB
#: "article" is a dump or a mistake, and would take minutes through the parser.
MAX_BYTES = 10_000_000

#: Share of control characters (besides \t\n\r\f) above which input is binary.
BINARY_CONTROL_SHARE = 0.05


def _human(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n} bytes"


def check_size(n: int, max_bytes: int = MAX_BYTES) -> None:
    """Raise InputError when ``n`` bytes is over the limit."""
    if n > max_bytes:
        raise InputError(
            f"input is {_human(n)}, over the {_human(max_bytes)} limit for one article; "
            "split it into articles (JSONL) or raise the limit with --max-bytes"
        )


def decode_bytes(data: bytes, *, max_bytes: int = MAX_BYTES) -> tuple[str, tuple[str, ...]]:
    """Decode article bytes; return the text and any warnings.

    Raises:
        InputError: empty, binary or oversized input.
    """
    check_size(len(data), max_bytes)
    if not data.strip():
        raise InputError("input is empty; give a file or text with an article in it")
    warnings: list[str] = []
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = _utf16_without_bom(data)
        if enc is None:
            raise InputError("input looks binary (NUL bytes); give a text, HTML, JSONL or CSV file "
                             "(UTF-16 or UTF-32 text: convert it with `iconv -f UTF-16 -t UTF-8`)")
        warnings.append(f"input has no byte-order mark but reads as {enc.upper()}; re-save it as UTF-8 to be sure")
        return check_text(data.decode(enc, errors="replace")), tuple(warnings)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return check_text(data.decode(enc, errors="replace")), ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        warnings.append(
            f"input is not valid UTF-8 (first bad byte at offset {exc.start}); "
            f"{bad} byte(s) replaced with U+FFFD — for exact text convert it, e.g. `iconv -f latin1 -t utf-8`"
        )
    return check_text(text), tuple(warnings)


#: Share of the high (or low) bytes of 16-bit units that must be NUL to read BOM-less input as UTF-16:
#: Latin-script text has a NUL in nearly every unit, binary files in few.  Not tuned on data.
UTF16_NUL_SHARE = 0.6


def _utf16_without_bom(data: bytes) -> str | None:
    """Return "utf-16-le" or "utf-16-be" when NUL bytes sit in every other position, else None."""
    head = data[:8192]
    even, odd = head[0::2], head[1::2]
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros and zeros.count(0) >= UTF16_NUL_SHARE * len(zeros) and other.count(0) == 0:
            return enc
    return None


def check_text(text: str) -> str:
    """Refuse text that is empty or mostly control characters; return it unchanged."""
    if not text.strip():
        raise InputError("input is empty; give a file or text with an article in it")
    sample = text[:20000]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or 0x7F <= ord(c) < 0xA0)
    if controls > BINARY_CONTROL_SHARE * len(sample) or "\x00" in sample:
        raise InputError("input looks binary (control characters); give a text, HTML, JSONL or CSV file")
    return text
