import codecs

import pytest

from dateline.errors import InputError
from dateline.ingest.decode import check_size, decode_bytes


def test_utf8_roundtrip():
    text, warnings = decode_bytes("Kyiv — Київ “quoted”".encode())
    assert text == "Kyiv — Київ “quoted”"
    assert warnings == ()


def test_bom_is_stripped():
    text, _ = decode_bytes(codecs.BOM_UTF8 + b"Hello Kyiv")
    assert text == "Hello Kyiv"


def test_utf16_with_bom():
    text, _ = decode_bytes("Russian forces withdrew from Izium.".encode("utf-16"))
    assert text == "Russian forces withdrew from Izium."


def test_invalid_utf8_is_replaced_with_warning():
    text, warnings = decode_bytes(b"Kyiv \xff\xfe said on Friday")
    assert "\ufffd" in text
    assert len(warnings) == 1 and "not valid UTF-8" in warnings[0] and "offset 5" in warnings[0] and "iconv" in warnings[0]


@pytest.mark.parametrize("data", [b"", b"   \n\t ", b"\n\n"])
def test_empty_input(data):
    with pytest.raises(InputError, match="empty"):
        decode_bytes(data)


def test_binary_input():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_control_characters_count_as_binary():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15] * 20) + b"text")


def test_size_limit_message_says_what_to_do():
    with pytest.raises(InputError, match=r"50\.0 MB, over the 10\.0 MB limit.*--max-bytes"):
        check_size(50_000_000, 10_000_000)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_with_warning(codec):
    text, warnings = decode_bytes("Russian forces withdrew from Izium on Saturday.\n".encode(codec))
    assert text == "Russian forces withdrew from Izium on Saturday.\n"
    assert len(warnings) == 1 and codec.upper() in warnings[0] and "UTF-8" in warnings[0]


def test_binary_with_nul_bytes_names_the_utf16_remedy():
    with pytest.raises(InputError, match="binary.*iconv"):
        decode_bytes(bytes(range(256)) * 4)
