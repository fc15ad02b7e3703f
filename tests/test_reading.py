"""Reading: encodings, newlines, binary files, empty and missing files (SPEC §1)."""

from __future__ import annotations

import codecs

import pytest

from extractor.reading import ReadError, decode, read_source

TEXT = "全市破获电信网络诈骗案件1718起\n收缴赃款1500余万元"

# fmt: off
DECODE_CASES = [
    # (id, bytes, expected text, expected encoding)
    ("utf8",            TEXT.encode("utf-8"),                        TEXT,            "utf-8"),
    ("utf8-bom",        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),      TEXT,            "utf-8-sig"),
    ("gb18030",         TEXT.encode("gb18030"),                      TEXT,            "gb18030"),
    ("gb18030-trad",    "港幣2300及2500元".encode("gb18030"),         "港幣2300及2500元", "gb18030"),
    ("crlf",            "甲\r\n乙\r\n".encode(),                      "甲\n乙\n",       "utf-8"),
    ("cr",              "甲\r乙\r".encode(),                          "甲\n乙\n",       "utf-8"),
    ("crlf-gb18030",    "甲\r\n\r\n乙".encode("gb18030"),             "甲\n\n乙",       "gb18030"),
    ("bom-crlf",        b"\xef\xbb\xbf" + "甲\r\n乙".encode(),        "甲\n乙",         "utf-8-sig"),
    ("empty",           b"",                                         "",              "utf-8"),
    ("bom-only",        b"\xef\xbb\xbf",                             "",              "utf-8-sig"),
    ("tabs-allowed",    "甲\t乙\t丙\t丁".encode(),                     "甲\t乙\t丙\t丁",  "utf-8"),
]

BINARY_CASES = [
    # (id, bytes, words the reason must contain)
    ("nul",             b"abc\x00def",                               "NUL"),
    ("utf16",           "案件".encode("utf-16"),                      "UTF-16"),
    ("utf16-be",        codecs.BOM_UTF16_BE + "案件".encode("utf-16-be"), "UTF-16"),
    ("undecodable",     b"\x80\xff\xfd\x80\x81" * 10,               "UTF-8 or GB18030"),
    ("controls",        b"\x01\x02\x03\x04abc" * 20,                 "control characters"),
]
# fmt: on


@pytest.mark.parametrize(
    ("data", "text", "encoding"), [c[1:] for c in DECODE_CASES], ids=[c[0] for c in DECODE_CASES]
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "reason"), [c[1:] for c in BINARY_CASES], ids=[c[0] for c in BINARY_CASES]
)
def test_binary_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason) as info:
        decode(data)
    assert "\n" not in str(info.value)


def test_control_share_just_under_limit_is_text() -> None:
    data = b"\x01" + "案".encode() * 9 + b"\x01" + "件".encode() * 9  # 2 of 20 = 10%
    assert decode(data)[0].count("\x01") == 2


def test_read_source_names_file_and_decodes(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("甲\r\n乙".encode("gb18030"))
    source = read_source(path)
    assert (source.name, source.text, source.encoding) == ("a.txt", "甲\n乙", "gb18030")
    assert read_source(path, "sub/a.txt").name == "sub/a.txt"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "directory"),
    ],
    ids=["missing", "directory"],
)
def test_read_source_errors(tmp_path, make, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_source(make(tmp_path))
