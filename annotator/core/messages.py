"""Messages made outside the window that the window may show in the user's language.

Core, store, formats and app know no Qt, so they cannot translate. They mark a template
with :func:`N_` (``pyside6-lupdate -tr-function-alias QT_TR_NOOP+=N_`` puts it in the
catalogue) and make the message with :func:`say`: a :class:`Said` *is* the English text, so
``str(exc)``, logs and the command line read exactly as before, and it keeps the template
and the values that the window (``annotator.ui.i18n.tr_said``) translates and fills in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def N_(text: str) -> str:
    """``text`` unchanged: marks a template for extraction into the catalogues."""
    return text


# The most common message: a file, then what is wrong with it.
FILE_PROBLEM = N_("{file}: {problem}")
# Separators of :func:`joined` that read differently in other languages.
SEPARATORS = (N_("; "),)


class Said(str):
    """The English text of ``template.format(**params)``, keeping both.

    A value in ``params`` may itself be a :class:`Said` (a message inside a message: the
    problem after a file name), and is translated with it."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, params: dict[str, Any]) -> Said:
        said = super().__new__(cls, template.format(**params))
        said.template = template
        said.params = params
        return said

    def __reduce__(self) -> tuple[type[Said], tuple[str, dict[str, Any]]]:
        return Said, (self.template, self.params)


def say(template: str, **params: Any) -> Said:
    """The message ``template`` (marked with :func:`N_`) with ``params`` put in."""
    return Said(template, params)


def joined(separator: str, parts: Iterable[str]) -> Said:
    """``separator.join(parts)`` that keeps each part a message of its own; the separator
    is translated too when it is one of :data:`SEPARATORS`."""
    params: dict[str, Any] = {f"part{i}": part for i, part in enumerate(parts)}
    names = list(params)
    params["separator"] = Said(separator.replace("{", "{{").replace("}", "}}"), {})
    return Said("{separator}".join(f"{{{name}}}" for name in names), params)


def message_of(error: BaseException) -> str:
    """What ``error`` says: its :class:`Said` when it was made with one (to put inside
    another message), else ``str(error)``."""
    if len(error.args) == 1 and isinstance(error.args[0], Said):
        return error.args[0]
    return str(error)
