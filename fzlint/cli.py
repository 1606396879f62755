"""Command line: ``fzlint [OPTIONS] PATH...``, ``fzlint outline``, ``rules``, ``explain``, ``report``, ``annotate``.

Exit codes: 0 no error-severity finding, 1 at least one, 2 a usage error or a
file that could not be read (the other files are still checked), 130 a run
interrupted (Ctrl-C); a run ended by SIGTERM or SIGHUP while LibreOffice
converts exits 128 + the signal's number (formats/libreoffice.py).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys

import click

from dataclasses import replace

from . import __version__, batch, config, formats, read, report, ruleset
from .pipeline import FileResult, Linter, Options

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command Ctrl-C stopped
PROGRESS_FROM = 20  # files: fewer finish before a progress bar would help
LANG_ENV = "FZLINT_LANG"


class DefaultGroup(click.Group):
    """A group whose first argument, when it is not a subcommand, is a path to check."""

    default_command = "check"

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        """An interrupted run (Ctrl-C) exits 130 with one line, not click's
        "Aborted!" and exit 1, which is the code of findings."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\nfzlint: 已中断 / interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _lang(value: str | None) -> str:
    value = (value or os.environ.get(LANG_ENV) or "zh").lower()
    return "en" if value.startswith("en") else "zh"


def _color(no_color: bool) -> bool:
    if no_color or "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


class UsageError(click.ClickException):
    exit_code = EXIT_ERROR


def _load_rules() -> ruleset.RuleSet:
    try:
        return ruleset.default()
    except ruleset.RuleSetError as exc:
        raise UsageError(str(exc)) from None


