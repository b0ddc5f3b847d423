"""Bytes to text: UTF-8 first, a detected legacy encoding next, replacement as the last resort."""

from __future__ import annotations

from dataclasses import dataclass, field

from charset_normalizer import from_bytes

_BINARY_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b", b"BZh",
    b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"fLaC", b"ID3",
)  # fmt: skip


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    flags: list[str] = field(default_factory=list)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: a known binary signature or NUL bytes early on."""
    head = data[:4096]
    return head.startswith(_BINARY_MAGIC) or b"\x00" in head


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` to text and say how.

    A file that is mostly valid UTF-8 with a few broken bytes is UTF-8 with those bytes replaced
    (flagged); a file with no valid multi-byte UTF-8 sequence at all is a legacy 8-bit encoding,
    which charset-normalizer identifies (Windows-1252 is the usual one).
    """
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return Decoded(data.decode(declared), declared.lower(), [f"decoded as {declared.lower()}"])
        except (UnicodeDecodeError, LookupError):
            pass
    replaced = data.decode("utf-8", errors="replace")
    if _has_valid_multibyte_utf8(replaced):
        return Decoded(replaced, "utf-8", ["undecodable bytes replaced"])
    best = from_bytes(data[: 1 << 20]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return Decoded(data.decode(encoding), encoding, [f"decoded as {encoding}"])
    except (UnicodeDecodeError, LookupError):
        return Decoded(replaced, "utf-8", ["undecodable bytes replaced"])


def _has_valid_multibyte_utf8(text: str) -> bool:
    return any(ord(ch) > 0x7F and ch != "\ufffd" for ch in text)
