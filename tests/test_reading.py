"""Reading: encodings, newlines, binary files, empty and missing files (SPEC §1)."""

from __future__ import annotations

import codecs

import pytest

from extractor.reading import ReadError, decode, read_source

TEXT = "全市破获电信网络诈骗案件1718起\n收缴赃款1500余万元"
HK = "香港警方破獲一宗電話騙案，涉款300萬港元。"
CANTONESE = "佢哋話呢單騙案嘅損失高達300萬港元，警方已經拘捕咗兩名男子。"  # 嘅 咗: HKSCS only

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
    # issue 16: Big5 (Taiwan, Hong Kong) was read as GB18030 into garbage; UTF-16/32 refused
    ("big5",            HK.encode("big5"),                           HK,              "big5"),
    ("big5-crlf",       "標題\r\n\r\n香港警方破獲騙案".encode("big5"),   "標題\n\n香港警方破獲騙案", "big5"),
    ("big5hkscs",       CANTONESE.encode("big5hkscs"),               CANTONESE,       "big5hkscs"),
    ("gb18030-hk-words", HK.encode("gb18030"),                       HK,              "gb18030"),
    ("big5-two-chars",  "萬元".encode("big5"),                        "萬元",           "big5"),
    ("tie-gb18030",     "标题".encode("gb18030"),                     "标题",           "gb18030"),
    ("utf16-bom",       "案件".encode("utf-16"),                      "案件",           "utf-16"),
    ("utf16-be-bom",    codecs.BOM_UTF16_BE + "案件".encode("utf-16-be"), "案件",        "utf-16"),
    ("utf32-bom",       "案件\r\n".encode("utf-32"),                  "案件\n",         "utf-32"),
    ("utf16-le",        TEXT.encode("utf-16-le"),                    TEXT,            "utf-16-le"),
    ("utf16-be",        TEXT.encode("utf-16-be"),                    TEXT,            "utf-16-be"),
    ("utf16-le-yi",     "一一年一月一日".encode("utf-16-le"),           "一一年一月一日",   "utf-16-le"),
    ("utf32-le",        TEXT.encode("utf-32-le"),                    TEXT,            "utf-32-le"),
    ("utf32-be",        TEXT.encode("utf-32-be"),                    TEXT,            "utf-32-be"),
]

BINARY_CASES = [
    # (id, bytes, words the reason must contain)
    ("nul",             b"abc\x00def",                               "NUL"),
    ("png",             b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",          "NUL"),
    ("undecodable",     b"\x80\xff\xfd\x80\x81" * 10,               "UTF-8, GB18030, Big5 or UTF-16/32"),
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


def _corpus_encoded() -> list[object]:
    from conftest import CORPUS

    params: list[object] = []
    for p in sorted(CORPUS.rglob("*.txt")):
        name = p.relative_to(CORPUS).as_posix()
        encoding = "big5" if p.parent.name == "traditional" else "gb18030"
        try:
            p.read_text(encoding="utf-8").encode(encoding)
        except UnicodeEncodeError:  # tr18's source line 来源: is simplified: no Big5 file holds it
            params.append(
                pytest.param(name, encoding, marks=pytest.mark.skip(f"{encoding} cannot hold it"))
            )
            continue
        params.append((name, encoding))
    return params


@pytest.mark.parametrize(("name", "encoding"), _corpus_encoded())
def test_corpus_re_encoded_is_told_apart(name: str, encoding: str) -> None:
    """Issue 16: every traditional/ article saved as Big5 and every other as GB18030 reads
    back as itself, with that encoding (Big5 was read as GB18030 garbage before)."""
    from conftest import CORPUS

    text = (CORPUS / name).read_text(encoding="utf-8")
    assert decode(text.encode(encoding)) == (text, encoding)


def test_max_bytes_is_enforced_on_a_device() -> None:
    """Issue 16: ``/dev/zero`` has size 0 and was read until MemoryError."""
    with pytest.raises(ReadError, match=r"more than 1,000 bytes; the limit is 1,000"):
        read_source("/dev/zero", max_bytes=1000)


def test_max_bytes_is_enforced_on_a_fifo(tmp_path) -> None:
    import os
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with open(fifo, "wb") as stream:
                stream.write(b"a" * 5000)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    with pytest.raises(ReadError, match="file too large"):
        read_source(fifo, max_bytes=1000)
    writer.join(5)


def test_max_bytes_allows_exactly_the_limit(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"a" * 1000)
    assert read_source(path, max_bytes=1000).text == "a" * 1000
    with pytest.raises(ReadError, match=r"\(1,001 bytes; the limit is 1,000\)"):
        path.write_bytes(b"a" * 1001)
        read_source(path, max_bytes=1000)


def test_control_class_is_category_cc_but_the_allowed() -> None:
    """The binary check counts by one character class: exactly Unicode's Cc (the category
    the check is defined by) less tab, line feed, form feed and vertical tab."""
    import unicodedata

    from extractor.reading import _ALLOWED_CONTROLS, _CONTROLS

    cc = {chr(i) for i in range(0x110000) if unicodedata.category(chr(i)) == "Cc"}
    matched = {chr(i) for i in range(0x110000) if _CONTROLS.fullmatch(chr(i))}
    assert matched == cc - _ALLOWED_CONTROLS
