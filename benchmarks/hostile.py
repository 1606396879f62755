"""Every hostile input of issue 12, through the real `fzlint` command.

Usage (from the repository root):  python3 benchmarks/hostile.py [--only NAME] [--keep DIR]

Builds each case the fuzzing campaign of issue 12 found (a line that is only
a Markdown heading marker, a form feed, 50,000 digits, a .docx with junk
numbering attributes or a DTD after a long comment, a million central
directory entries, a web page with 40,000 nested <div>, a named pipe, a link
loop …) in a temporary folder, beside a good draft, and runs the installed
commands on it the way a user would: `fzlint`, `fzlint --diff`, `fzlint
--fix` (on a copy), `fzlint outline` and `fzlint report`. For each run it
checks the promise: exit code 0, 1 or 2; no traceback; every finding on one
line; the good draft still checked; no internal error; under 5 s and 500 MB
(wall time and peak resident memory of the process, from wait4). It prints
one line a run and a summary, and exits with 1 if any promise failed.

The cases are built here, not committed (some are hundreds of megabytes
unpacked); building them takes a minute.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "formats"))

TIME_LIMIT = 5.0  # seconds a run
MEMORY_LIMIT = 500 * 1024  # KB of peak resident memory a run
FINDING = re.compile(r"^.+:\d+:\d+: (?:error|warning|info) [A-Z]{2}\d{3} ")

TITLE = "某区人民政府关于2023年度法治政府建设情况的报告"
GOOD = (ROOT / "examples" / "draft.txt").read_text(encoding="utf-8")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def text_cases() -> dict[str, bytes]:
    cases = {
        "atx-only.md": f"{TITLE}\n# \n##\t\n######\n一、主要举措和成效\n内容。\n",
        "atx-only.txt": f"{TITLE}\n# \n一、主要举措和成效\n内容。\n",
        "whitespace-lines.txt": f"{TITLE}\n\x0c\n\u2003\n\u2028\n\x85\n区委、区政府：\n\x0c一、主要举措和成效\n内容。\n",
        "cn-999.txt": f"{TITLE}\n九九九、甲\n九九九、乙\n",
        "999-parts.txt": TITLE + "\n" + "".join(f"{_cn(n)}、第{n}部分\n内容。\n" for n in range(1, 1000)),
        "digits.txt": f"{TITLE}\n一、主要举措和成效\n" + "1" * 50_000 + "。\n",
        "qizhong.txt": f"{TITLE}\n一、主要举措和成效\n共办理案件99999件，" + "其中12件，" * 40_000 + "。\n",
        "leading-spaces.txt": f"{TITLE}\n" + " " * 200_000 + "一、主要举措和成效\n内容。\n",
        "spaces-then-text.txt": f"{TITLE}\n" + " " * 200_000 + "x\n",
        "mixed-endings.txt": GOOD.replace("\n", "\r\n", 3),
        "md-comments.md": f"{TITLE}\n一、主要举措和成效\n工作推进,<!-- 备注 -->完成;\n二<!-- TODO -->、存在的不足\n内容。\n",
        "marker-digit.txt": f"{TITLE}\n一、主要举措和成效\n1、2023年工作完成情况。\n2、2024年工作安排。\n",
        "doubled-after-mark.txt": f"{TITLE}\n一、主要举措和成效\n工作完成。，，继续推进。\n",
    }
    return {name: text.encode("utf-8") for name, text in cases.items()}


def _cn(n: int) -> str:
    from fzlint.parse import cn_numeral

    return cn_numeral(n)


def docx_cases() -> dict[str, bytes]:
    from docxbuild import numbered

    with tempfile.TemporaryDirectory() as tmp:
        numbered(GOOD, Path(tmp) / "n.docx")
        base = (Path(tmp) / "n.docx").read_bytes()
    parts = _parts(base)
    document, numbering = parts["word/document.xml"].decode(), parts["word/numbering.xml"].decode()

    def edit(name: str, part: str, old: str, new: str, count: int = 1) -> tuple[str, bytes]:
        text = {"word/document.xml": document, "word/numbering.xml": numbering}[part]
        assert old in text, (name, old)
        return name, _zip({**parts, part: text.replace(old, new, count).encode("utf-8")})

    cases = dict([
        edit("ilvl-x.docx", "word/document.xml", 'w:ilvl w:val="0"', 'w:ilvl w:val="x"'),
        edit("ilvl-decimal.docx", "word/document.xml", 'w:ilvl w:val="0"', 'w:ilvl w:val="1.5"'),
        edit("ilvl-empty.docx", "word/document.xml", 'w:ilvl w:val="0"', 'w:ilvl w:val=""'),
        edit("outline-superscript.docx", "word/document.xml", "<w:numPr>", '<w:outlineLvl w:val="²"/><w:numPr>'),
        edit("start-superscript.docx", "word/numbering.xml", '<w:start w:val="1"/>', '<w:start w:val="²"/>'),
        edit("start-5000-digits.docx", "word/numbering.xml", '<w:start w:val="1"/>', f'<w:start w:val="{"9" * 5000}"/>'),
        edit("start-override-superscript.docx", "word/numbering.xml", "<w:abstractNumId ",
             '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="²"/></w:lvlOverride><w:abstractNumId '),
        edit("start-huge-letter.docx", "word/numbering.xml", '<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>',
             '<w:start w:val="1040000000"/><w:numFmt w:val="lowerLetter"/>'),
    ])
    cases["no-body.docx"] = _zip({**parts, "word/document.xml": f'<w:document xmlns:w="{W}"/>'.encode()})
    dtd = '<!DOCTYPE w:document [<!ENTITY x "y">]>'
    # The XML declaration as the builder writes it (quotes of either kind); each case must hold its DTD.
    declaration = re.match(r"<\?xml[^>]*\?>", document).group()
    after_comment = document.replace(declaration, declaration + "<!--" + " " * 5000 + "-->" + dtd, 1)
    cases["dtd-after-comment.docx"] = _zip({**parts, "word/document.xml": after_comment.encode()})
    utf16 = document.replace(declaration, '<?xml version="1.0" encoding="UTF-16"?>' + dtd, 1)
    cases["dtd-utf16.docx"] = _zip({**parts, "word/document.xml": b"\xff\xfe" + utf16.encode("utf-16-le")})
    # The main part under another name: [Content_Types].xml and the relationship say where it is.
    renamed = {k: v for k, v in parts.items() if k != "word/document.xml"}
    renamed["word/main.bin"] = document.replace(declaration, declaration + dtd, 1).encode()
    renamed["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b'PartName="/word/document.xml"', b'PartName="/word/main.bin"')
    renamed["_rels/.rels"] = parts["_rels/.rels"].replace(b'Target="word/document.xml"', b'Target="word/main.bin"')
    cases["dtd-renamed-part.docx"] = _zip(renamed)
    assert all(dtd in text for text in (after_comment, utf16, renamed["word/main.bin"].decode())), "no DTD inserted"
    # 190 MB of paragraphs that compress as real ones do (the numbers keep them apart).
    lines = [ln for ln in GOOD.splitlines() if ln.strip()]
    paragraphs = "".join(f"<w:p><w:r><w:t>{n}{lines[n % len(lines)]}</w:t></w:r></w:p>" for n in range(700_000))
    cases["huge-document-xml.docx"] = _zip({**parts, "word/document.xml": document.replace(
        "</w:body>", paragraphs + "</w:body>", 1).encode()})
    cases["million-entries.docx"] = _many_entries(1_000_000)
    return cases


def html_cases() -> dict[str, bytes]:
    page = f"<html><head><meta charset=\"{{}}\"><title>{TITLE}</title></head><body><p>{TITLE}</p><p>一、主要举措</p></body></html>"
    cases = {f"charset-{c}.html": page.format(c).encode() for c in ("rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri")}
    cases["nested-divs.html"] = ("<html><body>" + "<div>" * 40_000 + "</span>" * 40_000 + "x" + "</div>" * 40_000
                                 + "</body></html>").encode()
    cases["stray-end-tags.html"] = ("<html><body><p>一、主要举措</p>" + "</b>" * 1_000_000 + "</body></html>").encode()
    cases["unclosed-p.html"] = ("<html><body>" + "<p>工作" * 1_000_000 + "</body></html>").encode()
    return cases


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _many_entries(count: int) -> bytes:
    """A ZIP archive of one stored file whose central directory lists it count
    times (about 47 bytes an entry): small on disk, a million ZipInfo objects
    for whoever reads the directory whole."""
    import struct
    import zlib

    name, data = b"a", b""
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, zlib.crc32(data), 0, 0, len(name), 0) + name
    record = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, zlib.crc32(data), 0, 0, len(name),
                         0, 0, 0, 0, 0, 0) + name
    directory = record * count
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, min(count, 0xFFFF), min(count, 0xFFFF), len(directory),
                      len(local), 0)
    if count > 0xFFFF:  # ZIP64: the real counts in the ZIP64 end record, found through its locator
        end64 = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, len(directory), len(local))
        locator = struct.pack("<IIQI", 0x07064B50, 0, len(local) + len(directory), 1)
        end = end64 + locator + end
    return local + directory + end


def file_cases(folder: Path) -> list[tuple[str, list[str], int | None]]:
    """(name, the paths to name on the command line, MB of standard input) of the cases that are files of a kind."""
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    long = folder / ("长" * 100 + ".txt")  # 300 bytes
    tree = folder / "tree"
    (tree / "closed").mkdir(parents=True)
    (tree / "closed" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tree / "open.txt").write_text(GOOD, encoding="utf-8")
    os.chmod(tree / "closed", 0)  # root passes through regardless
    return [
        ("fifo", [str(folder / "pipe.txt")], None),
        ("dev-zero", ["/dev/zero"], None),
        ("stdin-60MB", ["-"], 60),
        ("link-loop", [str(folder / "loop1.txt")], None),
        ("long-name", [str(long)], None),
        ("unreadable-subfolder", [str(tree)], None),
    ]


def run(command: list[str], stdin: int | None, cwd: Path) -> tuple[int, str, float, int]:
    """(exit code, output, seconds, peak KB) of one command, killed after 60 s."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                env={**os.environ, "NO_COLOR": "1", "FZLINT_LANG": "zh"})
        timer = threading.Timer(60, proc.kill)
        timer.start()
        if stdin is not None:  # fed from a thread: fzlint stops reading at its limit
            threading.Thread(target=_feed, args=(proc.stdin, stdin), daemon=True).start()
        _, status, usage = os.wait4(proc.pid, 0)  # the process's own peak memory, not its siblings'
        seconds = time.perf_counter() - start
        killed = not timer.is_alive()
        timer.cancel()
        out.seek(0)
        text = out.read().decode("utf-8", "replace") + ("\n(killed after 60 s)" if killed else "")
    return os.waitstatus_to_exitcode(status), text, seconds, usage.ru_maxrss


