"""Stage 1: finding drafts and decoding them."""

from __future__ import annotations

import codecs
import errno
import io
import os

import pytest

from fzlint import read
from fzlint.limits import MAX_FILE_BYTES

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
        (str(tmp_path / "empty"), "目录中没有可检查的草稿（*.doc、*.dot、*.wps、*.wpt、*.odt、*.rtf、*.docx、*.pdf、*.html、*.htm、"
                                  "*.txt、*.md、*.markdown）"),
    ]


def test_directories_are_searched_recursively_in_order(tmp_path):
    for name in ("b/2.md", "a/1.txt", "a/3.docx", "a/~$3.docx", "a/4.pdf", "a/skip.xlsx", ".git/x.txt", "c.TXT",
                 "d.htm"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    files, errors = read.expand([str(tmp_path)])
    assert [f[len(str(tmp_path)) + 1:] for f in files] == ["a/1.txt", "a/3.docx", "a/4.pdf", "b/2.md", "c.TXT",
                                                           "d.htm"]
    assert errors == []


def test_stdin(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("gb18030"))))
    source = read.read("-")
    assert (source.path, source.text, source.encoding) == ("<stdin>", TEXT, "gb18030")


# --- files and streams that are not drafts: one FZ901 each, never a hang or a traceback

def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(read.ReadError) as info:
        read.read(str(fifo))  # opened without blocking: no writer ever comes
    assert (info.value.zh, info.value.en) == ("不是普通文件，而是命名管道（FIFO）", "not a regular file but a named pipe (FIFO)")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_not_read_without_end():
    with pytest.raises(read.ReadError) as info:
        read.read("/dev/zero")
    assert info.value.zh == "不是普通文件，而是字符设备"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_standard_input_is_read_only_up_to_the_limit(monkeypatch):
    import sys

    with open("/dev/zero", "rb") as endless:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(endless))
        with pytest.raises(read.ReadError) as info:
            read.read("-")
    assert (info.value.path, info.value.zh) == ("<stdin>", f"文件过大（超过上限 {MAX_FILE_BYTES // 1048576} MB）")


def test_a_file_at_the_byte_limit_is_read_and_one_byte_more_is_not(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_FILE_BYTES", len(TEXT.encode()))
    path = tmp_path / "d.txt"
    path.write_bytes(TEXT.encode())
    assert read.read(str(path)).text == TEXT
    path.write_bytes(TEXT.encode() + b"\n")
    with pytest.raises(read.ReadError, match="文件过大"):
        read.read(str(path))


def test_link_loops_dangling_links_and_long_names_are_named(tmp_path):
    (tmp_path / "l1.txt").symlink_to(tmp_path / "l2.txt")
    (tmp_path / "l2.txt").symlink_to(tmp_path / "l1.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    long = str(tmp_path / ("长" * 300 + ".txt"))
    files, errors = read.expand([str(tmp_path / "l1.txt"), str(tmp_path / "gone.txt"), long])
    assert files == []
    assert [(e.path, e.zh) for e in errors] == [
        (str(tmp_path / "l1.txt"), "符号链接循环（链接最终指回自身）"),
        (str(tmp_path / "gone.txt"), "符号链接指向的文件不存在"),
        (long, "文件名或路径过长，系统无法打开"),
    ]


def test_a_directory_search_says_what_it_cannot_read(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "pipe.txt").touch()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "self").symlink_to(tmp_path)  # a link to a folder is not followed: no endless walk
    files, errors = read.expand([str(tmp_path)])
    assert files == [str(tmp_path / "a.txt"), str(tmp_path / "pipe.txt")]
    assert [(e.path, e.en) for e in errors] == [
        (str(tmp_path / "gone.txt"), "a dangling symbolic link (its target does not exist)"),
        (str(tmp_path / "loop.md"), "a loop of symbolic links; cannot be read"),
    ]


def test_a_folder_without_permission_is_said_not_skipped(tmp_path, monkeypatch):
    # Simulated, because the tests may run as root, whom permissions do not stop.
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "b.txt").write_text(TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("closed"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, errors = read.expand([str(tmp_path)])
    assert files == [str(tmp_path / "open" / "a.txt")]
    assert [(e.path, e.zh) for e in errors] == [(str(tmp_path / "closed"), "没有权限读取此目录，其中的草稿未检查")]


def test_a_file_without_permission(tmp_path, monkeypatch):
    path = tmp_path / "d.txt"
    path.write_text(TEXT, encoding="utf-8")
    real_open = os.open

    def denied(name, *args, **kwargs):
        if os.fspath(name) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(read.ReadError) as info:
        read.read(str(path))
    assert (info.value.zh, info.value.en) == ("没有读取权限", "permission denied")


def test_a_directory_named_as_a_file_to_read(tmp_path):
    with pytest.raises(read.ReadError) as info:
        read.read(str(tmp_path))
    assert info.value.zh == "这是一个目录，不是文件"


def test_any_other_os_error_gives_the_system_s_words():
    error = read.os_error("x.txt", OSError(errno.EIO, "Input/output error", "x.txt"))
    assert (error.zh, error.en) == ("无法读取：Input/output error", "cannot read: Input/output error")


def test_a_size_over_a_limit_never_reads_as_the_limit(tmp_path, monkeypatch):
    from fzlint.limits import MIB, mib

    assert [mib(n) for n in (0, 1, MIB, 50 * MIB, 50 * MIB + 1, 50 * MIB + MIB // 2)] == \
        ["0", "0.1", "1", "50", "50.1", "50.5"]
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 2 * MIB)
    path = tmp_path / "d.txt"
    path.write_bytes(b"x" * (2 * MIB + 1))
    with pytest.raises(read.ReadError) as info:
        read.read(str(path))
    assert info.value.zh == "文件过大（2.1 MB，上限 2 MB）"
