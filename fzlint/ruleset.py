"""The rule set: rules/*.yaml loaded into typed, validated objects.

Two kinds of YAML live in rules/:
  * rule files (structure.yaml, headings.yaml, matter.yaml, input.yaml): a list
    ``rules:`` of instances, each naming its ``kind`` (a module of
    fzlint/kinds), code, name, severity, messages, parameters and docs;
  * vocabulary files used by the stages and kinds: sections.yaml (the roles of
    a report's parts, for classify), residue.yaml (web page furniture, for
    parse), figures.yaml (what counts as a figure, for the FZ4 kinds),
    terms.yaml (wrong terms and their right forms, FZ601) and obsolete.yaml
    (references outdated for a report year, FZ602); titles.yaml (the titles of
    the laws and documents reports cite, FZ604); profiles.yaml (parameters
    by the kind of reporting organ, for the configuration's profile);
    indicators.yaml (the key figures, 指标, for indicators.py and FZ405), which
    a user's rule file may extend with `indicators:` of its own; areas.yaml
    (the task areas of the 纲要 and their keywords, for FZ410, the outline and
    the review page).

Every problem is reported as a RuleSetError naming the file and the key.
"""

from __future__ import annotations

import os
import pickle
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import data, kinds
from .model import Severity
from . import recache

LANGS = ("zh", "en")
_CODE = recache.compile(r"^FZ\d{3}$")
_USER_CODE = recache.compile(r"^(?!FZ)[A-Z][A-Z0-9]{0,5}\d{3}$")  # user rules: CQ001, SFJ101 … (FZ is fzlint's)
_NAME = recache.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
VOCABULARY_FILES = ("sections.yaml", "residue.yaml", "figures.yaml", "terms.yaml", "obsolete.yaml", "profiles.yaml",
                    "indicators.yaml", "titles.yaml", "areas.yaml")
# Rules of this kind are emitted by the stages themselves, not by a kind module:
# "read" is a file that cannot be read (FZ901).
BUILTIN_KINDS = ("read",)


class _BuiltinKind:
    PARAMS: dict = {}
    VARIANTS = ("default",)


class RuleSetError(Exception):
    """A rule or vocabulary file that is not valid; str() names file and key."""


@dataclass(frozen=True)
class Text:
    """A user-facing text in Chinese and English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation: what it checks, why, and a wrong and a right example."""

    what: Text
    why: Text
    wrong: str
    right: str


@dataclass(frozen=True)
class Rule:
    """One rule instance of rules/*.yaml: its code, name, kind, severity, messages and params."""

    code: str
    name: str
    kind: str
    severity: Severity
    fixable: bool
    messages: dict[str, Text]  # variant -> text; "default" always present
    params: dict
    doc: RuleDoc
    file: str
    raw: dict = field(default_factory=dict, compare=False)  # params as the rule file gave them

    def message(self, variant: str, args: dict, lang: str) -> str:
        resolved = {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in args.items()}
        return self.messages[variant].get(lang).format(**resolved)


@dataclass(frozen=True)
class Role:
    """A part the report must have (举措和成效, 不足和原因 …) and how its headings read."""

    key: str
    order: int
    name: Text  # short name, e.g. 不足和原因
    item: Text  # the regulation's wording of the content item
    example: str  # a heading that plays the role, without its numeral: {year} and {next_year} filled in
    headings: tuple[re.Pattern, ...]
    closing: tuple[re.Pattern, ...] = ()
    # Patterns that find the role's content in a paragraph or a run-in item
    # (一是……) of another part: its first sentence, or the item's.
    passing: tuple[re.Pattern, ...] = ()
    # Headings that name the role only when the part's own first sentence (its
    # run-in text, or its first paragraph before any sub-heading) matches
    # `passing`: 一、切实履行法治政府建设职责 / 党政主要负责人切实履行……第一责任人职责.
    confirmed: tuple[re.Pattern, ...] = ()
    # Spans of a heading that name the role's words as the object of work
    # done (将法治建设纳入……工作计划, 制定年度工作计划): `headings` do not match
    # inside them.
    objects: tuple[re.Pattern, ...] = ()
    # A forward part (the plan) sets out next year's work: what it names is to
    # be done, so it holds no other role's report, in passing or otherwise.
    forward: bool = False
    # A leading part (the duties) may come before the measures' topic parts:
    # a topic part after it still plays the topic role, not the other role.
    leading: bool = False

    def heading(self, numeral: str, year: int | None) -> str:
        """The example heading with its numeral (一、) and the report's years;
        ×××× where the year is not known."""
        years = {"year": year or "××××", "next_year": year + 1 if year else "××××"}
        return numeral + self.example.format(**years)


def _example(value, where: str) -> str:
    try:
        str(value).format(year=2000, next_year=2001)
    except (KeyError, IndexError, ValueError) as exc:
        raise RuleSetError(f"{where}: a heading where only {{year}} and {{next_year}} are filled in ({exc})") from None
    return str(value)


