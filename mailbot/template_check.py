"""Check the mail templates before a seeker is waiting: compile each, render each mail kind with
sample data (every branch the samples reach) under StrictUndefined, and report every mistake as
``templates/NAME.j2:line: problem``, never a traceback.

Also holds the in-memory copy of the templates folder (`TemplateSnapshot`) that a running daemon
sends with: the copy that was checked is the copy that is used, so a bad edit on disk waits
until it is fixed instead of failing mail by mail.
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Callable, Mapping

import jinja2
from jinja2 import nodes

from mailbot import template_samples

SAMPLE_TO = template_samples.SAMPLE_ADDRESS


# ---------------------------------------------------------------------------- the snapshot


class _SnapshotLoader(jinja2.BaseLoader):
    """Serves template sources read once; filenames stay the real paths for messages."""

    def __init__(self, directory: Path, sources: Mapping[str, str], problems=(), unreadable=()):
        self.directory = directory
        self.sources = dict(sources)
        self.problems = tuple(problems)
        self.unreadable = frozenset(unreadable)

    def get_source(self, environment: jinja2.Environment, template: str):
        if template not in self.sources:
            raise jinja2.TemplateNotFound(template)
        return self.sources[template], str(self.directory / template), lambda: True

    def list_templates(self) -> list[str]:
        return sorted(self.sources)


@dataclass(frozen=True)
class TemplateSnapshot:
    """Every ``*.j2`` under the templates folder, read at one moment, plus its digest."""

    directory: Path
    sources: Mapping[str, str]
    problems: tuple[str, ...]            # unreadable files (not UTF-8, a missing folder)
    unreadable: frozenset[str]
    digest: str

    @classmethod
    def read(cls, directory: Path) -> "TemplateSnapshot":
        directory = Path(directory)
        sources: dict[str, str] = {}
        problems: list[str] = []
        unreadable: set[str] = set()
        digest = hashlib.sha256()
        if not directory.is_dir():
            problems.append(f"{directory}: テンプレートのフォルダがありません（paths.templates）")
        else:
            for path in sorted(directory.rglob("*.j2")):
                name = path.relative_to(directory).as_posix()
                try:
                    raw = path.read_bytes()
                except OSError as e:
                    problems.append(f"{directory / name}:1: 読めません（{e.strerror}）")
                    unreadable.add(name)
                    continue
                digest.update(name.encode() + b"\0" + raw + b"\0")
                try:
                    sources[name] = raw.decode("utf-8-sig")
                except UnicodeDecodeError as e:
                    line = raw[: e.start].count(b"\n") + 1
                    problems.append(f"{directory / name}:{line}: UTF-8 で保存してください")
                    unreadable.add(name)
        return cls(directory, sources, tuple(problems), frozenset(unreadable), digest.hexdigest())

    def environment(self, like: jinja2.Environment) -> jinja2.Environment:
        """An environment with `like`'s settings (StrictUndefined, no autoescape) that loads
        from this snapshot only."""
        return like.overlay(loader=_SnapshotLoader(self.directory, self.sources, self.problems,
                                                   self.unreadable))


def templates_dir(env: jinja2.Environment) -> Path:
    """The folder an environment's templates come from (for messages and re-reading)."""
    loader = env.loader
    if isinstance(loader, _SnapshotLoader):
        return loader.directory
    if isinstance(loader, jinja2.FileSystemLoader) and loader.searchpath:
        return Path(loader.searchpath[0])
    return Path("templates")


def mail_kinds(env: jinja2.Environment) -> list[str]:
    """The mail kinds present: top-level ``NAME.j2`` files, except partials (``_*.j2``)."""
    try:
        names = env.loader.list_templates()
    except (TypeError, OSError):
        return []
    return sorted(n[:-3] for n in names if n.endswith(".j2") and "/" not in n and not n.startswith("_"))


# ---------------------------------------------------------------------------- the check


