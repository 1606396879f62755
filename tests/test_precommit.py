"""fzlint as a pre-commit hook, run through the real pre-commit.

Each test makes a throw-away document repository and runs
`pre-commit try-repo ROOT fzlint --ref COMMIT --files ... --verbose` in it,
where ROOT is this repository. try-repo builds the hook's environment (a
virtualenv into which pip installs fzlint from ROOT) in a store of its own in a
temporary directory, whatever PRE_COMMIT_HOME says, so environments cannot be
shared between calls: there are as few calls as there are outcomes to check
(one that passes, one that fails), and pip's own cache makes the second build
quick. PRE_COMMIT_HOME points into the session's temporary directory so that
pre-commit leaves the user's cache alone.

Which commit: on a clean checkout (CI), ROOT itself at HEAD. With uncommitted
changes, `try-repo` would make a shadow copy holding only the tracked files,
which misses new modules not yet added; instead the session snapshots the
working tree once (tracked and untracked files, less what .gitignore ignores:
what the rest of the test suite imports) into a repository of its own, commits
it and tries that. --ref pins the commit, so every test of a session tries the
same code even if someone commits meanwhile.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 900  # seconds; the first call builds the hook's virtualenv from PyPI

# A report that fzlint finds nothing in: four parts in order, figures in every
# claim, causes for each shortcoming, a plan with targets, deadlines and
# responsible units, full-width punctuation, recipient, signature and date.
CLEAN = """\
某区司法局关于2023年度法治政府建设情况的报告
区委、区政府：
2023年，区司法局坚持以习近平法治思想为指导，全面落实《法治政府建设实施纲要（2021—2025年）》，现将2023年度法治政府建设情况报告如下。
一、2023年度推进法治政府建设的主要举措和成效
（一）健全依法决策机制。全年审核行政规范性文件23件，提出修改意见61条；对12项重大行政决策开展合法性审查，审查率100%。
（二）严格规范公正文明执法。组织执法人员专题培训4期，培训执法人员386人次；评查行政执法案卷120卷，发现并整改问题17个，案卷优秀率由2022年的82%提高到91%。
（三）化解矛盾纠纷。办理行政复议案件45件，依法纠错6件；全区人民调解组织调解纠纷1862件，调解成功1835件，调解成功率98.5%。
二、2023年度推进法治政府建设存在的不足和原因
（一）执法监督力量不足。区司法局仅有2名专职执法监督人员，难以覆盖全区18个执法部门。主要原因是2023年机构改革后编制未及时补充。
（二）普法形式较为单一。全年开展的36场普法活动中有29场以发放资料、设置展板为主，新媒体普法作品仅有4部。原因是缺少专业制作人员和专项经费。
三、党政主要负责人履行推进法治建设第一责任人职责情况
局党组书记、局长主持召开党组会专题研究法治建设工作6次，带头讲授法治课2次，对3件行政复议案件作出批示督办，督促整改问题11个。
四、2024年度推进法治政府建设的主要安排
（一）加强执法监督。由区司法局牵头，2024年6月底前完成全区执法人员轮训，全年评查案卷不少于150卷，新增专职执法监督人员2名。
（二）创新普法方式。由区司法局、区融媒体中心负责，2024年12月底前制作普法短视频20部以上，开展普法活动40场以上。
特此报告。
某区司法局
2024年1月30日
"""

# The same report without part four (the plan for 2024): lines 13-15 go.
_lines = CLEAN.splitlines(keepends=True)
assert _lines[12].startswith("四、") and _lines[15] == "特此报告。\n"
MISSING_PLAN = "".join(_lines[:12] + _lines[15:])
# Where fzlint reports the missing part (`fzlint --format concise`).
MISSING_AT = "12:1"


def _git(*args: str, cwd: Path, env: dict | None = None) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True,
    ).stdout


def _clean_env() -> dict:
    """The environment for git and pre-commit: no GIT_* variables (as set when
    the tests themselves run inside a git hook), no colour, the plain text
    format (GITHUB_ACTIONS would switch fzlint's format), no SKIP."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GIT_") and k not in ("FORCE_COLOR", "GITHUB_ACTIONS", "SKIP")}
    env["NO_COLOR"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _commit_all(repo: Path, env: dict) -> str:
    _git("init", "-q", cwd=repo, env=env)
    _git("config", "user.name", "fzlint tests", cwd=repo, env=env)
    _git("config", "user.email", "fzlint-tests@example.invalid", cwd=repo, env=env)
    _git("config", "commit.gpgsign", "false", cwd=repo, env=env)
    _git("add", "-A", cwd=repo, env=env)
    _git("commit", "-q", "--no-verify", "-m", "snapshot", cwd=repo, env=env)
    return _git("rev-parse", "HEAD", cwd=repo, env=env).strip()


def _snapshot(dest: Path, env: dict) -> str:
    """Copy ROOT's working tree (tracked and untracked files, not ignored ones)
    into a new repository at dest and commit it; return the commit."""
    listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT, env=env)
    for name in sorted(set(filter(None, listed.split("\0")))):
        source = ROOT / name
        if source.is_symlink() or source.is_file():  # deleted files and submodules are skipped
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target, follow_symlinks=False)
    return _commit_all(dest, env)


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[str, str, dict]:
    """(repository, commit, environment) for `pre-commit try-repo`."""
    env = _clean_env()
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout; pre-commit needs one")
    assert (ROOT / ".pre-commit-hooks.yaml").is_file()
    dirty = _git("--no-optional-locks", "status", "--porcelain", cwd=ROOT, env=env).strip()
    if not dirty:
        return str(ROOT), _git("rev-parse", "HEAD", cwd=ROOT, env=env).strip(), env
    snapshot = tmp_path_factory.mktemp("fzlint-working-tree")
    return str(snapshot), _snapshot(snapshot, env), env


