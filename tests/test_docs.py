"""README and the guide in docs/: every link between them leads somewhere, and README
stays a front door."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.app.guide import heading_anchor

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchors(page: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    return {heading_anchor(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.M)}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_link_leads_to_a_file_and_heading(page):
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        name, _, anchor = target.partition("#")
        linked = (page.parent / name).resolve() if name else page
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif anchor and anchor not in anchors(linked):
            broken.append(f"{target}: no such heading in {linked.name}")
    assert broken == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_page_names_a_path_of_one_machine(page):
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"/work/|\.\./shared|/root/|/tmp/pytest", text)


def test_readme_is_a_front_door_to_every_page_of_the_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 250
    linked = {Path(t.partition("#")[0]).name for t in LINK.findall(readme)}
    guide = {p.name for p in PAGES[1:]}
    assert guide - linked == set()
    # The quick start's two commands, which .ci/run runs the second of.
    assert "make run     # " in readme and "make test    # " in readme
