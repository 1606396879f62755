"""Stage 1, read: paths to decoded Sources.

Finds the drafts (files, directories searched recursively, ``-`` for standard
input) and reads each by its format, which the table of formats/ chooses by
content and by extension (a .txt that is really a .docx or a saved web page
is read as one): .txt and .md by formats/text.py, .docx by formats/docx.py,
.html/.htm by formats/html.py, .doc/.wps/.odt/.rtf by formats/office.py. In
a folder, every file with an extension one of them claims is a draft: it is
checked or said to be unreadable, never passed over.
Anything that cannot be read raises ReadError with a one-line reason in
Chinese and English; the CLI turns it into FZ901. Every operating-system error
on a path becomes one through os_error(), and every input is held to the
limits of limits.py (bytes as read, characters once its format is read), so
that no file (a named pipe, /dev/zero, standard input without end) can make a
run hang or grow without bound.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from . import formats
from .formats import FormatError
from .limits import MAX_FILE_BYTES, MAX_TEXT_CHARS, mib
from .model import Source


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
            names = [f"*{s}" for s in formats.SUFFIXES]
            errors.append(ReadError(raw, f"目录中没有可检查的草稿（{'、'.join(names)}）",
                                    f"the directory holds no drafts ({', '.join(names)})"))
        files.extend(found)
        errors.extend(problems)
    return files, errors


def _search(top: str) -> tuple[list[str], list[ReadError]]:
    """The drafts below the directory top, sorted, and what could not be read on the way."""
    found: list[str] = []
    problems: list[ReadError] = []
    suffixes = formats.SUFFIXES

    def unreadable(exc: OSError) -> None:
        problems.append(os_error(exc.filename or top, exc, directory=True))

    # os.walk does not follow links to folders, so a link loop cannot trap it.
    for folder, dirs, names in os.walk(top, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if (name.startswith((".", "~$"))  # hidden; Word's lock file beside an open document
                    or os.path.splitext(name)[1].lower() not in suffixes):
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
    return from_bytes(path, load(path))


def load(path: str) -> bytes:
    """The bytes of the file at path, read as read() reads them (a regular
    file, without waiting, within the byte limit); raises ReadError."""
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
    return data


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
    try:
        return formats.read(path, data)
    except FormatError as exc:
        raise ReadError(path, exc.zh, exc.en) from None