def _feed(pipe, megabytes: int) -> None:
    try:
        for _ in range(megabytes):
            pipe.write(b"a" * (1024 * 1024))
        pipe.close()
    except (BrokenPipeError, OSError):
        pass


# Cases that must be refused with FZ901 (exit 2), not read.
REFUSED = ("dtd-", "million-entries", "huge-document-xml", "fifo", "dev-zero", "stdin-", "link-loop", "long-name",
           "unreadable-subfolder")


def judge(name: str, kind: str, code: int, out: str, seconds: float, peak: int, good: str) -> list[str]:
    problems = []
    if name.startswith(REFUSED) and kind == "check" and (code != 2 or " FZ901 " not in out):
        problems.append("not refused")
    if code not in (0, 1, 2):
        problems.append(f"exit {code}")
    if "Traceback" in out:
        problems.append("traceback")
    if "内部错误" in out or "internal error" in out:
        problems.append("internal error")
    if seconds > TIME_LIMIT:
        problems.append(f"{seconds:.1f} s")
    if peak > MEMORY_LIMIT:
        problems.append(f"{peak // 1024} MB")
    if kind == "check":
        lines = out.splitlines()
        broken = [ln for ln in lines if re.search(r"(error|warning|info) FZ\d{3}", ln) and not FINDING.match(ln)]
        if broken:
            problems.append(f"a finding over several lines: {broken[0][:80]}")
        if good and good not in out:
            problems.append("the good draft was not checked")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--keep", help="build the cases in this folder and keep them")
    parser.add_argument("--fzlint", default=shutil.which("fzlint") or f"{sys.executable} -m fzlint",
                        help="the command to run (default: fzlint on PATH, else python -m fzlint)")
    parser.add_argument("--build", help=argparse.SUPPRESS)  # build the file cases into this folder and stop
    args = parser.parse_args()
    if args.build:
        for name, data in {**text_cases(), **docx_cases(), **html_cases()}.items():
            if not args.only or args.only in name:
                (Path(args.build) / name).write_bytes(data)
        return 0
    fzlint = args.fzlint.split()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="fzlint-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)  # the unreadable-folder case runs as another user when this runs as root
    good = folder / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    print(f"building the cases in {folder} …", flush=True)
    # Built by another process: a child's peak memory counts its parent's at the
    # fork, and building holds hundreds of megabytes.
    subprocess.run([sys.executable, __file__, "--build", str(folder)] + (["--only", args.only] if args.only else []),
                   check=True)
    cases: list[tuple[str, list[str], int | None]] = [
        (path.name, [str(path)], None) for path in sorted(folder.iterdir()) if path.name != "good.txt"]
    cases += [c for c in file_cases(folder) if not args.only or args.only in c[0]]
    failures = slowest = 0
    slowest_run = ""
    peak_all = 0
    for name, paths, stdin in cases:
        fixable = all(p.endswith((".txt", ".md")) and os.path.isfile(p) for p in paths)
        copies = [shutil.copy(p, folder / f"fix-{Path(p).name}") for p in paths] if fixable else paths
        runs = [("check", fzlint + ["--format", "concise", *paths, str(good)]),
                ("diff", fzlint + ["--diff", *paths]),
                ("outline", fzlint + ["outline", paths[0]]),
                ("report", fzlint + ["report", *paths, str(good), "--html", str(folder / "review.html")])]
        if fixable:
            runs.append(("fix", fzlint + ["--fix", *map(str, copies), str(good)]))
        for kind, command in runs:
            if stdin is not None and kind in ("diff", "outline", "report"):
                continue
            if name == "unreadable-subfolder" and os.geteuid() == 0:
                if kind != "check" or not shutil.which("setpriv"):
                    continue
                command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
            code, out, seconds, peak = run(command, stdin, folder)
            problems = judge(name, kind, code, out, seconds, peak, str(good) if kind in ("check", "fix") else "")
            peak_all = max(peak_all, peak)
            if seconds > slowest:
                slowest, slowest_run = seconds, f"{name} ({kind})"
            failures += bool(problems)
            first = next((ln for ln in out.splitlines() if "FZ901" in ln or "fzlint:" in ln),
                         next((ln for ln in out.splitlines() if name in ln), ""))
            first = first.split(" FZ901 ", 1)[-1]
            print(f"{'FAIL' if problems else 'ok  '} {name:32} {kind:8} exit {code}  {seconds:5.2f} s  "
                  f"{peak // 1024:4d} MB  {'; '.join(problems) or first[:100]}", flush=True)
    print(f"\n{len(cases)} cases, {failures} failed runs; slowest {slowest:.2f} s ({slowest_run}); "
          f"peak memory {peak_all // 1024} MB")
    if not args.keep:
        os.chmod(folder / "tree" / "closed", 0o755) if (folder / "tree" / "closed").exists() else None
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
