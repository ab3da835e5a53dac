"""Hatchling's hooks for this project (pyproject.toml names them; not part of the app).

- :class:`CompiledCatalogues`: the wheel carries each translation catalogue
  ``resources/i18n/<name>.ts`` compiled as ``<name>-<digest>.qm`` beside it, ``<digest>``
  being the first 16 hex digits of the catalogue's SHA-256, the name annotator.ui.i18n
  looks for. The compiler is the ``lrelease`` PySide6 ships, found through an importable
  PySide6 or a ``pyside6-lrelease`` on PATH; without one the wheel carries the ``.ts``
  alone and the app compiles it on first use. A catalogue lrelease rejects fails the build.
- :class:`PyPIReadme`: the long description is README.md with its links to files of the
  repository reduced to their text and its screenshots left out: PyPI shows the README
  without the repository, so those links and images would be broken there.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

CATALOGUES = "resources/i18n"
# Where pyproject.toml's wheel `sources` put resources/i18n inside the wheel.
CATALOGUES_IN_WHEEL = "annotator/_data/resources/i18n"


def catalogue_digest(source: Path) -> str:
    """The digest a compiled catalogue is named by (annotator.ui.i18n computes the same)."""
    return hashlib.sha256(source.read_bytes()).hexdigest()[:16]


def find_lrelease() -> list[str] | None:
    """The command that runs PySide6's lrelease, or None when this build has none."""
    try:
        import PySide6
    except ImportError:
        pass
    else:
        name = "lrelease.exe" if os.name == "nt" else "lrelease"
        tool = Path(PySide6.__file__).parent / name
        if tool.is_file():
            return [str(tool)]
    wrapper = shutil.which("pyside6-lrelease")
    return [wrapper] if wrapper else None


class CompiledCatalogues(BuildHookInterface):
    """Adds the compiled catalogues to a (non-editable) wheel; see the module docstring."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._folder: Path | None = None
        sources = sorted(Path(self.root, CATALOGUES).glob("*.ts"))
        if version == "editable" or not sources:
            return  # an editable install reads the repository's resources/ itself
        lrelease = find_lrelease()
        if lrelease is None:
            self.app.display_warning(
                "PySide6's lrelease not found: the wheel carries the translation catalogues "
                "uncompiled (the app compiles them on first use)"
            )
            return
        self._folder = Path(tempfile.mkdtemp(prefix="annotator-catalogues-"))
        for source in sources:
            compiled = self._folder / f"{source.stem}-{catalogue_digest(source)}.qm"
            result = subprocess.run(
                [*lrelease, "-silent", str(source), "-qm", str(compiled)],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0 or not compiled.is_file():
                raise RuntimeError(
                    f"{source}: lrelease could not compile this catalogue "
                    f"(exit code {result.returncode}): {result.stderr.strip()}"
                )
            build_data["force_include"][str(compiled)] = f"{CATALOGUES_IN_WHEEL}/{compiled.name}"
        self.app.display_info(f"compiled {len(sources)} translation catalogue(s)")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)


# A link or image whose target has no scheme (https:, mailto:) and is not an anchor: a file
# of the repository. An image takes the caption paragraph in italics right after it along.
_IMAGE = re.compile(
    r"!\[[^\]]*\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:)[^)]*\)"
    r"(?:\n\n\*(?=\S)(?:[^*\n]|\n(?!\n))+\*(?=\n))?\n*"
)
_LINK = re.compile(r"\[([^\]]+)\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:|#)[^)]*\)")


def readme_for_pypi(text: str) -> str:
    """README.md without links into the repository (their text stays) nor its images."""
    return _LINK.sub(r"\1", _IMAGE.sub("", text))


class PyPIReadme(MetadataHookInterface):
    """Sets the long description; see the module docstring."""

    PLUGIN_NAME = "custom"

    def update(self, metadata: dict[str, Any]) -> None:
        text = Path(self.root, "README.md").read_text(encoding="utf-8")
        metadata["readme"] = {"content-type": "text/markdown", "text": readme_for_pypi(text)}