def _fail(message: str) -> None:
    click.echo(f"fzlint: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _cannot_write(path: str, what: tuple[str, str], exc: OSError, lang: str) -> None:
    """Fail on a file fzlint was asked to write (the report, the baseline, the review page)."""
    reason = exc.strerror or exc
    _fail(f"{path}: 无法写入{what[0]}：{reason}" if lang == "zh" else f"{path}: cannot write {what[1]}: {reason}")


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fzlint")
def main():
    """fzlint：法治政府建设年度报告草稿检查工具。

    \b
    fzlint draft.docx             检查草稿（.txt .md .docx .html .doc .wps .odt .rtf .pdf；
                                  目录递归检查；- 表示标准输入）
    fzlint report 目录 --html review.html   为一批报告生成一页审阅表
    fzlint annotate draft.docx -o 批注   把问题写成 Word 批注，退回起草单位
    fzlint outline draft.txt      显示 fzlint 识别出的标题层次和各部分
    fzlint rules                  列出全部规则
    fzlint explain FZ101          查看规则说明
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(list(report.FORMATS)), default=None,
              help="输出格式（默认 text；设置了 GITHUB_ACTIONS 时为 github） / output format.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="把报告写入文件而不是标准输出 / write the report to FILE.")
@click.option("--statistics", is_flag=True, help="只输出每条规则的问题数 / counts per rule.")
@click.option("--select", multiple=True, metavar="CODES", help="只检查这些规则（代码、前缀如 FZ2，或名称；逗号分隔）。")
@click.option("--ignore", multiple=True, metavar="CODES", help="不检查这些规则（代码、前缀或名称；逗号分隔）。")
@click.option("--year", type=click.IntRange(1990, 2100), help="报告年度（默认从标题和正文推断）。")
@click.option("--lang", type=click.Choice(["zh", "en"]), help=f"消息语言（默认 zh，或环境变量 {LANG_ENV}）。")
@click.option("--no-color", is_flag=True, help="不使用颜色（也可设置 NO_COLOR）。")
@click.option("-q", "--quiet", is_flag=True, help="只输出问题，不输出汇总。")
@click.option("-v", "--verbose", is_flag=True, help="同时输出每个文件所用的编码。")
@click.option("--exit-zero", is_flag=True, help="即使发现错误也以 0 退出（读取失败仍为 2）。")
@click.option("--fix", "do_fix", is_flag=True,
              help="自动修复可安全修复的问题，原子写回，保留编码、BOM 和换行符 / apply safe fixes in place.")
@click.option("--diff", "show_diff", is_flag=True,
              help="以统一差异格式显示 --fix 将做的改动，不修改文件 / print what --fix would change.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="使用此配置文件（不再逐级查找 .fzlint.yaml / pyproject.toml） / use this configuration.")
@click.option("--no-config", is_flag=True, help="不读取任何配置文件 / ignore every configuration file.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="并行进程数（默认为 CPU 核数） / worker processes (default: the number of cores).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None,
              help="不报告基线文件中已记录的问题 / report only findings not in this baseline.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), default=None,
              help="把当前全部问题记入基线文件 / record every current finding in a baseline file.")
@click.option("--exclude", multiple=True, metavar="GLOBS",
              help="不检查这些文件（相对于当前目录的通配符，逗号分隔；README 等仓库文档总不检查） / leave out files matching these globs.")
def check(paths, fmt, output, statistics, select, ignore, year, lang, no_color, quiet, verbose, exit_zero, do_fix,
          show_diff, config_path, no_config, jobs, baseline_path, write_baseline, exclude):
    """检查草稿 / lint drafts (the default command)."""
    lang = _lang(lang)
    select, ignore = _split(select), _split(ignore)
    if do_fix and show_diff:
        _fail("--fix 与 --diff 不能同时使用（--diff 只显示改动，不修改文件）")
    if do_fix and "-" in paths:
        _fail("--fix 不能用于标准输入（-）；可用 --diff 查看改动")
    written = [w for w in (output, write_baseline) if w]
    settings, files, errors, rule_sets = _settings(select, ignore, year, lang, config_path, no_config, exclude, paths,
                                                   written)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in report.FORMATS else "text"
    color = _color(no_color) and output is None and fmt in ("text", "concise")
    out = report.Output(report.Style(color), lang, quiet, verbose, fixing=do_fix, statistics=statistics,
                        rules=sorted({r.code: r for rs in rule_sets for r in rs.rules}.values(), key=lambda r: r.code))
    # Where each file is linted, its result is made slim (report.prepare): the
    # workers render its part of a text format, and take the texts its
    # findings point at for a baseline or gitlab's fingerprints.
    part = (fmt, replace(out, rules=[])) if fmt in report.FILE_PARTS else None
    if statistics and fmt != "github":  # github's report ignores --statistics
        part = None
    needs = report.Needs(part, pointed=bool(fmt == "gitlab" or baseline_path or write_baseline),
                         findings=not (part and not statistics and not baseline_path and not write_baseline))
    if write_baseline or baseline_path:
        from . import baseline  # only runs that use a baseline pay for it
    recorder = None
    if write_baseline:
        try:
            recorder = baseline.Recorder(write_baseline)
        except OSError as exc:
            _cannot_write(write_baseline, ("基线文件", "the baseline"), exc, lang)
    drop = None
    if baseline_path and write_baseline and os.path.realpath(baseline_path) == os.path.realpath(write_baseline):
        drop = baseline.drop_all  # the baseline this run writes holds all its findings
    elif baseline_path:
        try:
            drop = baseline.Filter(baseline_path).apply
        except baseline.BaselineError as exc:
            _fail(str(exc))
    results = (report.prepare(settings.linter(e.path).read_error(e), needs) for e in errors)
    diffs: list[str] = []
    if do_fix or show_diff:
        linted = (report.prepare(_fix_one(settings.linter(p), p, write=do_fix, diffs=diffs, lang=lang), needs)
                  for p in files)
    else:
        progress = sys.stderr.isatty() and len(files) >= PROGRESS_FROM and not quiet
        linted = batch.lint_all(settings, files, jobs or batch.default_jobs(), progress, needs)
    if show_diff:
        _diff(itertools.chain(results, linted), recorder, diffs, lang)
    totals = report.Totals(statistics)
    with _report_file(output, color, lang) as write:
        writer = report.format_module(fmt).Writer(out, write)
        try:
            for result in itertools.chain(results, linted):
                if recorder:
                    recorder.add(result)  # every finding, before the baseline drops any
                if drop:
                    drop(result)
                totals.add(result)
                writer.file(result)
        except config.ConfigError as exc:  # a configuration met on the way (a file in another directory)
            _fail(str(exc))
        if recorder:
            _write_baseline(recorder, lang)
        writer.end(totals)
    if totals.unreadable:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if totals.with_errors and not exit_zero else EXIT_OK)


def _diff(results, recorder, diffs: list[str], lang: str) -> None:
    """--diff: what --fix would change, then the files that could not be read."""
    unreadable = []
    try:
        for r in results:
            if recorder:
                recorder.add(r)
            if r.error:
                unreadable.append(r.error)
    except config.ConfigError as exc:
        _fail(str(exc))
    if recorder:
        _write_baseline(recorder, lang)
    click.echo("".join(diffs), nl=False)
    for error in unreadable:
        click.echo(f"fzlint: {error.path}: {error.reason(lang)}", err=True)
    sys.exit(EXIT_ERROR if unreadable else (EXIT_FINDINGS if any(diffs) else EXIT_OK))


def _write_baseline(recorder, lang: str) -> None:
    try:
        count = recorder.write()
    except OSError as exc:
        _cannot_write(recorder.path, ("基线文件", "the baseline"), exc, lang)
    click.echo(f"fzlint: 已把 {count} 个问题记入基线 {recorder.path}" if lang == "zh"
               else f"fzlint: {count} findings recorded in the baseline {recorder.path}", err=True)


@contextlib.contextmanager
def _report_file(output: str | None, color: bool, lang: str):
    """write(text) for the report, as its parts come: standard output, or the file output."""
    if output is None:
        yield lambda text: click.echo(text, nl=False, color=color)
        return
    try:
        fh = open(output, "w", encoding="utf-8")
    except OSError as exc:
        _cannot_write(output, ("报告", "the report"), exc, lang)

    def write(text: str) -> None:
        try:
            fh.write(text)
        except OSError as exc:
            with contextlib.suppress(OSError):
                fh.close()  # failing too, but closed: said once
            _cannot_write(output, ("报告", "the report"), exc, lang)

    try:
        yield write
    finally:
        if not fh.closed:
            try:
                fh.close()  # writes what is still buffered
            except OSError as exc:
                _cannot_write(output, ("报告", "the report"), exc, lang)



def _settings(select, ignore, year, lang, config_path, no_config, exclude, paths, written=()):
    """The run's settings, its drafts and the paths it cannot read, and the
    rule sets the drafts' configurations make; a usage error (exit 2) for a
    bad configuration or a rule --select or --ignore names that none has.
    written: what the run writes (see _drafts)."""
    try:
        settings = config.Settings(select, ignore, year, lang, config_path, no_config, _split(exclude))
        files, errors = _drafts(settings, paths, lang, written)
        rule_sets = settings.rule_sets(files)
    except (config.ConfigError, ruleset.RuleSetError) as exc:
        _fail(str(exc))
    unknown = [k for k in select + ignore if all(k in rs.unknown_selectors([k]) for rs in rule_sets)]
    if unknown:
        _fail(f"未知的规则：{', '.join(unknown)}（用 fzlint rules 查看全部规则）")
    return settings, files, errors, rule_sets

def _drafts(settings: config.Settings, paths, lang: str, written=()) -> tuple[list[str], list[read.ReadError]]:
    """The drafts the paths name (read.expand), less the excluded ones and
    the files the run itself writes (written), which an earlier run may have
    left among the drafts (a review page in the batch's folder, a report of a
    format fzlint reads); says so when every file was excluded, so that an
    empty run is not a mystery. A file both named to check and written is
    refused (exit 2): writing it would overwrite the draft."""
    files, errors = read.expand(list(paths))
    if written:
        own = {os.path.realpath(w) for w in written}
        for path in paths:
            if path != "-" and os.path.isfile(path) and os.path.realpath(path) in own:
                _fail(f"{path}：既是要检查的文件，又是本次运行要写入的文件；请换一个输出位置" if lang == "zh" else
                      f"{path}: both a file to check and a file this run writes; choose another output")
        files = [f for f in files if os.path.realpath(f) not in own]
    kept = [f for f in files if not settings.excluded(f)]
    errors = [e for e in errors if not settings.excluded(e.path)]
    if files and not kept and not errors:
        click.echo("fzlint: 没有要检查的文件：所给文件均被排除（README 等仓库文档，或 exclude）" if lang == "zh" else
                   "fzlint: nothing to check: every file given is excluded (a repository document such as README, "
                   "or exclude)", err=True)
    return kept, errors


def _fix_one(linter: Linter, path: str, write: bool, diffs: list[str], lang: str):
    """Fix one file in rounds (fzlint/fix.py); write it back only when asked and
    changed, or add its diff. The result holds what remains. Like lint_one, an
    unexpected failure becomes the file's FZ901 and the run goes on."""
    try:
        return _fix(linter, path, write, diffs, lang)
    except Exception as exc:  # noqa: BLE001 - the run must go on with the other files
        return linter.internal_error(path, exc)


def _fix(linter: Linter, path: str, write: bool, diffs: list[str], lang: str):
    from . import fix  # imported here, as the other commands' modules are: a plain check never needs them

    try:
        source = read.read(path)
    except read.ReadError as error:
        return linter.read_error(error)
    if not source.writable:  # a .docx or web page is never rewritten: report, leave it as it is
        note = ("只修复 .txt 和 .md 文件；Word 文档和网页不做改动，请按提示在原文件中修改"
                if lang == "zh" else "only .txt and .md files are fixed; Word documents and web pages are left as they are")
        click.echo(f"fzlint: {source.path}: {note}", err=True)
        return linter.lint_source(source)
    outcome = fix.fix_source(lambda s: linter.lint_source(s).findings, source)
    if write and outcome.changed:
        try:
            fix.write(path, fix.encode(source, outcome.text))
        except (OSError, UnicodeEncodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            return linter.read_error(read.ReadError(path, f"无法写回修复：{reason}", f"cannot write the fixes: {reason}"))
    elif not write:
        diffs.append(fix.diff(outcome))
    return FileResult(source.path, source.encoding, outcome.findings, fixed=outcome.fixed,
                      source=replace(source, text=outcome.text))


@main.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--year", type=click.IntRange(1990, 2100), help="报告年度（默认从标题和正文推断）。")
@click.option("--lang", type=click.Choice(["zh", "en"]))
@click.option("--no-color", is_flag=True)
def outline(path, fmt, year, lang, no_color):
    """显示识别出的结构 / print the parsed outline."""
    import json

    from .report import outline as outlines

    lang = _lang(lang)
    rules = _load_rules()
    linter = Linter(rules, Options(rules=[], year=year, lang=lang))
    try:
        doc = linter.document(read.read(path))
    except read.ReadError as exc:
        _fail(f"{exc.path}: {exc.reason(lang)}")
    except Exception as exc:  # noqa: BLE001 - one line, as check gives it, never a traceback
        _fail(f"{path}: {linter.internal_error(path, exc).error.reason(lang)}")
    params = outlines.area_params(rules)
    if fmt == "json":
        click.echo(json.dumps(outlines.outline_json(doc, params, linter.context.figures), ensure_ascii=False, indent=2))
    else:
        color = _color(no_color)
        click.echo(outlines.outline_text(doc, report.Style(color), rules.vocabulary, lang, params,
                                         linter.context.figures), nl=False, color=color)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]))