@dataclass(frozen=True)
class Term:
    """terms.yaml: a wrong or outdated wording and the one to write instead."""

    wrong: str
    right: str
    why: Text
    not_in: tuple[str, ...] = ()  # longer phrases in which `wrong` is legitimate
    safe: bool = True  # whether replacing it may be applied by --fix


@dataclass(frozen=True)
class Reference:
    """obsolete.yaml: a reference outdated from a year on (`since`), or one that
    did not exist yet before a year (`before`)."""

    pattern: re.Pattern
    year: int  # the year of `since` or `before`
    before: bool  # True: fires when the report year < year; False: when >= year
    why: Text
    current: str = ""  # what replaced it (since entries)
    unless: re.Pattern | None = None  # found in the same sentence: not outdated (a retrospective)
    source: str = ""


@dataclass(frozen=True)
class IndicatorSpec:
    """indicators.yaml: one key figure (指标) and the wordings that state it."""

    key: str  # reconsideration.received
    name: Text
    figure: str  # count | rate
    patterns: tuple[re.Pattern, ...]  # searched in the figure's label
    units: tuple[str, ...] = ()  # counts: the units it is counted in (件, 宗 …); empty: any
    topic: re.Pattern | None = None  # found in the paragraph before the figure
    part: bool = False  # may stand after 其中 (a part of another figure)
    single: bool = False  # FZ405: stated twice, the values must agree
    of: str = ""  # rates: the count over …
    over: tuple[str, ...] = ()  # … one of these counts (the first the report states)


@dataclass(frozen=True)
class Indicators:
    """indicators.yaml as loaded: where figures are taken from, and the indicators."""

    roles: tuple[str, ...] = ()
    changes: re.Pattern | None = None  # a label that states a change, not a value
    periods: re.Pattern | None = None  # a sentence about more than the year (近年来)
    specs: tuple[IndicatorSpec, ...] = ()
    # Any indicator's wording, one pattern (a prose.Searcher where that is faster):
    # a sentence it does not match has no indicator.
    wording: object = None
    units: frozenset[str] | None = None  # the units any count indicator is counted in; None: any

    @classmethod
    def of(cls, roles: tuple[str, ...], changes: re.Pattern | None, periods: re.Pattern | None,
           specs: tuple[IndicatorSpec, ...]) -> "Indicators":
        patterns = [p.pattern for s in specs for p in s.patterns]
        from .prose import wording_searcher

        counts = [s for s in specs if s.figure == "count"]
        units = None if any(not s.units for s in counts) else frozenset(u for s in counts for u in s.units)
        return cls(roles, changes, periods, specs, wording_searcher(patterns) if patterns else None, units)

    def by_key(self) -> dict[str, IndicatorSpec]:
        return {s.key: s for s in self.specs}


@dataclass(frozen=True)
class Area:
    """areas.yaml: one task area of a menu (纲要 or a local 事项指引) and the
    keywords that show a text touches it, as one pattern."""

    key: str  # stable, for JSON: functions, enforcement …
    name: Text
    pattern: re.Pattern


@dataclass(frozen=True)
class AreaMenu:
    """A menu of task areas (areas.yaml, or FZ410's `areas` parameter)."""

    source: Text  # the document it comes from, as messages name it
    areas: tuple[Area, ...] = ()
    since: int = 0  # the first report year it applies to; 0: any

    def touched(self, text: str) -> list[str]:
        """The keys of the areas text touches, in the menu's order."""
        return [a.key for a in self.areas if a.pattern.search(text)]


RESIDUE_LISTS = ("list_items", "summary", "watermarks", "title_tails", "long_rows", "columns", "news_columns",
                 "share_items", "value_rows")


@dataclass(frozen=True)
class Vocabulary:
    """The vocabularies of rules/*.yaml that the parse, classify and check stages read."""

    roles: dict[str, Role]
    precedence: tuple[str, ...]  # which role a heading matching several takes
    topic_role: str  # role of unmatched parts before any other role
    other_role: str  # role of unmatched parts after
    residue_patterns: tuple[str, ...]
    residue_max_length: int
    figures: dict = field(default_factory=dict)  # figures.yaml: units, measure_words, zero_results, fixed_terms
    terms: tuple[Term, ...] = ()  # terms.yaml
    references: tuple[Reference, ...] = ()  # obsolete.yaml
    profiles: dict = field(default_factory=dict)  # profiles.yaml: name -> {code: params}
    indicators: Indicators = field(default_factory=Indicators)  # indicators.yaml
    titles: tuple[str, ...] = ()  # titles.yaml: the titles of laws and documents, as 《》 holds them
    title_prefix: str = ""  # titles.yaml: written before a law's name in its full title (中华人民共和国)
    areas: AreaMenu = field(default_factory=lambda: AreaMenu(Text("", "")))  # areas.yaml
    # residue.yaml's other lists (RESIDUE_LISTS) -> their patterns, as parse.Residue takes them:
    # list_items (tried on a list item's content only), summary (a page's summary, labelled),
    # watermarks (the title runs in after one), title_tails (a metadata field run onto the title's
    # line), long_rows (a metadata row, tried whatever its length), columns (a site's column name
    # right above a whole title), news_columns (a news column's name on the text's first line),
    # share_items (one site of a share bar), value_rows (a metadata row without its colon, or an
    # index number alone, above the first heading)
    residue_lists: dict = field(default_factory=dict)


