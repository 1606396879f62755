"""Stage 0, configure: which rules run on a file, and how.

A configuration is `.fzlint.yaml` (or `.fzlint.yml`), or the table
[tool.fzlint] of a pyproject.toml, found from each file's directory upward (the
nearest wins; `--config PATH` names one for every file). Its keys:

  profile           government (default), township, department or demonstration: parameter
                    defaults by the kind of reporting organ (rules/profiles.yaml)
  select, ignore    rule codes, code prefixes or names
  severity          {code: error | warning | info}
  params            {code: {parameter: value}}, e.g. FZ403: {threshold: 0.3}
  per-file-ignores  {glob: [codes]}, globs relative to the configuration's directory
  extend            rule files of the user's own (paths relative to the configuration),
                    written with the generic kinds pattern, substitution and
                    required-heading, or any other kind
  exclude           globs (relative to the configuration's directory) of files
                    that are not reports and are never checked; added to the
                    repository documents (README, CHANGELOG, LICENSE …) that
                    never are

Every problem is a ConfigError naming the file, the key and what is allowed.
Settings turns the command line and the configurations into one Linter per
distinct configuration and file-ignore set, made once and reused.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path, PurePosixPath

from . import ruleset
from .model import Severity
from .pipeline import Linter, Options
from . import recache

CONFIG_NAMES = (".fzlint.yaml", ".fzlint.yml")
KEYS = ("profile", "select", "ignore", "severity", "params", "per-file-ignores", "extend", "exclude")
# A repository's own documents, by name in any letter case (README.md,
# readme.zh-CN.md, LICENSE, CHANGELOG.txt …): a folder of reports kept in git
# has them beside the drafts, and they are plainly not reports.
REPOSITORY_DOCUMENTS = recache.compile(r"(?i)(?:readme|changelog|changes|history|license|licence|copying|contributing"
                                  r"|code_of_conduct|security|authors|notice)(?:\..*)?")


class ConfigError(Exception):
    """A configuration that cannot be used; str() names the file and the key."""


@dataclass(frozen=True)
class Config:
    """One .fzlint.yaml as read (or none): profile, selection, severities and params."""

    path: Path | None  # None: no configuration found
    profile: str = "government"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    params: tuple[tuple[str, tuple], ...] = ()  # (code, ((key, value), ...)), hashable
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    extend: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


NO_CONFIG = Config(None)


class _List(tuple):
    """A parameter's list, frozen so that a Config can be hashed (rules_for is cached by it)."""


class _Mapping(tuple):
    """A parameter's mapping, frozen as its items."""


def _freeze(value):
    if isinstance(value, list):
        return _List(_freeze(v) for v in value)
    if isinstance(value, dict):
        return _Mapping((k, _freeze(v)) for k, v in value.items())
    return value


def _thaw(value):
    if isinstance(value, _List):
        return [_thaw(v) for v in value]
    if isinstance(value, _Mapping):
        return {k: _thaw(v) for k, v in value}
    return value


def discover(path: str) -> Path | None:
    """The configuration nearest to path (a file, or - for standard input: the
    working directory), looked for upward from the folder the path names: the
    path as written, made absolute, not resolved (a path that cannot be
    resolved, such as a link loop, still has a folder)."""
    start = Path.cwd() if path == "-" else Path(os.path.abspath(path)).parent
    return _nearest(start)


