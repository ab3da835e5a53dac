"""What the window calls each kind of attribute, in the language shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from annotator.core.attributes import KIND_NAMES
from annotator.ui.i18n import tr

KIND_TEXTS = {
    "text": QT_TR_NOOP("text"),
    "number": QT_TR_NOOP("number"),
    "choice": QT_TR_NOOP("choice"),
    "boolean": QT_TR_NOOP("yes/no"),
}


def kind_text(kind: str) -> str:
    """The shown name of attribute kind ``kind`` (the kind itself if unknown)."""
    return tr(KIND_TEXTS[kind]) if kind in KIND_TEXTS else KIND_NAMES.get(kind, kind)