@dataclass
class RuleSet:
    """The rules of a run and the vocabulary they share."""

    rules: list[Rule] = field(default_factory=list)
    vocabulary: Vocabulary | None = None

    def by_code(self) -> dict[str, Rule]:
        return {r.code: r for r in self.rules}

    def find(self, key: str) -> Rule | None:
        key = key.strip()
        for rule in self.rules:
            if key.upper() == rule.code or key.lower() == rule.name:
                return rule
        return None

    def select(self, select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
        """The rules chosen by codes, code prefixes (FZ2) or names."""

        def hit(rule: Rule, keys: list[str]) -> bool:
            return any(rule.code.startswith(k.upper()) or rule.name == k.lower() for k in keys)

        chosen = [r for r in self.rules if not select or hit(r, select)]
        return [r for r in chosen if not ignore or not hit(r, ignore)]

    def unknown_selectors(self, keys: list[str]) -> list[str]:
        return [k for k in keys if not any(r.code.startswith(k.upper()) or r.name == k.lower() for r in self.rules)]


# Parsed rule files, kept between runs: parsing YAML is a fifth of fzlint's
# start-up. The cache is keyed by fzlint's version and every file's name, size
# and modification time, lives in the user's cache directory, and is only an
# optimisation: any problem with it means parsing the files again.
_parsed: dict[Path, tuple] = {}  # path -> ((size, mtime), data)
_CACHE_FORMAT = 7  # 3: the vocabulary holds residue.yaml's list_items, summary and watermarks; 4: title_tails; 5: long_rows and columns;
# 6: news_columns and share_items; 7: value_rows


def _cache_file(directory: Path) -> Path | None:
    if os.environ.get("FZLINT_NO_CACHE"):
        return None
    try:
        stamp = "|".join(f"{p.name}:{st.st_size}:{st.st_mtime_ns}"
                         for p in sorted(directory.glob("*.yaml")) for st in [p.stat()])
    except OSError:
        return None
    from . import __version__

    # zlib is built in, where hashlib costs milliseconds of start-up; the name need only differ.
    key = f"{zlib.crc32(f'{_CACHE_FORMAT}|{__version__}|{directory.resolve()}|{stamp}'.encode()):08x}"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "fzlint" / f"rules-{key}.pickle"


def _read_cache(directory: Path) -> Path | None:
    """Fill _parsed from the cache; returns the cache file to write when it was missing."""
    cache = _cache_file(directory)
    if cache is None:
        return None
    try:
        with open(cache, "rb") as fh:
            data = pickle.load(fh)
        if isinstance(data, dict) and all(isinstance(v, tuple) and len(v) == 2 for v in data.values()):
            _parsed.update(data)
            return None
        return cache
    except Exception:  # noqa: BLE001 - absent, unreadable or stale: parse again
        return cache


def _write_cache(cache: Path, directory: Path) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        data = {p: v for p, v in _parsed.items() if p.parent == directory}
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
        _prune(cache.parent)
    except OSError:
        pass  # a read-only home: no cache, the same rules


_KEPT_CACHES = 8


def _prune(folder: Path) -> None:
    """Leave the newest few rule caches: each edit of a rule file or new version
    of fzlint makes another, and nothing else would ever remove the old ones."""
    caches = sorted(folder.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in caches[_KEPT_CACHES:]:
        old.unlink(missing_ok=True)


def _signature(path: Path):
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _load_yaml(path: Path):
    signature = _signature(path)
    if path in _parsed and _parsed[path][0] == signature:
        return _parsed[path][1]
    import yaml  # only when a file is not in the cache: most runs never import PyYAML

    try:  # libyaml's loader is several times faster; PyYAML's own is the fallback
        loader = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - depends on the PyYAML build
        loader = yaml.SafeLoader
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=loader)
        _parsed[path] = (signature, data)
        return data
    except OSError as exc:
        raise RuleSetError(f"{path}: cannot read: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise RuleSetError(f"{path}{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None


def _text(value, where: str) -> Text:
    if not isinstance(value, dict) or set(value) != set(LANGS) or not all(isinstance(value[k], str) for k in LANGS):
        raise RuleSetError(f"{where}: expected a mapping with the keys zh and en (strings)")
    return Text(value["zh"], value["en"])


def _rule(entry, file: str, index: int, vocabulary: "Vocabulary", user: bool = False) -> Rule:
    """One rule of a rule file. A user's rule file (user=True, from a
    configuration's extend) uses codes of its own (CQ001), may give a message
    as one string for both languages and may leave out doc."""
    where = f"{file}: rules[{index}]"
    if not isinstance(entry, dict):
        raise RuleSetError(f"{where}: expected a mapping")
    allowed = {"code", "name", "kind", "severity", "fixable", "message", "messages", "params", "doc"}
    extra = set(entry) - allowed
    if extra:
        raise RuleSetError(f"{where}: unknown key {sorted(extra)[0]!r} (allowed: {', '.join(sorted(allowed))})")
    code = entry.get("code")
    if user and not (isinstance(code, str) and _USER_CODE.match(code)):
        raise RuleSetError(f"{where}.code: expected a code of your own like CQ001 (letters, then three digits; "
                           f"FZ is fzlint's), got {code!r}")
    if not user and (not isinstance(code, str) or not _CODE.match(code)):
        raise RuleSetError(f"{where}.code: expected a code like FZ101, got {code!r}")
    where = f"{file}: {code}"
    name = entry.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise RuleSetError(f"{where}.name: expected a kebab-case name, got {name!r}")
    kind_name = entry.get("kind")
    kind = kinds.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None and kind_name in BUILTIN_KINDS:
        kind = _BuiltinKind
    if kind is None:
        allowed = ", ".join(kinds.names() + list(BUILTIN_KINDS))
        raise RuleSetError(f"{where}.kind: unknown kind {kind_name!r} (allowed: {allowed})")
    severity = entry.get("severity")
    try:
        severity = Severity.parse(severity)
    except (KeyError, AttributeError):
        raise RuleSetError(f"{where}.severity: expected error, warning or info, got {severity!r}") from None
    fixable = entry.get("fixable", False)
    if not isinstance(fixable, bool):
        raise RuleSetError(f"{where}.fixable: expected true or false")
    if ("message" in entry) == ("messages" in entry):
        raise RuleSetError(f"{where}: give exactly one of message (zh/en) or messages (variant: zh/en)")
    if "message" in entry and user and isinstance(entry["message"], str):
        messages = {"default": Text(entry["message"], entry["message"])}
    elif "message" in entry:
        messages = {"default": _text(entry["message"], f"{where}.message")}
    else:
        raw = entry["messages"]
        if not isinstance(raw, dict) or "default" not in raw:
            raise RuleSetError(f"{where}.messages: expected a mapping of variants including default")
        messages = {k: _text(v, f"{where}.messages.{k}") for k, v in raw.items()}
    missing = set(kind.VARIANTS) - set(messages)
    if missing:
        raise RuleSetError(f"{where}.messages: kind {kind_name} needs the variants {', '.join(sorted(missing))}")
    raw = entry.get("params") or {}
    params = _params(kind, raw, f"{where}.params", vocabulary)
    doc = entry.get("doc")
    if user and doc is None:
        what = messages["default"]
        doc = {"what": {"zh": what.zh, "en": what.en}, "why": {"zh": f"由 {file} 定义的规则。", "en": f"A rule defined in {file}."},
               "wrong": "", "right": ""}
    if not isinstance(doc, dict) or set(doc) != {"what", "why", "wrong", "right"}:
        raise RuleSetError(f"{where}.doc: expected the keys what, why, wrong, right")
    if not isinstance(doc["wrong"], str) or not isinstance(doc["right"], str):
        raise RuleSetError(f"{where}.doc: wrong and right are example texts (strings)")
    rule_doc = RuleDoc(_text(doc["what"], f"{where}.doc.what"), _text(doc["why"], f"{where}.doc.why"),
                       doc["wrong"], doc["right"])
    return Rule(code, name, kind_name, severity, fixable, messages, params, rule_doc, file, dict(raw) if isinstance(raw, dict) else {})


def _params(kind, given, where: str, vocabulary: "Vocabulary") -> dict:
    if not isinstance(given, dict):
        raise RuleSetError(f"{where}: expected a mapping")
    spec = kind.PARAMS
    extra = set(given) - set(spec)
    if extra:
        allowed = ", ".join(sorted(spec)) or "none"
        raise RuleSetError(f"{where}: unknown parameter {sorted(extra)[0]!r} (allowed: {allowed})")
    out = {}
    for key, (typ, default) in spec.items():
        value = given.get(key, default)
        if value is None:
            raise RuleSetError(f"{where}.{key}: required")
        if typ is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, typ) or isinstance(value, bool) and typ is not bool:
            raise RuleSetError(f"{where}.{key}: expected {typ.__name__}, got {value!r}")
        out[key] = value
    if hasattr(kind, "validate"):
        problem = kind.validate(out, vocabulary)
        if problem:
            raise RuleSetError(f"{where}: {problem}")
    if hasattr(kind, "prepare"):  # compile patterns once, here, where errors can name the key
        try:
            if kind.prepare.__code__.co_argcount >= 2:  # prepare(params, vocabulary)
                out = kind.prepare(out, vocabulary)
            else:
                out = kind.prepare(out)
        except re.error as exc:
            raise RuleSetError(f"{where}: bad regular expression: {exc}") from None
        except ValueError as exc:
            raise RuleSetError(f"{where}: {exc}") from None
    return out


def _compile(patterns, where: str) -> tuple[re.Pattern, ...]:
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise RuleSetError(f"{where}: expected a list of regular expressions")
    out = []
    for i, pattern in enumerate(patterns):
        try:
            out.append(recache.compile(pattern))
        except re.error as exc:
            raise RuleSetError(f"{where}[{i}]: bad regular expression {pattern!r}: {exc}") from None
    return tuple(out)


def _flag(value, where: str) -> bool:
    if not isinstance(value, bool):
        raise RuleSetError(f"{where}: expected true or false")
    return value


def load_vocabulary(directory: Path) -> Vocabulary:
    path = directory / "sections.yaml"
    raw = _load_yaml(path)
    where = str(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("roles"), dict):
        raise RuleSetError(f"{where}: expected a mapping with roles")
    roles = {}
    for key, spec in raw["roles"].items():
        w = f"{where}: roles.{key}"
        if not isinstance(spec, dict) or not isinstance(spec.get("order"), int):
            raise RuleSetError(f"{w}.order: expected a whole number")
        roles[key] = Role(
            key=key,
            order=spec["order"],
            name=_text(spec.get("name"), f"{w}.name"),
            item=_text(spec.get("item"), f"{w}.item"),
            example=_example(spec.get("example", ""), f"{w}.example"),
            headings=_compile(spec.get("headings"), f"{w}.headings"),
            closing=_compile(spec.get("closing", []), f"{w}.closing"),
            passing=_compile(spec.get("passing", []), f"{w}.passing"),
            confirmed=_compile(spec.get("confirmed", []), f"{w}.confirmed"),
            objects=_compile(spec.get("objects", []), f"{w}.objects"),
            forward=_flag(spec.get("forward", False), f"{w}.forward"),
            leading=_flag(spec.get("leading", False), f"{w}.leading"),
        )
    precedence = raw.get("precedence")
    if not isinstance(precedence, list) or set(precedence) != set(roles):
        raise RuleSetError(f"{where}: precedence: expected a list naming every role once")
    for key in ("topic_role", "other_role"):
        if raw.get(key) not in roles:
            raise RuleSetError(f"{where}: {key}: expected one of {', '.join(roles)}")
    residue_path = directory / "residue.yaml"
    residue = _load_yaml(residue_path)
    if not isinstance(residue, dict) or not isinstance(residue.get("max_length"), int):
        raise RuleSetError(f"{residue_path}: max_length: expected a whole number")
    _compile(residue.get("patterns"), f"{residue_path}: patterns")
    for key in RESIDUE_LISTS:
        _compile(residue.setdefault(key, []), f"{residue_path}: {key}")
    figures_path = directory / "figures.yaml"
    figures = _load_yaml(figures_path)
    keys = ("units", "measure_words", "zero_results", "fixed_terms")
    if not isinstance(figures, dict) or set(figures) != set(keys):
        raise RuleSetError(f"{figures_path}: expected the keys {', '.join(keys)}")
    for key in keys:
        if not isinstance(figures[key], list) or not all(isinstance(w, str) and w for w in figures[key]):
            raise RuleSetError(f"{figures_path}: {key}: expected a list of words")
    return Vocabulary(roles, tuple(precedence), raw["topic_role"], raw["other_role"],
                      tuple(residue["patterns"]), residue["max_length"], figures,
                      _load_terms(directory / "terms.yaml"), _load_references(directory / "obsolete.yaml"),
                      _load_profiles(directory / "profiles.yaml"),
                      _load_indicators(directory / "indicators.yaml", set(roles)),
                      *_load_titles(directory / "titles.yaml"),
                      _load_areas(directory / "areas.yaml"),
                      {key: tuple(residue[key]) for key in RESIDUE_LISTS})


def _load_titles(path: Path) -> tuple[tuple[str, ...], str]:
    raw = _load_yaml(path)
    where = str(path)
    if not isinstance(raw, dict) or set(raw) != {"prefix", "titles"}:
        raise RuleSetError(f"{where}: expected the keys prefix, titles")
    prefix, titles = raw["prefix"], raw["titles"]
    if not isinstance(prefix, str):
        raise RuleSetError(f"{where}: prefix: expected a string")
    if not isinstance(titles, list) or not titles:
        raise RuleSetError(f"{where}: titles: expected a list of titles")
    seen = set()
    for i, title in enumerate(titles):
        if not isinstance(title, str) or not title.strip() or any(ch in title for ch in "《》\n"):
            raise RuleSetError(f"{where}: titles[{i}]: expected a title as 《》 holds it, without the marks")
        if title in seen:
            raise RuleSetError(f"{where}: titles[{i}]: {title!r} is listed twice")
        seen.add(title)
    return tuple(titles), prefix


_AREA_KEY = recache.compile(r"^[a-z][a-z0-9_]*$")


def areas_of(entries, where: str, user: bool = False) -> tuple[Area, ...]:
    """The areas of a list of {key, name, keywords}: areas.yaml's, or (user)
    FZ410's `areas` parameter, whose name may be one string for both
    languages. The key defaults to the area's place: area1, area2 …"""
    if not isinstance(entries, list) or not entries:
        raise RuleSetError(f"{where}: expected a list of areas, each with name and keywords")
    out, seen = [], set()
    for i, entry in enumerate(entries):
        w = f"{where}[{i}]"
        _check_keys(entry, w, {"name", "keywords"}, {"key"})
        key = entry.get("key", f"area{i + 1}")
        if not isinstance(key, str) or not _AREA_KEY.match(key) or key in seen:
            raise RuleSetError(f"{w}.key: expected a new lower-case key like enforcement, got {key!r}")
        seen.add(key)
        name = entry["name"]
        if user and isinstance(name, str) and name.strip():
            name = Text(name, name)
        else:
            name = _text(name, f"{w}.name")
        keywords = entry["keywords"]
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            raise RuleSetError(f"{w}.keywords: expected a list of regular expressions")
        if not keywords:
            raise RuleSetError(f"{w}.keywords: expected at least one regular expression")
        out.append(Area(key, name, _area_pattern(keywords, f"{w}.keywords")))
    return tuple(out)


def _area_pattern(keywords: list[str], where: str) -> re.Pattern:
    """One pattern for an area's keywords, searched once for each area a text
    has not yet touched: the plain words as a trie of literals, then the
    expressions. When every branch begins with a character (not a group, a
    class or an assertion), the engine skips through the text in C to the
    branches' first characters and tries there only the branches that fit;
    otherwise it tries every keyword at every place, several times slower.
    Only the whole pattern is compiled (a start-up cost: some 200 keywords);
    a bad keyword is found alone when it fails."""
    from .prose import literal_pattern

    words = [k for k in keywords if re.escape(k) == k]
    expressions = [k for k in keywords if re.escape(k) != k]
    branches = ([literal_pattern(words).pattern] if words else []) + [
        f"(?:{e})" if _branches(e) else e for e in expressions]
    try:
        return recache.compile("|".join(branches))
    except re.error as exc:
        _compile(keywords, where)  # names the keyword at fault
        raise RuleSetError(f"{where}: the keywords do not make one regular expression together: {exc}") from None


def _branches(pattern: str) -> bool:
    """Whether a regular expression has a | outside its brackets."""
    depth, escaped, in_class = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def _load_areas(path: Path) -> AreaMenu:
    raw = _load_yaml(path)
    where = str(path)
    _check_keys(raw, where, {"source", "areas"}, {"since"})
    since = raw.get("since", 0)
    if not isinstance(since, int) or isinstance(since, bool) or since < 0:
        raise RuleSetError(f"{where}: since: expected a year (or 0: any)")
    return AreaMenu(_text(raw["source"], f"{where}: source"), areas_of(raw["areas"], f"{where}: areas"), since)


def _load_profiles(path: Path) -> dict:
    raw = _load_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("profiles"), dict) or not raw["profiles"]:
        raise RuleSetError(f"{path}: expected a mapping with the profiles under profiles")
    out = {}
    for name, spec in raw["profiles"].items():
        params = spec.get("params") if isinstance(spec, dict) else None
        if not isinstance(params, dict) or not all(isinstance(v, dict) for v in params.values()):
            raise RuleSetError(f"{path}: profiles.{name}.params: expected a mapping of rule codes to parameters")
        out[name] = params
    return out


_INDICATOR_KEY = recache.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
_FIGURE_KINDS = ("count", "rate")


def _load_indicators(path: Path, roles: set[str]) -> Indicators:
    raw = _load_yaml(path)
    where = str(path)
    if not isinstance(raw, dict) or set(raw) != {"roles", "changes", "periods", "indicators"}:
        raise RuleSetError(f"{where}: expected the keys roles, changes, periods, indicators")
    chosen = raw["roles"]
    if not isinstance(chosen, list) or not chosen or not all(r in roles for r in chosen):
        raise RuleSetError(f"{where}: roles: expected a list of roles from sections.yaml ({', '.join(sorted(roles))})")
    changes = _regex(raw["changes"], f"{where}: changes")
    periods = _regex(raw["periods"], f"{where}: periods")
    return Indicators.of(tuple(chosen), changes, periods, _indicator_specs(raw["indicators"], where, ()))


def _indicator_specs(entries, where: str, base: tuple[IndicatorSpec, ...]) -> tuple[IndicatorSpec, ...]:
    """base with the entries of an indicators list added: a new key is a new
    indicator, a known key's patterns are added to its own."""
    from dataclasses import replace

    if not isinstance(entries, list):
        raise RuleSetError(f"{where}: indicators: expected a list")
    specs = {s.key: s for s in base}
    fresh = set()
    for i, entry in enumerate(entries):
        w = f"{where}: indicators[{i}]"
        key = entry.get("key") if isinstance(entry, dict) else None
        if not isinstance(key, str) or not _INDICATOR_KEY.match(key):
            raise RuleSetError(f"{w}.key: expected a dotted lower-case key like reconsideration.received, got {key!r}")
        w = f"{where}: indicators[{i}] ({key})"
        if key in fresh:
            raise RuleSetError(f"{w}.key: {key!r} is listed twice")
        fresh.add(key)
        if key in specs:  # a known indicator: more wordings for it
            _check_keys(entry, w, {"key", "patterns"}, set())
            known = specs[key]
            specs[key] = replace(known, patterns=known.patterns + _compile(entry["patterns"], f"{w}.patterns"))
            continue
        _check_keys(entry, w, {"key", "name", "figure", "patterns"}, {"units", "topic", "part", "single", "rate"})
        figure = entry["figure"]
        if figure not in _FIGURE_KINDS:
            raise RuleSetError(f"{w}.figure: expected count or rate, got {figure!r}")
        patterns = _compile(entry["patterns"], f"{w}.patterns")
        if not patterns:
            raise RuleSetError(f"{w}.patterns: expected at least one regular expression")
        units = entry.get("units", [])
        if figure == "rate" and units or not isinstance(units, list) or not all(isinstance(u, str) and u for u in units):
            raise RuleSetError(f"{w}.units: expected a list of units (counts only)")
        topic = _regex(entry["topic"], f"{w}.topic") if "topic" in entry else None
        of, over = "", ()
        if "rate" in entry:
            rate = entry["rate"]
            if figure != "rate" or not isinstance(rate, dict) or set(rate) != {"of", "over"} \
                    or not isinstance(rate["of"], str) or not isinstance(rate["over"], list) or not rate["over"] \
                    or not all(isinstance(k, str) for k in rate["over"]):
                raise RuleSetError(f"{w}.rate: expected {{of: KEY, over: [KEY, ...]}} on a rate")
            of, over = rate["of"], tuple(rate["over"])
        specs[key] = IndicatorSpec(key, _text(entry["name"], f"{w}.name"), figure, patterns, tuple(units), topic,
                                   _flag(entry.get("part", False), f"{w}.part"),
                                   _flag(entry.get("single", False), f"{w}.single"), of, over)
    for spec in specs.values():
        for other in (spec.of, *spec.over) if spec.of else ():
            if other not in specs or specs[other].figure != "count":
                raise RuleSetError(f"{where}: indicators ({spec.key}).rate: {other!r} is not a count indicator")
    return tuple(specs.values())


def _entries(path: Path, key: str) -> list:
    raw = _load_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get(key), list):
        raise RuleSetError(f"{path}: expected a mapping with a list under {key}")
    return raw[key]