@lru_cache(maxsize=None)
def _nearest(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        if _is_file(directory / name):
            return directory / name
    pyproject = directory / "pyproject.toml"
    if _is_file(pyproject) and "[tool.fzlint" in pyproject.read_text(encoding="utf-8", errors="replace"):
        return pyproject
    return None if directory.parent == directory else _nearest(directory.parent)


def _is_file(path: Path) -> bool:
    """Whether path is a file; a folder that cannot be searched holds none."""
    try:
        return path.is_file()
    except OSError:
        return False


@lru_cache(maxsize=None)
def load(path: Path) -> Config:
    raw = _read(path)
    where = str(path)
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping of settings (allowed keys: {', '.join(KEYS)})")
    unknown = [k for k in raw if k not in KEYS]
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(KEYS)})")
    profiles = ruleset.default().vocabulary.profiles
    profile = raw.get("profile", "government")
    if profile not in profiles:
        raise ConfigError(f"{where}: profile: unknown profile {profile!r} (allowed: {', '.join(profiles)})")

    def codes(value, where_key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {where_key}: expected a list of rule codes, prefixes or names")
        return tuple(value)

    severity = []
    for code, level in _mapping(raw, "severity", where).items():
        try:
            severity.append((str(code), Severity.parse(level)))
        except (KeyError, AttributeError):
            raise ConfigError(f"{where}: severity.{code}: expected error, warning or info, got {level!r}") from None
    params = []
    for code, given in _mapping(raw, "params", where).items():
        if not isinstance(given, dict):
            raise ConfigError(f"{where}: params.{code}: expected a mapping of parameters")
        # Lists and mappings frozen (FZ410's areas: a list of mappings), thawed again by rules_for.
        params.append((str(code), tuple(sorted(((k, _freeze(v)) for k, v in given.items()), key=lambda kv: str(kv[0])))))
    ignores = []
    for glob, value in _mapping(raw, "per-file-ignores", where).items():
        ignores.append((str(glob), codes(value, f"per-file-ignores.{glob}")))
    extend = raw.get("extend", [])
    if isinstance(extend, str):
        extend = [extend]
    if not isinstance(extend, list) or not all(isinstance(p, str) for p in extend):
        raise ConfigError(f"{where}: extend: expected a list of rule files (paths relative to {path.parent})")
    exclude = raw.get("exclude", [])
    if isinstance(exclude, str):
        exclude = [exclude]
    if not isinstance(exclude, list) or not all(isinstance(g, str) and g for g in exclude):
        raise ConfigError(f"{where}: exclude: expected a list of globs (relative to {path.parent}), "
                          f"e.g. ['archive/**', '*模板*']")
    config = Config(path, profile, codes(raw.get("select", []), "select"),
                    codes(raw.get("ignore", []), "ignore"), tuple(severity), tuple(params),
                    tuple(ignores), tuple(path.parent / p for p in extend), tuple(exclude))
    rules_for(config)  # every key is checked against the rules now, not at the first file
    return config


def _read(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    if path.name == "pyproject.toml":
        try:
            import tomllib
        except ModuleNotFoundError:  # Python < 3.11
            import tomli as tomllib
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        return data.get("tool", {}).get("fzlint", {})
    import yaml  # only for a configuration file

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"{path}{f':{mark.line + 1}' if mark else ''}: not valid YAML: "
                          f"{getattr(exc, 'problem', exc)}") from None
    return {} if data is None else data


def _mapping(raw: dict, key: str, where: str) -> dict:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: {key}: expected a mapping")
    return value


@lru_cache(maxsize=None)
def rules_for(config: Config) -> ruleset.RuleSet:
    """The rule set a configuration makes: fzlint's rules, the user's rule files,
    the profile's and the configuration's parameters, the severities."""
    rules = ruleset.default()
    where = str(config.path)
    try:
        for path in config.extend:
            rules = ruleset.extend(rules, path)
    except ruleset.RuleSetError as exc:
        raise ConfigError(f"{where}: extend: {exc}") from None
    by_code = rules.by_code()
    overrides: dict[str, dict] = {}
    for code, params in list(rules.vocabulary.profiles[config.profile].items()) + [(c, {k: _thaw(v) for k, v in p}) for c, p in config.params]:
        if code not in by_code:
            raise ConfigError(f"{where}: params.{code}: no such rule (see fzlint rules)")
        overrides.setdefault(code, {}).update(params)
    severities = dict(config.severity)
    for code in severities:
        if code not in by_code:
            raise ConfigError(f"{where}: severity.{code}: no such rule (see fzlint rules)")
    configured = []
    for rule in rules.rules:
        if rule.code in overrides or rule.code in severities:
            try:
                rule = ruleset.configure(rule, rules.vocabulary, f"{where}: params.{rule.code}",
                                         overrides.get(rule.code), severities.get(rule.code))
            except ruleset.RuleSetError as exc:
                raise ConfigError(str(exc)) from None
        configured.append(rule)
    result = ruleset.RuleSet(configured, rules.vocabulary)
    for key, keys in (("select", config.select), ("ignore", config.ignore),
                      *((f"per-file-ignores.{g}", c) for g, c in config.per_file_ignores)):
        unknown = result.unknown_selectors(list(keys))
        if unknown:
            raise ConfigError(f"{where}: {key}: unknown rule {unknown[0]!r} (see fzlint rules)")
    return result


@dataclass
class Settings:
    """The command line's choices; linter(path) gives the Linter for one file."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    year: int | None = None
    lang: str = "zh"
    config: str | None = None  # --config PATH: this configuration for every file
    isolated: bool = False  # --no-config: none at all
    exclude: list[str] = field(default_factory=list)  # --exclude: globs relative to the working directory

    def __post_init__(self):
        self._linters: dict = {}
        self._configs: dict[str, Config] = {}
        self._override = load(Path(self.config).resolve()) if self.config else None

    def arguments(self) -> dict:
        """What makes these Settings again in a worker process."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def rule_sets(self, paths: list[str]) -> list[ruleset.RuleSet]:
        """The distinct rule sets the files' configurations make (to check --select against)."""
        seen = {}
        for path in paths or ["-"]:
            config = self.config_for(path)
            seen[config] = rules_for(config) if config.path else ruleset.default()
        return list(seen.values())

    def config_for(self, path: str) -> Config:
        if self.isolated:
            return NO_CONFIG
        if self._override is not None:
            return self._override
        config = self._configs.get(path)
        if config is None:  # looked up once a file: rule_sets() and linter() both ask
            found = discover(path)
            config = self._configs[path] = load(found) if found else NO_CONFIG
        return config

    def linter(self, path: str) -> Linter:
        config = self.config_for(path)
        ignored = self._file_ignores(config, path)
        key = (config, ignored)
        if key not in self._linters:
            rules = rules_for(config) if config.path else ruleset.default()
            # --select on the command line replaces the configuration's choice (select and ignore).
            select = self.select or list(config.select)
            ignore = ([] if self.select else list(config.ignore)) + self.ignore + list(ignored)
            self._linters[key] = Linter(rules, Options(rules=rules.select(select, ignore), year=self.year,
                                                       lang=self.lang))
        return self._linters[key]

    def excluded(self, path: str) -> bool:
        """Whether path is left out of the run: a repository document, or
        matched by --exclude (relative to the working directory) or by its
        configuration's exclude (relative to the configuration's directory).
        Standard input never is."""
        if path == "-":
            return False
        if REPOSITORY_DOCUMENTS.fullmatch(os.path.basename(path)):
            return True
        if self.exclude and _matches(Path.cwd(), path, self.exclude):
            return True
        config = self.config_for(path)
        return bool(config.exclude) and _matches(config.root, path, config.exclude)

    @staticmethod
    def _file_ignores(config: Config, path: str) -> tuple[str, ...]:
        if not config.per_file_ignores or path == "-":
            return ()
        codes: list[str] = []
        for glob, globbed in config.per_file_ignores:
            if _matches(config.root, path, (glob,)):
                codes.extend(globbed)
        return tuple(codes)


def _matches(root: Path, path: str, globs) -> bool:
    """Whether path, relative to root, matches one of the globs: as a path
    glob matched from the right (README.md, archive/*.txt) or as a pattern
    over the whole relative path, where * also crosses folders (archive/**)."""
    try:
        relative = PurePosixPath(Path(os.path.relpath(os.path.abspath(path), root)).as_posix())
    except ValueError:  # another drive
        return False
    return any(relative.match(glob) or fnmatch.fnmatch(str(relative), glob) for glob in globs)
