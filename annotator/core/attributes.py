"""Typed annotation attributes: reading what a user typed, checking stored values and
label schemes. Plain functions; problems are returned or raised as readable messages."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from annotator.core.messages import N_, say
from annotator.core.model import ATTRIBUTE_KINDS, AttributeSpec, AttributeValue

KIND_NAMES = {"text": "text", "number": "number", "choice": "choice", "boolean": "yes/no"}
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


def as_attributes(
    values: Mapping[str, AttributeValue],
) -> tuple[tuple[str, AttributeValue], ...]:
    """The canonical form an :class:`Annotation` holds: pairs sorted by name."""
    return tuple(sorted(values.items()))


def parse_input(spec: AttributeSpec, raw: str) -> AttributeValue | None:
    """The value a user typed (or picked) for ``spec``; ``None`` for blank (unset).

    Numbers may use thousands separators (``2,000``); yes/no accepts yes/no, true/false,
    1/0. Raises :class:`ValueError` with a message that names the attribute.
    """
    text = raw.strip()
    if not text:
        return None
    if spec.kind == "number":
        if _THOUSANDS.fullmatch(text):
            text = text.replace(",", "")
        if not _DECIMAL.fullmatch(text):
            raise ValueError(
                say(
                    N_("{name}: {raw} is not a number (e.g. 2000 or 12.5)"),
                    name=spec.name,
                    raw=repr(raw.strip()),
                )
            )
        if re.fullmatch(r"[+-]?\d+", text):
            if len(text) > 300:
                raise ValueError(
                    say(
                        N_("{name}: {count} digits is too long a number"),
                        name=spec.name,
                        count=len(text),
                    )
                )
            return int(text)
        value = float(text)
        if not math.isfinite(value):
            raise ValueError(
                say(N_("{name}: {raw} is too large"), name=spec.name, raw=repr(raw.strip()))
            )
        return value
    if spec.kind == "boolean":
        folded = text.casefold()
        if folded in _YES:
            return True
        if folded in _NO:
            return False
        raise ValueError(
            say(N_("{name}: answer yes or no, not {raw}"), name=spec.name, raw=repr(raw.strip()))
        )
    if spec.kind == "choice" and text not in spec.choices:
        raise ValueError(
            say(
                N_("{name}: {text} is not one of {items}"),
                name=spec.name,
                text=repr(text),
                items=", ".join(spec.choices),
            )
        )
    return text


def value_problem(spec: AttributeSpec, value: object) -> str | None:
    """Why ``value`` cannot be ``spec``'s value, or ``None`` when it can."""
    if spec.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return say(N_("expected a number"))
        if isinstance(value, float) and not math.isfinite(value):
            return say(N_("expected a finite number"))
        return None
    if spec.kind == "boolean":
        return None if isinstance(value, bool) else say(N_("expected true or false"))
    if not isinstance(value, str):
        return say(N_("expected a string"))
    if spec.kind == "choice" and value not in spec.choices:
        return say(
            N_("{value} is not one of the choices {choices}"),
            value=repr(value),
            choices=list(spec.choices),
        )
    return None


def is_scalar(value: object) -> bool:
    """Whether ``value`` can be stored as an attribute value at all."""
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, str | int | bool)


def format_value(value: AttributeValue) -> str:
    """How a value reads in a list, a tooltip or a CSV cell."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def spec_problems(specs: Iterable[AttributeSpec]) -> list[str]:
    """What is wrong with a label's attribute definitions (empty when nothing is)."""
    problems: list[str] = []
    seen: set[str] = set()
    for spec in specs:
        name = spec.name.strip()
        if not name:
            problems.append(say(N_("an attribute has no name")))
            continue
        if name != spec.name:
            problems.append(
                say(N_("attribute {name} starts or ends with a space"), name=repr(spec.name))
            )
        if name in seen:
            problems.append(say(N_("attribute {name} is defined twice"), name=repr(name)))
        seen.add(name)
        if spec.kind not in ATTRIBUTE_KINDS:
            problems.append(
                say(
                    N_("attribute {name} has unknown type {kind} (one of {items})"),
                    name=repr(name),
                    kind=repr(spec.kind),
                    items=", ".join(ATTRIBUTE_KINDS),
                )
            )
        if spec.kind == "choice":
            if not spec.choices:
                problems.append(
                    say(N_("choice attribute {name} lists no choices"), name=repr(name))
                )
            if any(not c.strip() for c in spec.choices):
                problems.append(
                    say(N_("choice attribute {name} has an empty choice"), name=repr(name))
                )
            if len(set(spec.choices)) != len(spec.choices):
                problems.append(
                    say(N_("choice attribute {name} lists a choice twice"), name=repr(name))
                )
        elif spec.choices:
            problems.append(
                say(
                    N_("only choice attributes list choices ({name} is {kind})"),
                    name=repr(name),
                    kind=spec.kind,
                )
            )
    return problems


def spec_to_dict(spec: AttributeSpec) -> dict[str, object]:
    """The JSON shape of an attribute definition (in sets, schemes and the database)."""
    return {
        "name": spec.name,
        "type": spec.kind,
        "choices": list(spec.choices),
        "description": spec.description,
    }


def spec_from_dict(item: Mapping[str, object]) -> AttributeSpec:
    """An attribute definition from its JSON shape; the caller has checked the types."""
    choices = item.get("choices") or ()
    assert isinstance(choices, list | tuple)
    return AttributeSpec(
        name=str(item["name"]),
        kind=str(item.get("type", "text")),
        choices=tuple(str(c) for c in choices),
        description=str(item.get("description") or ""),
    )


def clashes(
    specs: Iterable[AttributeSpec], values: Iterable[tuple[str, AttributeValue]]
) -> list[str]:
    """``name = value: problem`` for each value that does not fit the definition of
    the same name in ``specs`` (values with no definition never clash)."""
    by_name = {spec.name: spec for spec in specs}
    out = []
    for name, value in values:
        spec = by_name.get(name)
        problem = None if spec is None else value_problem(spec, value)
        if problem is not None:
            out.append(
                say(
                    N_("{name} = {value}: {problem}"), name=name, value=repr(value), problem=problem
                )
            )

    return out


def attribute_title(name: str) -> str:
    """An attribute's name as the window shows it: ``what_counted`` → ``What counted``."""
    return name.replace("_", " ").capitalize()