def _check_keys(entry, where: str, required: set, optional: set) -> None:
    if not isinstance(entry, dict):
        raise RuleSetError(f"{where}: expected a mapping")
    extra = set(entry) - required - optional
    if extra:
        raise RuleSetError(f"{where}: unknown key {sorted(extra)[0]!r} (allowed: {', '.join(sorted(required | optional))})")
    missing = required - set(entry)
    if missing:
        raise RuleSetError(f"{where}.{sorted(missing)[0]}: required")


def _load_terms(path: Path) -> tuple[Term, ...]:
    out, seen = [], set()
    for i, entry in enumerate(_entries(path, "terms")):
        where = f"{path}: terms[{i}]"
        _check_keys(entry, where, {"wrong", "right", "why"}, {"not_in", "safe"})
        wrong, right = entry["wrong"], entry["right"]
        if not isinstance(wrong, str) or not wrong.strip():
            raise RuleSetError(f"{where}.wrong: expected the wrong wording (a string)")
        where = f"{path}: terms[{i}] ({wrong})"
        if not isinstance(right, str) or not right.strip() or right == wrong:
            raise RuleSetError(f"{where}.right: expected the right wording, different from the wrong one")
        if wrong in seen:
            raise RuleSetError(f"{where}.wrong: {wrong!r} is listed twice")
        seen.add(wrong)
        not_in = entry.get("not_in", [])
        if not isinstance(not_in, list) or not all(isinstance(p, str) and wrong in p and p != wrong for p in not_in):
            raise RuleSetError(f"{where}.not_in: expected a list of longer phrases that contain {wrong!r}")
        if wrong in right and right not in not_in:
            raise RuleSetError(f"{where}.right: contains the wrong wording, so the fix would be found again; "
                               f"add {right!r} to not_in")
        safe = entry.get("safe", True)
        if not isinstance(safe, bool):
            raise RuleSetError(f"{where}.safe: expected true or false")
        out.append(Term(wrong, right, _text(entry["why"], f"{where}.why"), tuple(not_in), safe))
    return tuple(out)