def rules_command(fmt, lang):
    """列出全部规则 / list every rule."""
    from .report import docs

    rules = _load_rules().rules
    click.echo(docs.rules_json(rules) if fmt == "json" else docs.rules_table(rules, _lang(lang)), nl=False)


@main.command()
@click.argument("rule")
@click.option("--lang", type=click.Choice(["zh", "en"]))
def explain(rule, lang):
    """查看规则说明 / explain a rule (code or name)."""
    from .report import docs

    found = _load_rules().find(rule)
    if found is None:
        _fail(f"没有规则 {rule}（用 fzlint rules 查看全部规则）")
    click.echo(docs.explain(found, _lang(lang)), nl=False)



def _configuration_options(command):
    """--config, --no-config and --exclude, as report and annotate take them."""
    for option in reversed((
        click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), default=None,
                     help="使用此配置文件（不再逐级查找 .fzlint.yaml / pyproject.toml） / use this configuration."),
        click.option("--no-config", is_flag=True,
                     help="不读取任何配置文件，用全部内置规则 / ignore every configuration file."),
        click.option("--exclude", multiple=True, metavar="GLOBS",
                     help="不检查这些文件（相对于当前目录的通配符，逗号分隔） / leave out files matching these globs."),
    )):
        command = option(command)
    return command

