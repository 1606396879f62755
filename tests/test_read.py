"""Stage 1: finding drafts and decoding them."""

from __future__ import annotations

import codecs

import pytest

from fzlint import read

TEXT = "某某区人民政府关于2022年度法治政府建设情况的报告\n一、主要举措和成效\n"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
])
def test_decodes_the_encodings_drafts_come_in(tmp_path, data, encoding):
    path = tmp_path / "d.txt"
    path.write_bytes(data)
    source = read.read(str(path))
    assert (source.text, source.encoding) == (TEXT, encoding)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_breaks_are_normalised_and_remembered(tmp_path, newline):
    path = tmp_path / "d.txt"
    path.write_bytes(TEXT.replace("\n", newline).encode())
    source = read.read(str(path))
    assert source.text == TEXT and source.newline == newline


@pytest.mark.parametrize("data,endings", [
    (b"a\r\nb\nc\r\n", ("\r\n", "\n", "\r\n")),
    (b"a\rb\r\r\nc", ("\r", "\r", "\r\n")),
    (b"a\r\nb\r\n", ()),  # one kind: newline says it
    (b"a\nb", ()),
])
def test_mixed_line_endings_are_remembered_one_by_one(data, endings):
    source = read.from_bytes("d.txt", data)
    assert source.line_endings == endings
    assert source.text == data.decode().replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("data,reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00", "ZIP"),
    (b"%PDF-1.7\n", "PDF"),
    (b"abc\x00def", "NUL"),
    (bytes(range(1, 32)) * 20, "控制字符"),
    (b"\xff\xfe" + b"\x00\xd8", "UTF-16"),  # a UTF-16 BOM, then an unpaired surrogate
    (b"\x80\x80\xff\xff", "GB18030"),
])
def test_non_text_is_refused_with_a_reason(tmp_path, data, reason):
    path = tmp_path / "d.txt"
    path.write_bytes(data)
    with pytest.raises(read.ReadError) as info:
        read.read(str(path))
    assert reason in info.value.zh and info.value.path == str(path)
    assert "\n" not in info.value.zh and info.value.en


def test_missing_file_and_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    files, errors = read.expand([str(tmp_path / "nope.txt"), str(tmp_path / "empty")])
    assert files == []
    assert [(e.path, e.zh) for e in errors] == [
        (str(tmp_path / "nope.txt"), "文件不存在"),
        (str(tmp_path / "empty"), "目录中没有可检查的草稿（*.txt、*.md、*.docx、*.html）"),
    ]


def test_directories_are_searched_recursively_in_order(tmp_path):
    for name in ("b/2.md", "a/1.txt", "a/3.docx", "a/~$3.docx", "a/skip.pdf", ".git/x.txt", "c.TXT", "d.htm"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    files, errors = read.expand([str(tmp_path)])
    assert [f[len(str(tmp_path)) + 1:] for f in files] == ["a/1.txt", "a/3.docx", "b/2.md", "c.TXT", "d.htm"]
    assert errors == []


def test_stdin(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("gb18030"))))
    source = read.read("-")
    assert (source.path, source.text, source.encoding) == ("<stdin>", TEXT, "gb18030")