_YEAR_TEXT = recache.compile(r"^((?:19|20)[0-9]{2})(?:-[0-9]{1,2}(?:-[0-9]{1,2})?)?$")


def _year_of(value, where: str) -> int:
    """The year of 2022, "2021-08" or 2022-05-01 (which YAML reads as a date)."""
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2099:
        return value
    if hasattr(value, "year") and not isinstance(value, str):
        return value.year
    m = _YEAR_TEXT.match(value) if isinstance(value, str) else None
    if not m:
        raise RuleSetError(f"{where}: expected a year or a date (2022, 2021-08, 2022-05-01), got {value!r}")
    return int(m.group(1))


def _regex(value, where: str) -> re.Pattern:
    if not isinstance(value, str) or not value:
        raise RuleSetError(f"{where}: expected a regular expression")
    try:
        return recache.compile(value)
    except re.error as exc:
        raise RuleSetError(f"{where}: bad regular expression {value!r}: {exc}") from None


def _load_references(path: Path) -> tuple[Reference, ...]:
    out = []
    for i, entry in enumerate(_entries(path, "references")):
        where = f"{path}: references[{i}]"
        _check_keys(entry, where, {"pattern", "why"}, {"since", "before", "current", "unless", "source"})
        pattern = _regex(entry["pattern"], f"{where}.pattern")
        where = f"{path}: references[{i}] ({entry['pattern']})"
        if ("since" in entry) == ("before" in entry):
            raise RuleSetError(f"{where}: give exactly one of since (outdated from then on) or before (did not exist yet)")
        before = "before" in entry
        year = _year_of(entry["before" if before else "since"], f"{where}.{'before' if before else 'since'}")
        current = entry.get("current", "")
        if not isinstance(current, str) or (not before and not current):
            raise RuleSetError(f"{where}.current: expected what replaced it (a string)")
        unless = _regex(entry["unless"], f"{where}.unless") if "unless" in entry else None
        source = entry.get("source", "")
        if not isinstance(source, str):
            raise RuleSetError(f"{where}.source: expected the address of the source (a string)")
        out.append(Reference(pattern, year, before, _text(entry["why"], f"{where}.why"), current, unless, source))
    return tuple(out)


