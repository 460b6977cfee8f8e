"""README's "Curating claims" section: the terminal transcript of ``add --review`` is real output."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from wickgraph.build import build
from wickgraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
COMMAND = "wickgraph add tests/data/reviews-in/ballerina-short.txt --review"
ANSWERS = "a\na\na\na\na\nr\ne\n4.5\n\ny\n"  # accept five, reject the reprise, rating 4 -> 4.5, write


def transcript(tmp_path: Path) -> str:
    """What an editor sees (answers echoed), run on a copy of data/ in ``tmp_path``."""
    data, store = tmp_path / "data", tmp_path / "store"
    shutil.copytree(ROOT / "data", data)
    build(data, store)
    runner = CliRunner(echo_stdin=True)
    result = runner.invoke(cli, [*COMMAND.split()[1:], "--data", str(data), "--store", str(store)], input=ANSWERS,
                           env={"WICKGRAPH_EDITOR": "Dana Editor"})
    assert result.exit_code == 0, result.output
    return f"$ {COMMAND}\n{result.output}"


def readme_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```text\n(\$ " + re.escape(COMMAND) + r"\n.*?)```", text, re.DOTALL)
    assert found, "README.md has no ```text block of the add --review transcript"
    return found[1]


def test_readme_shows_the_real_add_review_transcript(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert readme_block() == transcript(tmp_path)