def check_terms(terms_path: Path | None) -> list[str]:
    """The terms file attached to offers must exist, be UTF-8 (it is sent as such) and say something."""
    if terms_path is None:
        return []
    if Path(terms_path).is_dir():
        # A folder of versions named by their effective date (mailbot/terms.py).
        from mailbot.terms import TermsLibrary

        library = TermsLibrary(Path(terms_path))
        if library.problem:
            return [f"{terms_path}:1: {library.problem}"]
        return [p for v in library.versions for p in check_terms(v.path)]
    try:
        raw = Path(terms_path).read_bytes()
    except FileNotFoundError:
        return [f"{terms_path}:1: 利用規約のファイルがありません（paths.terms）"]
    except OSError as e:
        return [f"{terms_path}:1: 利用規約のファイルを読めません（{e.strerror}）"]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return [f"{terms_path}:{line}: UTF-8 で保存してください"]
    if not text.strip():
        return [f"{terms_path}:1: 中身が空です"]
    return []


def check_templates(composer, rules, kinds=None, env: jinja2.Environment | None = None) -> list[str]:
    """Every problem of the templates `env` (default: the composer's) as ``file:line: problem``.

    `kinds` must exist (the ones the workflow sends; default `daemon.MAIL_KINDS`); every kind
    present is rendered as well. Without `rules` the templates are only compiled.
    """
    if kinds is None:
        from mailbot.daemon import MAIL_KINDS as kinds
    if env is None:
        env = TemplateSnapshot.read(templates_dir(composer.env)).environment(composer.env)
    directory = templates_dir(env)
    if not directory.is_dir():
        inside = composer.terms_path is not None and directory in Path(composer.terms_path).parents
        return [f"{directory}: テンプレートのフォルダがありません（paths.templates）"] + \
            ([] if inside else check_terms(composer.terms_path))
    loader = env.loader
    unreadable = loader.unreadable if isinstance(loader, _SnapshotLoader) else frozenset()
    names = _listed(env)
    report = _Report(directory, _sources(env, names))
    for line in getattr(loader, "problems", ()):
        report.line(line)
    for name in names:
        try:
            env.get_template(name)
        except Exception as exc:                        # noqa: BLE001 - reported, never raised
            report.add(exc, name)
            continue
        _check_references(env, name, set(names), report)
    for kind in kinds:
        if f"{kind}.j2" not in names and f"{kind}.j2" not in unreadable:
            report.line(f"{directory / (kind + '.j2')}:1: ファイルがありません（このメールを送るときに使います）")
    terms = check_terms(composer.terms_path)
    if rules is not None:
        renderer = copy.copy(composer)
        renderer.env = env
        if terms:
            renderer.terms_path = None          # reported once below, not once per offer
        samples = template_samples.samples(rules)
        for kind in mail_kinds(env):
            if kind + ".j2" not in report.broken:
                _render_all(renderer, rules, samples, kind, report)
    return report.lines + terms


def _check_references(env: jinja2.Environment, name: str, names: set[str], report: "_Report") -> None:
    """A template named by extends/include/import must exist (jinja only finds out when it
    renders that line)."""
    ast = env.parse(env.loader.get_source(env, name)[0], name)
    for node in ast.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        target = node.template
        if isinstance(target, nodes.Const) and isinstance(target.value, str) \
                and target.value not in names and not getattr(node, "ignore_missing", False):
            report.line(f"{report.directory / name}:{node.lineno}: テンプレート {target.value} がありません")
            report.broken.add(name)


def _sources(env: jinja2.Environment, names: list[str]) -> dict[str, str]:
    out = {}
    for name in names:
        try:
            out[name] = env.loader.get_source(env, name)[0]
        except Exception:                               # noqa: BLE001 - reported elsewhere
            pass
    return out


def _listed(env: jinja2.Environment) -> list[str]:
    try:
        return [n for n in env.loader.list_templates() if n.endswith(".j2")]
    except (TypeError, OSError):
        return []


def _render_all(composer, rules, samples: list, kind: str, report: "_Report") -> None:
    """The two samples through the whole of `compose()` (headers, attachments), then each
    branch variant of each through `render()`."""
    data = [s.data(rules) for s in samples]
    now = template_samples.sample_now(rules)
    for sample in samples:
        _attempt(report, kind, sample.label,
                 lambda: _subject_of(composer.compose(kind, SAMPLE_TO, sample.record, rules, now,
                                                      sample.extra).message["Subject"]))
    variants = template_samples.variants(composer.env, f"{kind}.j2")
    for i, base in enumerate(data):
        other = data[1 - i] if len(data) == 2 else base
        for variant in variants:
            changed = template_samples.applied(variant, base, other)
            if changed is None:
                continue
            values, description = changed
            _attempt(report, kind, description,
                     lambda: _subject_of(composer.render(kind, values)[0]))