def _rule_file(path: Path, vocabulary: Vocabulary, seen: dict[str, str], user: bool = False) -> list[Rule]:
    """The rules of one rule file; seen (each code and name defined so far ->
    its file) catches a rule defined twice."""
    out = []
    for i, entry in enumerate(_entries(path, "rules")):
        rule = _rule(entry, str(path), i, vocabulary, user)
        for key in (rule.code, rule.name):
            if key in seen:
                raise RuleSetError(f"{path}: {rule.code}: {key} is already defined in {seen[key]}")
            seen[key] = str(path)
        out.append(rule)
    return out


def load(directory: Path | None = None) -> RuleSet:
    directory = directory or data.rules_dir()
    missing_cache = _read_cache(directory)
    ruleset = RuleSet(vocabulary=load_vocabulary(directory))
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name not in VOCABULARY_FILES:
            ruleset.rules += _rule_file(path, ruleset.vocabulary, seen)
    ruleset.rules.sort(key=lambda r: r.code)
    if missing_cache is not None:
        _write_cache(missing_cache, directory)
    return ruleset


def extend(ruleset: RuleSet, path: Path) -> RuleSet:
    """The rule set with a user's rule file added (codes and names must be new).
    The file may hold `rules:`, `indicators:` (more key figures, or more
    wordings of fzlint's; see indicators.yaml) or both."""
    from dataclasses import replace

    raw = _load_yaml(path)
    if not isinstance(raw, dict) or not ({"rules", "indicators"} & set(raw)) or set(raw) - {"rules", "indicators"}:
        raise RuleSetError(f"{path}: expected a mapping with a list under rules, indicators or both")
    vocabulary = ruleset.vocabulary
    if "indicators" in raw:
        known = vocabulary.indicators
        vocabulary = replace(vocabulary, indicators=Indicators.of(
            known.roles, known.changes, known.periods, _indicator_specs(raw["indicators"], str(path), known.specs)))
    added = []
    if "rules" in raw:
        seen = {key: r.file for r in ruleset.rules for key in (r.code, r.name)}
        added = _rule_file(path, vocabulary, seen, user=True)
    return RuleSet(sorted(ruleset.rules + added, key=lambda r: r.code), vocabulary)


def configure(rule: Rule, vocabulary: Vocabulary, where: str, params: dict | None = None,
              severity: Severity | None = None) -> Rule:
    """The rule with parameters overridden (validated and prepared again) and/or another severity."""
    from dataclasses import replace

    if params:
        raw = {**rule.raw, **params}
        rule = replace(rule, params=_params(kinds.get(rule.kind), raw, where, vocabulary), raw=raw)
    if severity is not None:
        rule = replace(rule, severity=severity)
    return rule


@lru_cache(maxsize=1)
def default() -> RuleSet:
    """The shipped rule set, loaded once per process."""
    return load()