@main.command("report")
@click.argument("paths", nargs=-1, required=True)
@click.option("--html", "html_path", type=click.Path(dir_okay=False), default=None,
              help="把审阅页面写入此 HTML 文件 / write the review page to this HTML file.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), default=None,
              help="把总表写入此 CSV 文件，问题写入同名加 -findings 的文件 / write the overview to this CSV file "
                   "and the findings to FILE-findings.csv.")
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False), default=None,
              help="把总表和问题写入此 Excel 文件的两个工作表 / write the overview and the findings to this .xlsx.")
@click.option("--year", type=click.IntRange(1990, 2100), help="报告年度（默认从标题和正文推断）。")
@click.option("--lang", type=click.Choice(["zh", "en"]), help=f"页面语言（默认 zh，或环境变量 {LANG_ENV}）。")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="并行进程数（默认为 CPU 核数） / worker processes (default: the number of cores).")
@_configuration_options
def report_command(paths, html_path, csv_path, xlsx_path, year, lang, jobs, config_path, no_config, exclude):
    """生成批量审阅页面和导出表格 / write a review page (HTML) and tables (CSV, .xlsx) for many reports.

    \b
    检查 PATHS 中的每份草稿（目录递归；规则按各文件适用的配置，与 fzlint check 相同），写出：
    --html  独立的 HTML 页面：总表每份报告一行（机关、层级、年度、成文日期与是否按期、字数、必备部分、
            各级别问题数、数据密度、关键数据），可按级别、规则、部分状态筛选，各报告的问题折叠在其行下；
    --csv   总表（FILE）和问题（FILE 加 -findings）两个 CSV；
    --xlsx  一个 Excel 文件，两个工作表（概览、问题）。
    至少给出其中一个。页面即成果，无论发现什么问题都以 0 退出；无法写入时为 2。
    """
    from . import fix
    from .report import export, review
    from .report.rows import RowMaker

    if not (html_path or csv_path or xlsx_path):
        raise click.UsageError("give --html FILE, --csv FILE or --xlsx FILE (or several) / 请给出 --html、--csv 或 --xlsx")
    lang = _lang(lang)
    rules = _load_rules()  # the page's part columns and density: the regulation's parts, as shipped
    maker = RowMaker(lang)
    try:
        # Each file's rules as its configuration makes them (profile, select and
        # ignore, severities, per-file ignores, the organ's own rules), as for check.
        settings = config.Settings(year=year, lang=lang, config=config_path, isolated=no_config,
                                   exclude=_split(exclude))
        written = [p for p in (html_path, csv_path, csv_path and export.findings_path(csv_path), xlsx_path) if p]
        files, errors = _drafts(settings, paths, lang, written)
        rows = [maker(settings, e.path, settings.linter(e.path).read_error(e)) for e in errors]
        # Each file reduced to its Row where it is linted: its Document goes before the next file is read.
        rows += batch.lint_all(settings, files, jobs or batch.default_jobs(), reduce=maker)
    except (config.ConfigError, ruleset.RuleSetError) as exc:
        _fail(str(exc))
    outputs = []
    if html_path:
        try:
            with fix.writing(html_path) as fh:
                for piece in review.page_rows(rows, lang, rules):
                    fh.write(piece.encode("utf-8"))
        except OSError as exc:
            _cannot_write(html_path, ("审阅页面", "the review page"), exc, lang)
        outputs.append(html_path)
    if csv_path or xlsx_path:
        tables = export.Tables(rows, lang, rules)
        if csv_path:
            try:
                outputs += export.write_csv(csv_path, tables)
            except OSError as exc:
                _cannot_write(getattr(exc, "target", csv_path),
                              ("CSV 文件", "the CSV file"), exc, lang)
        if xlsx_path:
            try:
                export.write_xlsx(xlsx_path, tables)
            except OSError as exc:
                _cannot_write(xlsx_path, ("Excel 文件", "the .xlsx file"), exc, lang)
            outputs.append(xlsx_path)
    t = review.batch_tally(rows)
    written = "、".join(outputs) if lang == "zh" else ", ".join(outputs)
    if lang == "zh":
        what = f"已生成审阅页面 {written}" if outputs == [html_path] else f"已写出 {written}"
        click.echo(f"{what}：{t['files']} 份报告，{t['with_errors']} 份有错误，{t['unreadable']} 份无法读取；"
                   f"共 {t['errors']} 个错误，{t['warnings']} 个警告，{t['infos']} 条提示。")
    else:
        what = f"Review page written to {written}" if outputs == [html_path] else f"Written: {written}"
        click.echo(f"{what}: {t['files']} reports, {t['with_errors']} with errors, "
                   f"{t['unreadable']} unreadable; {t['errors']} errors, {t['warnings']} warnings, {t['infos']} infos.")