def _subject_of(subject: str | None) -> None:
    if not subject or not str(subject).strip():
        raise _EmptySubject()


class _EmptySubject(Exception):
    pass


def _attempt(report: "_Report", kind: str, when: str, render: Callable[[], None]) -> None:
    try:
        render()
    except Exception as exc:                            # noqa: BLE001 - reported, never raised
        report.add(exc, f"{kind}.j2", when)


class _Report:
    """Problems in order, each place and problem once (the first sample that showed it)."""

    def __init__(self, directory: Path, sources: Mapping[str, str]):
        self.directory = directory
        self.sources = sources
        self.lines: list[str] = []
        self.broken: set[str] = set()          # templates that do not compile
        self._seen: set[tuple[str, str]] = set()

    def line(self, text: str) -> None:
        if (text, "") not in self._seen:
            self._seen.add((text, ""))
            self.lines.append(text)

    def add(self, exc: BaseException, name: str, when: str = "") -> None:
        frames = _template_frames(exc)
        if isinstance(exc, jinja2.TemplateSyntaxError):
            where = (exc.name or name, exc.lineno or 1)
            self.broken.add(name)
        elif frames:
            where = self._culprit(exc, frames)
        else:
            where = (name, 1)
        problem = _problem(exc, name)
        key = (f"{where[0]}:{where[1]}", problem)
        if key in self._seen:
            return
        self._seen.add(key)
        notes = []
        if where[0] != name:
            caller = next((f for f in reversed(frames) if f[0] == name), None)
            notes.append(f"{name}:{caller[1]} から" if caller else f"{name} から")
        if when:
            notes.append(f"見本: {when}")
        suffix = "".join(f"（{n}）" for n in notes)
        self.lines.append(f"{self.directory / where[0]}:{where[1]}: {problem}{suffix}")

    def _culprit(self, exc: BaseException, frames: list[tuple[str, int]]) -> tuple[str, int]:
        """The innermost template line, except that an undefined name handed to a macro
        (``m.slot(slott)``) is the caller's mistake: then the line that writes the name."""
        m = re.match(r"'(\w+)' is undefined", getattr(exc, "message", None) or "")
        if m:
            for frame in reversed(frames):
                if re.search(rf"\b{re.escape(m[1])}\b", self.source_line(*frame)):
                    return frame
        return frames[-1]

    def source_line(self, name: str, line: int) -> str:
        lines = self.sources.get(name, "").splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""


def _problem(exc: BaseException, name: str) -> str:
    if isinstance(exc, _EmptySubject):
        return "件名が空になります（{% block subject %} に件名を書いてください）"
    if isinstance(exc, jinja2.UndefinedError):
        return f"未定義の名前です（{exc.message}）"
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"テンプレート {exc.name} がありません"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"書き方の誤りです（{exc.message}）"
    if isinstance(exc, KeyError) and exc.args and exc.args[0] in ("subject", "body"):
        return f"{{% block {exc.args[0]} %}} がありません"
    if isinstance(exc, ValueError) and "linefeed" in str(exc).lower():
        return "件名に改行が入ります（件名は 1 行にしてください）"
    text = " ".join(str(exc).split())
    return f"メールを組み立てられません（{type(exc).__name__}: {text}）"


def _template_frames(exc: BaseException) -> list[tuple[str, int]]:
    """(template name, template line) of each template frame in the traceback, outermost first.

    Compiled template code carries its Template in `__jinja_template__`, which maps Python
    lines back to template lines; frames jinja already rewrote name the .j2 file directly."""
    out: list[tuple[str, int]] = []
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:
            out.append((template.name or "?", template.get_corresponding_lineno(tb.tb_lineno)))
        else:
            filename = tb.tb_frame.f_code.co_filename
            if filename.endswith(".j2"):
                out.append((Path(filename).name, tb.tb_lineno))
        tb = tb.tb_next
    return out