@pytest.fixture
def documents(tmp_path, hook_repo) -> Path:
    """A throw-away document repository with the drafts committed."""
    repo = tmp_path / "documents"
    reports = repo / "reports"
    reports.mkdir(parents=True)
    (reports / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (reports / "missing.txt").write_text(MISSING_PLAN, encoding="utf-8")
    (reports / "OLD.MD").write_text(MISSING_PLAN, encoding="utf-8")
    (reports / "notes.csv").write_text(MISSING_PLAN, encoding="utf-8")
    _commit_all(repo, hook_repo[2])
    return repo


def try_repo(documents: Path, hook_repo, *files: str) -> tuple[int, str]:
    """Run the real pre-commit (the one installed beside pytest, which need not
    be on PATH) in the document repository; return its exit code and output."""
    repo, ref, env = hook_repo
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", repo, "fzlint", "--ref", ref,
           "--color", "never", "--verbose", "--files", *files]
    done = subprocess.run(cmd, cwd=documents, env=env, capture_output=True, timeout=TIMEOUT)
    return done.returncode, (done.stdout + done.stderr).decode("utf-8", "replace")


def test_clean_report_passes(documents, hook_repo):
    code, output = try_repo(documents, hook_repo, "reports/clean.txt")
    assert code == 0, output
    assert "Passed" in output, output
    assert "- hook id: fzlint" in output, output
    assert " FZ" not in output, output


def test_missing_section_fails_with_fz101(documents, hook_repo):
    # OLD.MD and notes.csv ride along in the same call (one environment less):
    # the manifest's `files` pattern ignores case and leaves other extensions out.
    code, output = try_repo(documents, hook_repo, "reports/missing.txt", "reports/OLD.MD", "reports/notes.csv")
    assert code == 1, output
    assert "Failed" in output, output
    lines = output.splitlines()
    assert any(line.startswith(f"reports/missing.txt:{MISSING_AT}: error FZ101 ") for line in lines), output
    assert any(line.startswith(f"reports/OLD.MD:{MISSING_AT}: error FZ101 ") for line in lines), output
    assert "notes.csv" not in output, output


# A document repository as drafting units keep one: its own README, a template
# the configuration excludes, and two drafts, one of them with a warning only.
REPOSITORY_README = """\
# 某区法治政府建设年度报告

本仓库存放各单位的年度报告草稿。提交前 fzlint 会自动检查，见 .pre-commit-config.yaml。

## 目录

- reports/：各单位草稿
- 模板/：填报模板
"""
TEMPLATE = "××关于××××年度法治政府建设情况的报告\n一、××××年度推进法治政府建设的主要举措和成效\n（此处填写）\n"
WARNED = CLEAN.replace("区融媒体中心负责", "区融媒体中心负责深化法制宣传教育")
WARNED_AT = f"{CLEAN.splitlines().index(next(ln for ln in CLEAN.splitlines() if '区融媒体中心负责' in ln)) + 1}"


def test_a_commit_of_drafts_beside_a_readme_and_an_excluded_template_passes_and_shows_warnings(tmp_path, hook_repo):
    # The real flow: .pre-commit-config.yaml naming fzlint's repository and
    # commit, `pre-commit install`, then a plain `git commit`, with no
    # --verbose of the user's: the hook's own `verbose: true` shows warnings.
    repo, ref, env = hook_repo
    docs = tmp_path / "documents"
    for name, text in (("README.md", REPOSITORY_README), ("模板/填报模板.md", TEMPLATE),
                       ("reports/clean.txt", CLEAN), ("reports/warned.txt", WARNED),
                       (".fzlint.yaml", "exclude: ['模板/**']\n"),
                       (".pre-commit-config.yaml", f"repos:\n  - repo: {repo}\n    rev: {ref}\n    hooks:\n      - id: fzlint\n")):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    _git("init", "-q", cwd=docs, env=env)
    _git("config", "user.name", "fzlint tests", cwd=docs, env=env)
    _git("config", "user.email", "fzlint-tests@example.invalid", cwd=docs, env=env)
    _git("config", "commit.gpgsign", "false", cwd=docs, env=env)
    install = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=docs, env=env,
                             capture_output=True, text=True, timeout=TIMEOUT)
    assert install.returncode == 0, install.stdout + install.stderr
    _git("add", "-A", cwd=docs, env=env)
    # The hook script finds pre-commit through the interpreter it was installed with.
    done = subprocess.run(["git", "commit", "-m", "草稿"], cwd=docs, env=env, capture_output=True, timeout=TIMEOUT)
    output = (done.stdout + done.stderr).decode("utf-8", "replace")
    assert done.returncode == 0, output
    assert "Passed" in output, output
    lines = output.splitlines()
    assert [ln for ln in lines if " FZ" in ln] == [ln for ln in lines if ln.startswith(f"reports/warned.txt:{WARNED_AT}:")]
    assert any(ln.startswith(f"reports/warned.txt:{WARNED_AT}:") and " warning FZ601 " in ln for ln in lines), output
    # Four staged files match the hook's pattern; README.md and the template are not checked.
    assert "检查了 2 个文件：0 个错误，1 个警告，0 条提示。" in lines, output
    assert _git("log", "--format=%s", cwd=docs, env=env).strip() == "草稿"
