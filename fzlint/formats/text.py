"""Plain text (.txt) and Markdown (.md, .markdown): the file's own text.

Decoded as UTF-8 with or without BOM, UTF-16 with BOM (byte order kept, so
that --fix writes it back), else GB18030/GBK; line breaks normalised to \\n,
the file's own kept for writing back. The reader of last resort: a file no
other format claims is read here, and one that is no text at all (an image,
an archive, a program) is refused by its signature or its control characters.
"""

from __future__ import annotations

import codecs
import os

from ..model import Source
from . import FormatError
from .. import recache

MARKDOWN_SUFFIXES = (".md", ".markdown")
_LINE_BREAK = recache.compile(r"\r\n|\r|\n")  # in the order normalising them reads them

# File signatures of formats a draft is sometimes confused with.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image"),
    (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image"),
    (b"GIF8", "GIF 图片", "a GIF image"),
    (b"Rar!", "RAR 压缩包", "a RAR archive"),
    (b"\x7fELF", "可执行文件", "an executable"),
)


def read(path: str, data: bytes) -> Source:
    text, encoding = decode(data)
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    endings = tuple(_LINE_BREAK.findall(text)) if "\r" in text else ()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    suffix = os.path.splitext(path)[1].lower()
    return Source(path=path, text=text, encoding=encoding, newline=newline,
                  line_endings=endings if len(set(endings)) > 1 else (),
                  format="markdown" if suffix in MARKDOWN_SUFFIXES else "text")


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes of a draft; returns (text, codec name)."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):  # byte order kept, so that --fix writes it back
        return _strict(data[2:], "utf-16-le"), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be"), "utf-16-be"
    for magic, zh, en in _MAGIC:
        if data.startswith(magic):
            raise FormatError(f"不是文本文件，而是{zh}", f"not a text file but {en}")
    if b"\x00" in data:
        raise FormatError("不是文本文件（含有 NUL 字节）", "not a text file (contains NUL bytes)")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise FormatError("无法解码：既不是 UTF-8 也不是 GB18030/GBK 编码",
                              "cannot decode: neither UTF-8 nor GB18030/GBK") from None
    _reject_binary(text)
    return text, encoding


def _strict(data: bytes, codec: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise FormatError(f"无法按 {codec.upper()} 解码（文件开头有该编码的 BOM）",
                          f"cannot decode as {codec.upper()} (the file starts with its BOM)") from None
    _reject_binary(text)
    return text


_CONTROL = recache.compile("[\x00-\x08\x0e-\x1f]")


def _reject_binary(text: str) -> None:
    sample = text[:4096]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise FormatError("不是文本文件（含有大量控制字符）", "not a text file (too many control characters)")
