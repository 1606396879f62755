"""Stage 1, read: paths to decoded Sources.

Finds the drafts (files, directories searched recursively, ``-`` for standard
input) and reads each by its format, chosen by extension and by content (a
.txt that is really a .docx or a saved web page is read as one):
  * .txt and .md: decoded (UTF-8 with or without BOM, UTF-16 with BOM,
    GB18030/GBK), line breaks normalised;
  * .docx: formats/docx.py; .html/.htm: formats/html.py.
Anything that cannot be read raises ReadError with a one-line reason in
Chinese and English; the CLI turns it into FZ901. Every operating-system error
on a path becomes one through os_error(), and every input is held to the
limits of limits.py (bytes as read, characters once its format is read), so
that no file (a named pipe, /dev/zero, standard input without end) can make a
run hang or grow without bound.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from pathlib import Path

from .formats import FormatError
from .limits import MAX_FILE_BYTES, MAX_TEXT_CHARS, mib
from .model import Source

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ZIP_MAGIC = b"PK\x03\x04"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # in the order normalising them reads them

# File signatures of formats a draft is sometimes confused with.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image"),
    (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image"),
    (b"GIF8", "GIF 图片", "a GIF image"),
    (b"%PDF-", "PDF 文件", "a PDF file"),
    (b"\xd0\xcf\x11\xe0", "旧版 Word/Excel 文件（.doc/.xls）或加密文档，请在 Word 中另存为 .docx",
     "an old Word/Excel file (.doc/.xls) or an encrypted document; save it as .docx in Word"),
    (b"Rar!", "RAR 压缩包", "a RAR archive"),
    (b"\x7fELF", "可执行文件", "an executable"),
)


class ReadError(Exception):
    """A file that cannot be read as a draft; str() is a one-line reason."""

    def __init__(self, path: str, zh: str, en: str):
        super().__init__(zh)
        self.path = path
        self.zh = zh
        self.en = en

    def __reduce__(self):  # travels back from a worker process (--jobs) whole
        return ReadError, (self.path, self.zh, self.en)

    def reason(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


def expand(paths: list[str]) -> tuple[list[str], list[ReadError]]:
    """The drafts named by paths, in order; directories are searched recursively.

    Returns the file paths and an error for each path that names nothing usable
    (missing, unreachable, or a directory holding no draft) and for each folder
    or draft found inside a directory that cannot be read. Hidden files and
    folders, Word's lock files (~$…) and symbolic links to folders are passed
    over; whether a file can be read as a draft (a regular file, within the
    limits) is read()'s to say.
    """
    files: list[str] = []
    errors: list[ReadError] = []
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(raw).st_mode)
        except OSError as exc:
            errors.append(os_error(raw, exc))
            continue
        if not is_dir:
            files.append(raw)
            continue
        found, problems = _search(raw)
        if not found and not problems:
            errors.append(ReadError(raw, "目录中没有可检查的草稿（*.txt、*.md、*.docx、*.html）",
                                    "the directory holds no drafts (*.txt, *.md, *.docx, *.html)"))
        files.extend(found)
        errors.extend(problems)
    return files, errors


def _search(top: str) -> tuple[list[str], list[ReadError]]:
    """The drafts below the directory top, sorted, and what could not be read on the way."""
    found: list[str] = []
    problems: list[ReadError] = []

    def unreadable(exc: OSError) -> None:
        problems.append(os_error(exc.filename or top, exc, directory=True))

    # os.walk does not follow links to folders, so a link loop cannot trap it.
    for folder, dirs, names in os.walk(top, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if (name.startswith((".", "~$"))  # hidden; Word's lock file beside an open document
                    or os.path.splitext(name)[1].lower() not in DRAFT_SUFFIXES):
                continue
            path = str(Path(folder, name))
            try:
                os.stat(path)  # follows a link: a loop or a dangling link is said, not passed over
            except OSError as exc:
                problems.append(os_error(path, exc))
                continue
            found.append(path)
    found.sort()
    problems.sort(key=lambda e: e.path)
    return found, problems


# Why a path cannot be read, by errno; anything else gives the system's own words.
_OS_REASONS = {
    errno.ENOENT: ("文件不存在", "no such file"),
    errno.EACCES: ("没有读取权限", "permission denied"),
    errno.EPERM: ("没有读取权限", "permission denied"),
    errno.EISDIR: ("这是一个目录，不是文件", "is a directory, not a file"),
    errno.ELOOP: ("符号链接循环（链接最终指回自身）", "a loop of symbolic links; cannot be read"),
    errno.ENAMETOOLONG: ("文件名或路径过长，系统无法打开", "the file name or path is too long to open"),
    errno.ENOTDIR: ("路径中有一段不是目录", "a part of the path is not a directory"),
}


def os_error(path: str, exc: OSError, directory: bool = False) -> ReadError:
    """Any operating-system error on a path as the one-line ReadError that
    becomes its FZ901 (every stage that opens or lists a path comes here)."""
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return ReadError(path, "符号链接指向的文件不存在", "a dangling symbolic link (its target does not exist)")
    if directory and exc.errno in (errno.EACCES, errno.EPERM):
        return ReadError(path, "没有权限读取此目录，其中的草稿未检查", "permission denied: the drafts in this folder were not checked")
    zh, en = _OS_REASONS.get(exc.errno, (None, None))
    if zh is None:
        reason = exc.strerror or type(exc).__name__
        zh, en = f"无法读取：{reason}", f"cannot read: {reason}"
    return ReadError(path, zh, en)


_NOT_REGULAR = (
    (stat.S_ISFIFO, "命名管道（FIFO）", "a named pipe (FIFO)"),
    (stat.S_ISCHR, "字符设备", "a character device"),
    (stat.S_ISBLK, "块设备", "a block device"),
    (stat.S_ISSOCK, "套接字", "a socket"),
)


def read(path: str) -> Source:
    """Read and decode one draft; raises ReadError.

    A file is opened without waiting (a named pipe with no writer does not
    block), must be a regular file, and is read only up to the byte limit;
    standard input is read up to the same limit."""
    if path == "-":
        try:
            data = _bounded(sys.stdin.buffer, "<stdin>")
        except OSError as exc:
            raise os_error("<stdin>", exc) from None
        return from_bytes("<stdin>", data)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise os_error(path, exc) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(path, "这是一个目录，不是文件", "is a directory, not a file")
        for test, zh, en in _NOT_REGULAR:
            if test(info.st_mode):
                raise ReadError(path, f"不是普通文件，而是{zh}", f"not a regular file but {en}")
        _too_large(path, info.st_size)
        with os.fdopen(fd, "rb") as fh:  # the file object closes the descriptor from here on
            fd = -1
            data = _bounded(fh, path)
    except OSError as exc:
        raise os_error(path, exc) from None
    finally:
        if fd >= 0:
            os.close(fd)
    return from_bytes(path, data)


def _bounded(stream, path: str) -> bytes:
    """All of stream, if it holds no more than the byte limit (read no further)."""
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(path, f"文件过大（超过上限 {mib(MAX_FILE_BYTES)} MB）",
                        f"file too large (over the {mib(MAX_FILE_BYTES)} MB limit)")
    return data


def _too_large(path: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise ReadError(path, f"文件过大（{mib(size)} MB，上限 {mib(MAX_FILE_BYTES)} MB）",
                        f"file too large ({mib(size)} MB, limit {mib(MAX_FILE_BYTES)} MB)")


def from_bytes(path: str, data: bytes) -> Source:
    """A draft's Source from its bytes, by extension and content; raises ReadError,
    also for a text longer than limits.MAX_TEXT_CHARS, whatever its format."""
    source = _by_format(path, data)
    if len(source.text) > MAX_TEXT_CHARS:
        raise ReadError(path, f"正文过长（{len(source.text):,} 字符，上限 {MAX_TEXT_CHARS:,}），不像是一份报告",
                        f"text too long ({len(source.text):,} characters, limit {MAX_TEXT_CHARS:,}); not a report")
    return source


def _by_format(path: str, data: bytes) -> Source:
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".docx" and not data.startswith(ZIP_MAGIC):
        _refuse_other_formats(path, data)  # an encrypted .docx is an OLE file, like an old .doc
    try:
        if data.startswith(ZIP_MAGIC) or suffix == ".docx":
            from .formats import docx  # the formats are imported when a file needs them

            return docx.read(path, data)
        if suffix in HTML_SUFFIXES or (data[:1] in b"< \t\r\n\xef" and _looks_like_html(data)):
            from .formats import html

            return html.read(path, data)
    except FormatError as exc:
        raise ReadError(path, exc.zh, exc.en) from None
    text, encoding = decode(path, data)
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    endings = tuple(_LINE_BREAK.findall(text)) if "\r" in text else ()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(path=path, text=text, encoding=encoding, newline=newline,
                  line_endings=endings if len(set(endings)) > 1 else (),
                  format="markdown" if suffix in MARKDOWN_SUFFIXES else "text")


def decode(path: str, data: bytes) -> tuple[str, str]:
    """Decode bytes of a draft; returns (text, codec name)."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(path, data[3:], "utf-8"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):  # byte order kept, so that --fix writes it back
        return _strict(path, data[2:], "utf-16-le"), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(path, data[2:], "utf-16-be"), "utf-16-be"
    _refuse_other_formats(path, data)
    if b"\x00" in data:
        raise ReadError(path, "不是文本文件（含有 NUL 字节）", "not a text file (contains NUL bytes)")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise ReadError(path, "无法解码：既不是 UTF-8 也不是 GB18030/GBK 编码",
                            "cannot decode: neither UTF-8 nor GB18030/GBK") from None
    _reject_binary(path, text)
    return text, encoding


def _looks_like_html(data: bytes) -> bool:
    from .formats import html

    return html.looks_like_html(data)


def _refuse_other_formats(path: str, data: bytes) -> None:
    for magic, zh, en in _MAGIC:
        if data.startswith(magic):
            raise ReadError(path, f"不是文本文件，而是{zh}", f"not a text file but {en}")


def _strict(path: str, data: bytes, codec: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise ReadError(path, f"无法按 {codec.upper()} 解码（文件开头有该编码的 BOM）",
                        f"cannot decode as {codec.upper()} (the file starts with its BOM)") from None
    _reject_binary(path, text)
    return text


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


def _reject_binary(path: str, text: str) -> None:
    sample = text[:4096]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise ReadError(path, "不是文本文件（含有大量控制字符）", "not a text file (too many control characters)")