@main.command("annotate")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output-dir", "outdir", type=click.Path(file_okay=False), required=True,
              help="把带批注的 .docx 写入此目录（不存在则创建） / write the annotated .docx files to this folder.")
@click.option("--author", default="fzlint", show_default=True, help="批注的作者 / the comments' author.")
@click.option("--initials", default="FZ", show_default=True, help="批注作者的缩写 / the author's initials.")
@click.option("--summary/--no-summary", default=True, show_default=True,
              help="在标题上加一条汇总批注 / one comment on the title with the counts.")
@click.option("--select", multiple=True, metavar="CODES", help="只检查这些规则（代码、前缀如 FZ2，或名称；逗号分隔）。")
@click.option("--ignore", multiple=True, metavar="CODES", help="不检查这些规则（代码、前缀或名称；逗号分隔）。")
@click.option("--year", type=click.IntRange(1990, 2100), help="报告年度（默认从标题和正文推断）。")
@click.option("--lang", type=click.Choice(["zh", "en"]), help=f"批注语言（默认 zh，或环境变量 {LANG_ENV}）。")
@_configuration_options
@click.option("-q", "--quiet", is_flag=True, help="不列出写出的文件 / do not list the files written.")
@click.option("--force", is_flag=True,
              help="替换输出目录中已有的同名文件 / replace files of the same name already in OUTDIR.")
