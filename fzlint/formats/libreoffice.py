"""LibreOffice, the one converter: every format fzlint reads by conversion
(office.py: .doc, .wps, .odt, .rtf) comes through convert().

LibreOffice is a real program, found as FZLINT_SOFFICE names it or as
soffice/libreoffice on PATH. Each conversion runs headless in a private
temporary folder that is always removed, holding the input, the output and a
throw-away user profile (-env:UserInstallation), so that parallel workers
(--jobs) never share a profile or a file; it runs in a process group of its
own, killed whole when it passes limits.CONVERSION_SECONDS.

A run that is stopped meanwhile cleans up too: while conversions are under
way (and while conversions made ahead wait for the run), SIGTERM, SIGHUP and
Ctrl-C kill every soffice process group this process started and end the run
by an exception (SystemExit(128 + signal), KeyboardInterrupt), so that the
usual clean-up removes the private folders; and on Linux soffice is started
to die with the process that started it (PR_SET_PDEATHSIG), for a parent
killed outright (SIGKILL, a --jobs worker).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from ..limits import CONVERSION_SECONDS
from . import FormatError

ENV = "FZLINT_SOFFICE"
INSTALL_ZH = "请安装 LibreOffice（Debian/Ubuntu：apt install libreoffice-writer-nogui；或设置环境变量 FZLINT_SOFFICE 指向 soffice），或在 Word/WPS 中另存为 .docx 后再检查"
INSTALL_EN = ("install LibreOffice (Debian/Ubuntu: apt install libreoffice-writer-nogui; or set FZLINT_SOFFICE to "
              "its soffice), or save the file as .docx in Word/WPS")


def find() -> str | None:
    """The soffice program to run, or None when there is none."""
    configured = os.environ.get(ENV)
    if configured:
        return shutil.which(configured)
    return shutil.which("soffice") or shutil.which("libreoffice")


def _missing() -> FormatError:
    configured = os.environ.get(ENV)
    if configured:
        return FormatError(f"读取此文件需要 LibreOffice，但 {ENV}={configured} 不是可执行的程序",
                           f"reading this file needs LibreOffice, but {ENV}={configured} is no program to run")
    return FormatError(f"读取此文件需要 LibreOffice，本机没有安装：{INSTALL_ZH}",
                       f"reading this file needs LibreOffice, which is not installed: {INSTALL_EN}")


def _run(program: str, sources: list[Path], infilter: str, target: str, folder: Path, seconds: float) -> str:
    """One soffice run converting sources into folder/out; returns what it
    said, or raises subprocess.TimeoutExpired after killing its group."""
    command = [program, f"-env:UserInstallation={Path(folder, 'profile').as_uri()}", "--headless", "--invisible",
               "--norestore", "--nologo", "--nodefault", "--nolockcheck", f"--infilter={infilter}",
               "--convert-to", target, "--outdir", str(folder / "out"), *map(str, sources)]
    if _stopping:  # a signal came while other runs were going (ahead's threads): start no more
        raise subprocess.TimeoutExpired(command, 0)
    process = None
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, cwd=folder, start_new_session=True,
                                   preexec_fn=_dies_with_parent())
        _live.add(process)
        output, _ = process.communicate(timeout=seconds)
    finally:
        if process is not None:
            _live.discard(process)
            _kill(process)  # on a timeout, a signal, and whatever it left running in its group
    return output.decode("utf-8", "replace")


# -- stopped runs -----------------------------------------------------------------------------------

_live: set[subprocess.Popen] = set()  # the soffice processes running now (set operations hold the GIL)
_stopping = False
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


def _stop(signum, frame) -> None:
    """The handler of _SIGNALS while converting: kill every soffice group
    now (ahead's threads are waiting on theirs), then end the run by an
    exception in the main thread, whose clean-up removes the folders."""
    global _stopping
    _stopping = True
    for process in list(_live):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    if signum == getattr(signal, "SIGINT", None):
        raise KeyboardInterrupt
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _stoppable():
    """_stop handles SIGTERM, SIGHUP and SIGINT for the block, where they have
    their default handling (one ignored, as nohup ignores SIGHUP, stays
    ignored), and only in the main thread, where Python runs handlers; the
    handlers before are restored after."""
    global _stopping
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {}
    for signum in _SIGNALS:
        current = signal.getsignal(signum)
        if current in (signal.SIG_DFL, signal.default_int_handler):
            before[signum] = current
            signal.signal(signum, _stop)
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
        if before:
            _stopping = False


def _dies_with_parent():
    """A preexec_fn that has the kernel kill the child when the thread that
    started it dies (Linux's PR_SET_PDEATHSIG, kept across exec), or None
    where there is no prctl. Everything is looked up here, before the fork."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError, ImportError):
        return None
    prctl.restype = ctypes.c_int
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    parent = os.getpid()
    set_pdeathsig, kill = 1, int(signal.SIGKILL)

    def preexec() -> None:
        prctl(set_pdeathsig, kill, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return preexec


def convert(data: bytes, suffix: str, infilter: str, target: str = "docx") -> bytes:
    """The bytes of data (a file of type suffix, e.g. ".doc") read by
    LibreOffice's import filter infilter and converted to target; raises
    FormatError when LibreOffice is missing, fails, or takes too long. The
    filter is named, not detected: LibreOffice reads what no filter of its
    own recognises as plain text, and a damaged .doc would come back as a
    page of junk characters instead of an error. A conversion made ahead
    for the run (ahead()) is taken instead of running LibreOffice again."""
    ready = _made_ahead(data, target)
    if ready is not None:
        return ready
    program = find()
    if program is None:
        raise _missing()
    with _stoppable(), tempfile.TemporaryDirectory(prefix="fzlint-soffice-") as tmp:
        source = Path(tmp, "draft" + suffix)
        source.write_bytes(data)
        try:
            said = _run(program, [source], infilter, target, Path(tmp), CONVERSION_SECONDS)
        except subprocess.TimeoutExpired:
            raise FormatError(f"LibreOffice 转换超时（超过 {CONVERSION_SECONDS} 秒），文件可能已损坏或受密码保护",
                              f"LibreOffice took over {CONVERSION_SECONDS} s to convert it; the file may be "
                              "damaged or protected by a password") from None
        result = Path(tmp, "out", f"draft.{target}")
        if not result.is_file() or result.stat().st_size == 0:
            said = " ".join(" ".join(line.split()) for line in said.splitlines()
                            if line.startswith("Error"))[:160]  # not its warnings (javaldx …)
            raise FormatError("LibreOffice 无法读取此文件（文件可能已损坏、加密，或是 Word 95 及更早版本、WPS 专有格式），"
                              "请在 Word/WPS 中另存为 .docx 后再检查" + (f"：{said}" if said else ""),
                              "LibreOffice cannot read it (the file may be damaged or encrypted, or be in the format "
                              "of Word 95 or earlier or WPS's own); save it as .docx in Word/WPS"
                              + (f": {said}" if said else ""))
        return result.read_bytes()


# -- conversions made ahead, many files a run -----------------------------------------------------
# Starting LibreOffice is most of a conversion's cost (3.3 s for one report,
# 3.5 s for four in one run on this machine), so a batch of submissions is
# converted before it is linted, BATCH files a run, one run a job at a time.
# The results wait in a private folder named to the workers by AHEAD_ENV,
# each under the SHA-256 of the bytes it was made from; convert() takes one
# from there when the bytes it is given match, and converts alone otherwise
# (a file the batch run could not convert is converted alone, which says why).

AHEAD_ENV = "FZLINT_CONVERTED_AHEAD"
BATCH = 20


def _made_ahead(data: bytes, target: str) -> bytes | None:
    folder = os.environ.get(AHEAD_ENV)
    if not folder:
        return None
    made = Path(folder, "out", f"{hashlib.sha256(data).hexdigest()}.{target}")
    try:
        return made.read_bytes() or None
    except OSError:
        return None


@contextlib.contextmanager
def ahead(items: list[tuple[bytes, str, str]], jobs: int, target: str = "docx"):
    """Convert items (data, suffix, import filter) ahead, for the rest of the
    block: each filter's files BATCH a run of soffice, up to jobs runs at a
    time. Without LibreOffice, or with nothing to convert, it does nothing:
    each file then says for itself what it needs."""
    program = find()
    if program is None or not items or os.environ.get(AHEAD_ENV):
        yield
        return
    from concurrent.futures import ThreadPoolExecutor  # the work is LibreOffice's, in its own processes

    # Stoppable for the whole block: the folder stays while the run uses what it holds.
    with _stoppable(), tempfile.TemporaryDirectory(prefix="fzlint-soffice-") as tmp:
        runs: list[tuple[str, list[Path]]] = []
        by_filter: dict[str, list[Path]] = {}
        for data, suffix, infilter in items:
            source = Path(tmp, "in", hashlib.sha256(data).hexdigest() + suffix)
            if source.exists():
                continue
            source.parent.mkdir(exist_ok=True)
            source.write_bytes(data)
            by_filter.setdefault(infilter, []).append(source)
        for infilter, sources in by_filter.items():
            runs += [(infilter, sources[k:k + BATCH]) for k in range(0, len(sources), BATCH)]

        def run(k: int) -> None:
            infilter, sources = runs[k]
            folder = Path(tmp, f"run{k}")
            folder.mkdir()
            try:
                _run(program, sources, infilter, target, folder, CONVERSION_SECONDS * 2)
            except subprocess.TimeoutExpired:
                pass  # what it did not convert is converted alone
            out = Path(tmp, "out")
            out.mkdir(exist_ok=True)
            for made in (folder / "out").glob(f"*.{target}"):
                os.replace(made, out / made.name)
            shutil.rmtree(folder, ignore_errors=True)

        with ThreadPoolExecutor(max(1, jobs)) as pool:
            list(pool.map(run, range(len(runs))))
        os.environ[AHEAD_ENV] = tmp
        try:
            yield
        finally:
            del os.environ[AHEAD_ENV]


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
