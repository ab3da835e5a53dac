"""The Qt widgets. The only package that imports PySide6."""

from __future__ import annotations