def annotate_command(paths, outdir, author, initials, summary, select, ignore, year, lang, config_path, no_config,
                     exclude, quiet, force):
    """把问题写成 Word 批注 / write each draft as a .docx with the findings as comments.

    \b
    每份草稿写出 OUTDIR/<文件名>.docx：每个问题是一条批注（“规则代码 消息”），锚定在问题所指的文字上；
    .docx 原文的文字、样式、编号、表格、修订和页眉页脚保持不变；其他格式（.txt .md .html 等）按行生成新的 .docx，
    标题居中，各级标题用“标题 1–4”样式。默认在标题上加一条汇总批注。
    不会覆盖任何输入文件；OUTDIR 中已有同名文件时不替换它，报告该文件（退出码 2，其他文件照常写出），
    加 --force 才替换。退出码与 fzlint check 相同（0 无错误，1 有错误，2 无法读取、未写出或用法错误）。
    """
    from .report import annotate as annotator

    lang = _lang(lang)
    select, ignore = _split(select), _split(ignore)
    if "-" in paths:
        _fail("annotate 不能用于标准输入（-）：请给出文件" if lang == "zh" else "annotate cannot read standard input (-)")
    settings, files, errors, rule_sets = _settings(select, ignore, year, lang, config_path, no_config, exclude, paths)
    names = annotator.output_names(files, outdir)
    clash = annotator.overwrites(names)
    if clash:
        _fail(f"{outdir}: 输出会覆盖输入文件 {clash[0]}，请换一个输出目录" if lang == "zh"
              else f"{outdir}: the output would overwrite the input {clash[0]}; choose another folder")
    try:
        os.makedirs(outdir, exist_ok=True)
    except OSError as exc:
        _cannot_write(outdir, ("输出目录", "the output folder"), exc, lang)
    options = annotator.Options(author, initials, summary, lang)
    results = [settings.linter(e.path).read_error(e) for e in errors]
    kept = {path: not force and os.path.lexists(names[path]) for path in files}  # a file of OUTDIR's own
    with formats.ahead([p for p in files if not kept[p]], batch.default_jobs()):  # LibreOffice's, many a run
        for path in files:
            if kept[path]:
                name = names[path]
                error = read.ReadError(path, f"{name} 已存在，未替换：加 --force 替换它，或用 -o 换一个输出目录",
                                       f"{name} exists and was not replaced: use --force to replace it, or "
                                       "another folder with -o")
                results.append(settings.linter(path).read_error(error))
                continue
            results.append(_annotate_one(settings, path, names[path], options, annotator, quiet, lang))
    for r in results:
        if r.error:
            click.echo(f"fzlint: {r.error.path}: {r.error.reason(lang)}", err=True)
    if any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(report.has_errors(r) for r in results) else EXIT_OK)


def _annotate_one(settings, path: str, name: str, options, annotator, quiet: bool, lang: str) -> FileResult:
    """Annotate one draft and write it as name; its result (an FZ901 when it cannot be read or written)."""
    from . import fix

    try:
        done = annotator.annotate(settings.linter(path), path, options)
    except config.ConfigError as exc:
        _fail(str(exc))
    if done.data is not None:
        try:
            fix.write(name, done.data)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            error = read.ReadError(path, f"无法写入 {name}：{reason}", f"cannot write {name}: {reason}")
            return settings.linter(path).read_error(error)
        if not quiet:
            click.echo(f"{name}：{done.comments} 条批注" if lang == "zh" else f"{name}: {done.comments} comments")
    return done.result
