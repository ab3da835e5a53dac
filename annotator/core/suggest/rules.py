"""Reading and compiling rule files (TOML, one label per file); see docs/suggestion-rules.md.

A file names its ``label`` and may hold ``[lists]`` (named word lists), ``[patterns]``
(named regular-expression fragments), ``[[rule]]`` (what makes a suggestion) and
``[[exclude]]`` (text that is never a suggestion of that label) and ``[yield]`` (labels
whose suggestions this label's give way to, see :class:`Yield`). Files of the same label
are merged in the order given: later files add words to lists, and add patterns, rules
and exclusions; they never remove or redefine. ``{name}`` in a pattern stands for a list
(any of its words) or a pattern fragment. Any problem is a :class:`RuleError` naming the
file and what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.messages import N_, message_of, say
from annotator.core.reading import FileReadError, read_file

MAX_RULE_BYTES = 1 << 20  # the shipped files are a few KiB each
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_REFERENCE = re.compile(r"(?<!\\)\{([A-Za-z_][A-Za-z0-9_]*)\}")
# "(?<!{list}\s)": not right after any word of a list (then what follows in the brackets);
# "(?<={list}\s)": right after one of them.
_NOT_AFTER = re.compile(r"\(\?<([!=])\{([A-Za-z_][A-Za-z0-9_]*)\}([^()]*)\)")
_GROUP = re.compile(r"\(\?P<([A-Za-z_][A-Za-z0-9_]*)>")
_BACKREF = re.compile(r"\(\?(?:P=|\()([A-Za-z_][A-Za-z0-9_]*)\)")
_TEMPLATE_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(\??)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_FILE_KEYS = {"label", "description", "lists", "patterns", "rule", "exclude", "yield"}
_YIELD_KEYS = {"to", "keep", "trim", "joint", "description"}
_RULE_KEYS = {
    "name",
    "pattern",
    "prefix",
    "confidence",
    "reason",
    "span",
    "boost",
    "description",
    "within",
    "attributed",
    "unclaimed",
}
_EXCLUDE_KEYS = {"name", "pattern", "description"}


class RuleError(ValueError):
    """A rule file that cannot be used; the message names the file and the problem."""


def shipped_rules_folder() -> Path:
    """The folder of the rule files shipped with the app (``resources/suggest``).

    Found the way :mod:`annotator.app.resources` finds shipped data: inside an installed
    wheel (``annotator/_data``) or at the top of a source checkout.
    """
    package = Path(__file__).resolve().parents[2]
    for candidate in (
        package / "_data" / "resources" / "suggest",
        package.parent / "resources" / "suggest",
    ):
        if candidate.is_dir():
            return candidate
    raise RuleError(say(N_("the shipped suggestion rules (resources/suggest) are missing")))


@dataclass(frozen=True)
class Rule:
    """One rule, its references expanded; ``pattern`` is a regular expression."""

    label: str
    name: str
    pattern: str
    confidence: float
    reason: str
    span: str | None  # a named group the suggestion covers; None: the whole match
    boost: tuple[tuple[str, float], ...]  # (group, amount) added when the group matched
    file: str
    # An optional expression directly before the match (its end is where the match starts),
    # looked for backwards once ``pattern`` has matched: None when the rule has none.
    prefix: str | None = None
    # Where the rule applies: only inside the matches of this expression (a speech, a
    # quotation), after the label's other rules, where none of them matched. None: anywhere.
    within: str | None = None
    # With ``within``: only in regions that overlap a suggestion the label's other rules
    # made (the quotation whose "he said" sentence is a claim).
    attributed: bool = False
    # Kept only in sentences in which the label's other rules (those not unclaimed) made
    # no suggestion: a broad fallback for sentences the precise rules found nothing in.
    unclaimed: bool = False


@dataclass(frozen=True)
class Exclusion:
    label: str
    name: str
    pattern: str
    file: str


@dataclass(frozen=True)
class Yield:
    """How a label's suggestions give way to other labels' ("a sentence that withholds is
    a refusal, not a claim").

    A suggestion that starts inside one of ``to``'s suggestions (or where it starts) is
    dropped, and so is one in which ``keep`` finds no match before the first of them it
    overlaps (a claim whose reporting verb comes only after the refusal). One that runs
    into one of them up to its own end is cut where that one starts, if ``joint`` (when
    given) matches just before it (", and", "but": a clause of its own, not an object),
    less what ``trim`` matches at the new end. Otherwise it is left as it is.
    """

    to: tuple[str, ...]
    keep: str | None  # a regular expression; None keeps whatever is left
    trim: str | None  # a regular expression matched at the end of what is left
    file: str
    joint: str | None = None  # a regular expression matched just before the other span


@dataclass
class _LabelSource:
    """What the files say about one label, merged, before expansion."""

    label: str
    lists: dict[str, list[str]] = field(default_factory=dict)
    patterns: dict[str, tuple[str, str]] = field(default_factory=dict)  # name: (regex, file)
    rules: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    excludes: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    yields: tuple[dict[str, Any], str] | None = None


@dataclass(frozen=True)
class LabelRules:
    """A label's expanded rules and exclusions, and the files they came from."""

    label: str
    rules: tuple[Rule, ...]
    excludes: tuple[Exclusion, ...]
    files: tuple[str, ...]
    yields: Yield | None = None


def rule_files(folders: Iterable[Path]) -> list[Path]:
    """The ``*.toml`` files of each folder, folder by folder, each sorted by name.

    A folder that does not exist is skipped (a user folder not made yet); a path that
    exists but is not a folder is an error.
    """
    found: list[Path] = []
    for folder in folders:
        folder = Path(folder)
        if not folder.exists():
            continue
        if not folder.is_dir():
            raise RuleError(say(N_("{folder}: not a folder of rule files"), folder=folder))
        found.extend(sorted(p for p in folder.glob("*.toml") if p.is_file()))
    return found


def read_label_rules(files: Sequence[Path]) -> list[LabelRules]:
    """Read, merge and expand ``files`` (in order); one :class:`LabelRules` per label."""
    sources: dict[str, _LabelSource] = {}
    for path in files:
        _read_file(Path(path), sources)
    return [_expand(source) for source in sources.values()]


def _read_file(path: Path, sources: dict[str, _LabelSource]) -> None:
    where = str(path)
    try:
        data = tomllib.loads(
            read_file(path, limit=MAX_RULE_BYTES, what=say(N_("a rule file"))).decode()
        )
    except FileReadError as exc:
        raise RuleError(message_of(exc)) from None
    except UnicodeDecodeError:
        raise RuleError(say(N_("{where}: not UTF-8 text"), where=where)) from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(
            say(N_("{where}: not valid TOML: {exc}"), where=where, exc=message_of(exc))
        ) from None
    unknown = sorted(set(data) - _FILE_KEYS)
    if unknown:
        raise RuleError(
            say(
                N_("{where}: unknown key {unknown} (allowed: {allowed})"),
                where=where,
                unknown=repr(unknown[0]),
                allowed=_sorted(_FILE_KEYS),
            )
        )
    label = data.get("label")
    if not isinstance(label, str) or not label.strip():
        raise RuleError(
            say(N_("{where}: 'label' is missing or not a text (label = \"claim\")"), where=where)
        )
    source = sources.setdefault(label, _LabelSource(label))
    source.files.append(where)

    lists = _table(data, "lists", where)
    for name, words in lists.items():
        _check_name(name, f"list {name!r}", where)
        if name in source.patterns:
            raise RuleError(
                say(
                    N_("{where}: list {name} has the name of a pattern"),
                    where=where,
                    name=repr(name),
                )
            )
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise RuleError(
                say(
                    N_("{where}: list {name} must be a list of non-empty texts"),
                    where=where,
                    name=repr(name),
                )
            )
        source.lists.setdefault(name, []).extend(w.strip() for w in words)

    for name, regex in _table(data, "patterns", where).items():
        _check_name(name, f"pattern {name!r}", where)
        if not isinstance(regex, str) or not regex:
            raise RuleError(
                say(
                    N_("{where}: pattern {name} must be a non-empty text"),
                    where=where,
                    name=repr(name),
                )
            )
        if name in source.lists:
            raise RuleError(
                say(
                    N_("{where}: pattern {name} has the name of a list"),
                    where=where,
                    name=repr(name),
                )
            )
        if name in source.patterns:
            raise RuleError(
                say(
                    N_("{where}: pattern {name} is already defined in {patterns}"),
                    where=where,
                    name=repr(name),
                    patterns=source.patterns[name][1],
                )
            )
        source.patterns[name] = (regex, where)

    if "yield" in data:
        entry = _table(data, "yield", where)
        extra = sorted(set(entry) - _YIELD_KEYS)
        if extra:
            raise RuleError(
                say(
                    N_("{where}: [yield] has unknown key {extra} (allowed: {allowed})"),
                    where=where,
                    extra=repr(extra[0]),
                    allowed=_sorted(_YIELD_KEYS),
                )
            )
        to = entry.get("to")
        if not isinstance(to, list) or not to or not all(isinstance(t, str) and t for t in to):
            raise RuleError(say(N_("{where}: [yield] needs 'to', a list of labels"), where=where))
        if label in to:
            raise RuleError(
                say(
                    N_("{where}: [yield] names the file's own label {label}"),
                    where=where,
                    label=repr(label),
                )
            )
        for key in ("keep", "trim", "joint"):
            if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
                raise RuleError(
                    say(
                        N_("{where}: [yield] {key} must be a non-empty pattern"),
                        where=where,
                        key=key,
                    )
                )
        if source.yields is not None:
            raise RuleError(
                say(
                    N_("{where}: [yield] of {label} is already given in {yields}"),
                    where=where,
                    label=repr(label),
                    yields=source.yields[1],
                )
            )
        source.yields = (entry, where)

    for key, allowed, target in (
        ("rule", _RULE_KEYS, source.rules),
        ("exclude", _EXCLUDE_KEYS, source.excludes),
    ):
        entries = data.get(key, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise RuleError(
                say(
                    N_("{where}: '{key}' must be written as [[{key}]] tables"), where=where, key=key
                )
            )
        for i, entry in enumerate(entries, 1):
            what = f"[[{key}]] number {i}"
            extra = sorted(set(entry) - allowed)
            if extra:
                raise RuleError(
                    say(
                        N_("{where}: {what} has unknown key {extra} (allowed: {allowed})"),
                        where=where,
                        what=what,
                        extra=repr(extra[0]),
                        allowed=_sorted(allowed),
                    )
                )
            name = entry.get("name")
            if not isinstance(name, str) or not _NAME.match(name.replace("-", "_")):
                raise RuleError(
                    say(
                        N_("{where}: {what} needs a 'name' (letters, digits, - and _)"),
                        where=where,
                        what=what,
                    )
                )
            if not isinstance(entry.get("pattern"), str) or not entry["pattern"].strip():
                raise RuleError(
                    say(
                        N_("{where}: {key} {name} needs a 'pattern'"),
                        where=where,
                        key=key,
                        name=repr(name),
                    )
                )
            taken = {e[0]["name"] for e in target}
            if name in taken:
                raise RuleError(
                    say(
                        N_("{where}: {key} {name} is defined twice for {label}"),
                        where=where,
                        key=key,
                        name=repr(name),
                        label=repr(label),
                    )
                )
            target.append((entry, where))


def _expand(source: _LabelSource) -> LabelRules:
    rules = []
    for entry, where in source.rules:
        name = entry["name"]
        what = f"rule {name!r}"
        pattern = _resolve(entry["pattern"], source, what, where, ())
        _compile(pattern, what, where)
        groups = set(_GROUP.findall(pattern))
        prefix = entry.get("prefix")
        if prefix is not None:
            if not isinstance(prefix, str) or not prefix.strip():
                raise RuleError(
                    say(
                        N_("{where}: {what}: prefix must be a non-empty text"),
                        where=where,
                        what=what,
                    )
                )
            if entry.get("span") is not None:
                raise RuleError(
                    say(
                        N_("{where}: {what}: a rule with a prefix cannot also name a span"),
                        where=where,
                        what=what,
                    )
                )
            prefix = _resolve(prefix, source, what, where, ())
            _compile(prefix, f"{what} (prefix)", where)
            prefix_groups = set(_GROUP.findall(prefix))
            shared = groups & prefix_groups
            if shared:
                raise RuleError(
                    say(
                        N_("{where}: {what}: group {groups} is in both prefix and pattern"),
                        where=where,
                        what=what,
                        groups=repr(sorted(shared)[0]),
                    )
                )
            groups |= prefix_groups
        within = entry.get("within")
        if within is not None:
            if not isinstance(within, str) or not within.strip():
                raise RuleError(
                    say(
                        N_("{where}: {what}: within must be a non-empty pattern"),
                        where=where,
                        what=what,
                    )
                )
            if prefix is not None:
                raise RuleError(
                    say(
                        N_("{where}: {what}: a rule with 'within' cannot have a prefix"),
                        where=where,
                        what=what,
                    )
                )
            within = _resolve(within, source, f"{what} (within)", where, ())
            _compile(within, f"{what} (within)", where)
        attributed = entry.get("attributed", False)
        if not isinstance(attributed, bool) or (attributed and within is None):
            raise RuleError(
                say(
                    N_("{where}: {what}: attributed must be true or false, with 'within'"),
                    where=where,
                    what=what,
                )
            )
        unclaimed = entry.get("unclaimed", False)
        if not isinstance(unclaimed, bool) or (unclaimed and within is not None):
            raise RuleError(
                say(
                    N_("{where}: {what}: unclaimed must be true or false, without 'within'"),
                    where=where,
                    what=what,
                )
            )
        confidence = entry.get("confidence", 0.5)
        if (
            isinstance(confidence, bool)
            or not isinstance(confidence, int | float)
            or not 0 < confidence <= 1
        ):
            raise RuleError(
                say(
                    N_("{where}: {what}: confidence must be a number in (0, 1]"),
                    where=where,
                    what=what,
                )
            )
        reason = entry.get("reason", f"rule '{name}'")
        if not isinstance(reason, str) or not reason.strip():
            raise RuleError(
                say(N_("{where}: {what}: reason must be a non-empty text"), where=where, what=what)
            )
        for ref, _ in _TEMPLATE_FIELD.findall(reason):
            if ref not in groups:
                raise RuleError(
                    say(
                        N_(
                            "{where}: {what}: reason uses {{{ref}}} but the pattern has no group "
                            "(?P<{ref}>...)"
                        ),
                        where=where,
                        what=what,
                        ref=ref,
                    )
                )
        span = entry.get("span")
        if span is not None and (not isinstance(span, str) or span not in groups):
            raise RuleError(
                say(
                    N_("{where}: {what}: span {span} is not a named group of its pattern"),
                    where=where,
                    what=what,
                    span=repr(span),
                )
            )
        boost = entry.get("boost", {})
        if not isinstance(boost, dict):
            raise RuleError(
                say(
                    N_("{where}: {what}: boost must be a table of group = amount"),
                    where=where,
                    what=what,
                )
            )
        for group, amount in boost.items():
            if group not in groups:
                raise RuleError(
                    say(
                        N_("{where}: {what}: boost names {group}, not a group"),
                        where=where,
                        what=what,
                        group=repr(group),
                    )
                )
            if isinstance(amount, bool) or not isinstance(amount, int | float):
                raise RuleError(
                    say(
                        N_("{where}: {what}: boost for {group} must be a number"),
                        where=where,
                        what=what,
                        group=repr(group),
                    )
                )
        rules.append(
            Rule(
                label=source.label,
                name=name,
                pattern=pattern,
                confidence=float(confidence),
                reason=reason,
                span=span,
                boost=tuple((g, float(a)) for g, a in boost.items()),
                file=where,
                prefix=prefix,
                within=within,
                attributed=attributed,
                unclaimed=unclaimed,
            )
        )
    excludes = []
    for entry, where in source.excludes:
        what = f"exclude {entry['name']!r}"
        pattern = _resolve(entry["pattern"], source, what, where, ())
        _compile(pattern, what, where)
        excludes.append(Exclusion(source.label, entry["name"], pattern, where))
    yields = None
    if source.yields is not None:
        entry, where = source.yields
        found: dict[str, str | None] = {}
        for key in ("keep", "trim", "joint"):
            found[key] = None
            if key in entry:
                found[key] = _resolve(entry[key], source, f"[yield] {key}", where, ())
                _compile(found[key], f"[yield] {key}", where)
        yields = Yield(tuple(entry["to"]), found["keep"], found["trim"], where, found["joint"])
    return LabelRules(source.label, tuple(rules), tuple(excludes), tuple(source.files), yields)


def _resolve(
    pattern: str, source: _LabelSource, what: str, where: str, stack: tuple[str, ...]
) -> str:
    """``pattern`` with each ``{name}`` replaced by its list or pattern fragment."""

    def not_after(m: re.Match[str]) -> str:
        sign, name, rest = m.group(1), m.group(2), m.group(3)
        if name not in source.lists:
            return m.group(0)  # a pattern fragment: resolved as written below
        if sign == "!":
            return after_none_of(source.lists[name], rest)
        return after_one_of(source.lists[name], rest)

    def replace(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in source.lists:
            return words_regex(source.lists[name])
        if name in source.patterns:
            if name in stack:
                raise RuleError(
                    say(
                        N_("{where}: {what}: pattern {name} refers to itself"),
                        where=where,
                        what=what,
                        name=repr(name),
                    )
                )
            regex, origin = source.patterns[name]
            inner = _resolve(regex, source, f"pattern {name!r}", origin, (*stack, name))
            return f"(?:{inner})"
        raise RuleError(
            say(
                N_(
                    "{where}: {what} refers to {{{name}}}, which is neither a list nor a "
                    "pattern of label {label}"
                ),
                where=where,
                what=what,
                name=name,
                label=repr(source.label),
            )
        )

    return _REFERENCE.sub(replace, _NOT_AFTER.sub(not_after, pattern))


def after_none_of(words: Iterable[str], rest: str = "") -> str:
    """Negative look-behinds: not right after any of ``words`` (a whole word, one space
    for each space in it) followed by ``rest`` (fixed width). Python's look-behinds need
    a fixed width, so there is one per word length; case as in :func:`words_regex`."""
    return "".join(f"(?<!{body})" for body in _behind(words, rest))


def after_one_of(words: Iterable[str], rest: str = "") -> str:
    """A look-behind: right after one of ``words`` followed by ``rest`` (as
    :func:`after_none_of`, one alternative per word length)."""
    return "(?:" + "|".join(f"(?<={body})" for body in _behind(words, rest)) + ")"


def _behind(words: Iterable[str], rest: str) -> list[str]:
    """Fixed-width look-behind bodies, one per word length (and case rule)."""
    by_length: dict[tuple[int, bool], list[str]] = {}
    for word in words:
        word = " ".join(word.split())
        exact = any(c.isupper() for c in word)
        piece = r"\s".join(re.escape(w) for w in word.split(" "))
        by_length.setdefault((len(word), exact), []).append(piece)
    out = []
    for (_length, exact), pieces in sorted(by_length.items()):
        alternatives = "|".join(sorted(pieces))
        body = f"(?:{alternatives})" if exact else f"(?i:{alternatives})"
        out.append(f"\\b{body}{rest}")
    return out


def _compile(pattern: str, what: str, where: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise RuleError(
            say(
                N_("{where}: {what}: not a valid regular expression: {exc}"),
                where=where,
                what=what,
                exc=message_of(exc),
            )
        ) from None


def words_regex(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` as written, longest first.

    Spaces match any run of whitespace; a word in lower case matches in any case
    (``more than`` matches ``More than``), one with a capital letter only as written
    (``USD``, ``HK$``). Built as a trie so that long lists stay fast.
    """
    folded: set[str] = set()
    exact: set[str] = set()
    for word in words:
        (exact if any(c.isupper() for c in word) else folded).add(" ".join(word.split()))
    parts = []
    if exact:
        parts.append(_trie(exact))
    if folded:
        parts.append(f"(?i:{_trie(folded)})")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _trie(words: set[str]) -> str:
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _trie_regex(tree)


def _trie_regex(node: dict[str, Any]) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy optional: the longer word is tried first, the shorter one on failure.
    return f"(?:{body})?" if end else body


def prefixed(pattern: str, prefix: str) -> str:
    """``pattern`` with its named groups renamed ``prefix + name`` (to combine rules)."""
    pattern = _GROUP.sub(lambda m: f"(?P<{prefix}{m.group(1)}>", pattern)
    return _BACKREF.sub(lambda m: m.group(0).replace(m.group(1), prefix + m.group(1)), pattern)


def template_groups(template: str) -> list[str]:
    """The group names a reason template uses."""
    return [ref for ref, _ in _TEMPLATE_FIELD.findall(template)]


def render_reason(template: str, groups: dict[str, str | None]) -> str:
    """The reason text: ``{group}`` is the group's text (spaces collapsed), ``{group?}``
    nothing; a part in ``[...]`` is left out when a group it names did not match."""

    def optional(m: re.Match[str]) -> str:
        inner = m.group(1)
        if all(groups.get(ref) for ref, _ in _TEMPLATE_FIELD.findall(inner)):
            return inner
        return ""

    text = _OPTIONAL.sub(optional, template)
    return _TEMPLATE_FIELD.sub(
        lambda m: "" if m.group(2) else " ".join((groups.get(m.group(1)) or "").split()), text
    )


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise RuleError(say(N_("{where}: [{key}] must be a table"), where=where, key=key))
    return value


def _check_name(name: str, what: str, where: str) -> None:
    if not _NAME.match(name):
        raise RuleError(
            say(N_("{where}: {what}: names are letters, digits and _"), where=where, what=what)
        )


def _sorted(keys: set[str]) -> str:
    return ", ".join(sorted(keys))
