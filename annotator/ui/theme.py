"""Colours that follow the palette (light or dark), and a forced light, dark or
high-contrast theme.

Everything the app paints itself takes its colours from the widget's palette through
these helpers, so it reads well on a light or a dark system palette and follows a
live change of it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from annotator.app.preferences import THEMES
from annotator.core.colors import (
    MIN_CONTRAST,
    RGB,
    contrast,
    luminance,
    readable_blend,
    visible_blend,
)

DARK_PAGE = 0.2  # a Base colour darker than this (relative luminance) is a dark page


def rgb(color: QColor) -> RGB:
    return (color.red(), color.green(), color.blue())


def highlight_color(color: QColor, strength: float, palette: QPalette) -> QColor:
    """A background for text: ``color`` blended over the palette's Base with opacity
    ``strength``, weakened where needed so Text on it keeps WCAG AA contrast."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    if luminance(rgb(base)) < DARK_PAGE:  # a dark page: strong enough to be seen
        return QColor(*visible_blend(rgb(color), rgb(base), rgb(text), strength))
    return QColor(*readable_blend(rgb(color), rgb(base), rgb(text), strength))


def legible_on(background: QColor, *candidates: str) -> QColor:
    """The first of ``candidates`` readable on ``background`` (WCAG AA), else the one
    with the most contrast."""
    colors = [QColor(c) for c in candidates]
    for color in colors:
        if contrast(rgb(color), rgb(background)) >= MIN_CONTRAST:
            return color
    return max(colors, key=lambda c: contrast(rgb(c), rgb(background)))


_DARK = {
    "Window": "#2b2b2b",
    "WindowText": "#e6e6e6",
    "Base": "#1f1f1f",
    "AlternateBase": "#282828",
    "Text": "#e6e6e6",
    "PlaceholderText": "#8c8c8c",
    "Button": "#353535",
    "ButtonText": "#e6e6e6",
    "BrightText": "#ff6b6b",
    "Light": "#4a4a4a",
    "Midlight": "#3e3e3e",
    "Mid": "#2f2f2f",
    "Dark": "#1a1a1a",
    "Shadow": "#0a0a0a",
    "Highlight": "#2f6fbf",
    "HighlightedText": "#ffffff",
    "Link": "#6cb4ff",
    "LinkVisited": "#b99cff",
    "ToolTipBase": "#3a3a3a",
    "ToolTipText": "#e6e6e6",
}
_DARK_DISABLED = {"WindowText": "#7a7a7a", "Text": "#7a7a7a", "ButtonText": "#7a7a7a"}

_LIGHT = {
    "Window": "#efefef",
    "WindowText": "#000000",
    "Base": "#ffffff",
    "AlternateBase": "#f7f7f7",
    "Text": "#000000",
    "PlaceholderText": "#7f7f7f",
    "Button": "#efefef",
    "ButtonText": "#000000",
    "BrightText": "#ffffff",
    "Light": "#ffffff",
    "Midlight": "#cacaca",
    "Mid": "#b8b8b8",
    "Dark": "#9f9f9f",
    "Shadow": "#767676",
    "Highlight": "#2a78b8",  # Fusion's #308cc6, darkened: white text on it reads (AA)
    "HighlightedText": "#ffffff",
    "Link": "#0000ff",
    "LinkVisited": "#ff00ff",
    "ToolTipBase": "#ffffdc",
    "ToolTipText": "#000000",
}
_LIGHT_DISABLED = {"WindowText": "#bebebe", "Text": "#bebebe", "ButtonText": "#bebebe"}

# White on black, yellow selection, every edge drawn: for low vision and bright rooms.
_HIGH_CONTRAST = {
    "Window": "#000000",
    "WindowText": "#ffffff",
    "Base": "#000000",
    "AlternateBase": "#1a1a1a",
    "Text": "#ffffff",
    "PlaceholderText": "#c0c0c0",
    "Button": "#000000",
    "ButtonText": "#ffffff",
    "BrightText": "#ffff00",
    "Light": "#ffffff",
    "Midlight": "#ffffff",
    "Mid": "#c0c0c0",
    "Dark": "#ffffff",
    "Shadow": "#ffffff",
    "Highlight": "#ffff00",
    "HighlightedText": "#000000",
    "Link": "#80d0ff",
    "LinkVisited": "#ffa0ff",
    "ToolTipBase": "#000000",
    "ToolTipText": "#ffffff",
}
# Fusion draws the frames of fields in a shade of the window's colour: black on black.
_HIGH_CONTRAST_SHEET = (
    "QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox,"
    " QDateEdit { border: 1px solid #ffffff; }"
    " QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus, QComboBox:focus"
    " { border: 2px solid #ffff00; }"
)
_HIGH_CONTRAST_DISABLED = {"WindowText": "#a0a0a0", "Text": "#a0a0a0", "ButtonText": "#a0a0a0"}
_PALETTES = {
    "light": (_LIGHT, _LIGHT_DISABLED),
    "dark": (_DARK, _DARK_DISABLED),
    "high-contrast": (_HIGH_CONTRAST, _HIGH_CONTRAST_DISABLED),
}
# The platform's own style and palette, kept when a theme first replaces them.
_system: tuple[str, QPalette] | None = None


def theme_palette(theme: str) -> QPalette:
    """The palette of the ``"light"``, ``"dark"`` or ``"high-contrast"`` theme."""
    roles, disabled = _PALETTES.get(theme, _PALETTES["light"])
    palette = QPalette()
    for name, value in roles.items():
        palette.setColor(QPalette.ColorRole[name], QColor(value))
    for name, value in disabled.items():
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole[name], QColor(value))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    """``"system"`` leaves the platform's palette (and its live changes) alone, or gives
    it back after another theme; ``"light"``, ``"dark"`` and ``"high-contrast"`` force
    that palette (with the Fusion style, which honours palettes everywhere)."""
    global _system
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
    if theme == "system":
        if _system is not None:
            style, palette = _system
            _system = None
            app.setStyle(style)
            app.styleHints().unsetColorScheme()
            app.setPalette(palette)
            app.setStyleSheet("")
        return
    if _system is None:
        _system = (app.style().name(), QPalette(app.palette()))
    app.setStyle("Fusion")
    scheme = Qt.ColorScheme.Light if theme == "light" else Qt.ColorScheme.Dark
    app.styleHints().setColorScheme(scheme)  # native dialogs follow, where they can
    app.setPalette(theme_palette(theme))
    app.setStyleSheet(_HIGH_CONTRAST_SHEET if theme == "high-contrast" else "")
