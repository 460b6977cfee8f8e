"""Docs that cannot drift: README examples are real output, every command is documented."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from wickgraph.cli import cli
from wickgraph.queries import discover

README = Path(__file__).resolve().parent.parent / "README.md"
TEXT = README.read_text(encoding="utf-8")


def console_examples() -> list[tuple[str, str]]:
    """Each ```console block's ``$ wickgraph ...`` line and the output shown under it."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", TEXT, re.S):
        command, _, output = block.partition("\n")
        assert command.startswith("$ wickgraph "), command
        examples.append((command[2:], output))
    return examples


@pytest.mark.parametrize(("command", "expected"), console_examples(), ids=[c for c, _ in console_examples()])
def test_readme_console_example_is_current(command: str, expected: str, shared_store_dir: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WICKGRAPH_STORE", str(shared_store_dir))
    monkeypatch.chdir(README.parent)  # example paths are relative to the checkout
    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    assert result.exit_code == 0, result.output
    assert result.stdout == expected


def test_readme_python_example_runs(shared_store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WICKGRAPH_STORE", str(shared_store_dir))
    blocks = re.findall(r"```pycon\n(.*?)```", TEXT, re.S)
    assert blocks
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for number, block in enumerate(blocks):
        runner.run(parser.get_doctest(block, {}, f"README-{number}", str(README), 0))
    assert runner.failures == 0


def test_every_command_is_documented_with_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        assert f"wickgraph {name}" in TEXT, f"README does not mention `wickgraph {name}`"
        assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0


def test_every_named_query_is_listed_in_the_readme() -> None:
    for name in discover():
        assert f"| `{name}` |" in TEXT, f"README's query table lacks {name}"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (README.parent / ".ci" / "run").read_text()
    assert "<!-- test-command -->" in TEXT and "<!-- test-command -->" in ci


def test_the_test_command_runs_every_gate() -> None:
    command = TEXT.split("<!-- test-command -->", 1)[1].split("```bash\n", 1)[1].split("\n", 1)[0]
    steps = [step.strip() for step in command.split("&&")]
    gates = [".venv/bin/ruff check .", ".venv/bin/mypy", ".venv/bin/python scripts/update_readme.py --check",
             ".venv/bin/python -m pytest"]
    assert steps[-len(gates):] == gates
