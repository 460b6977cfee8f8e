"""Regenerate README.md's command outputs and named-query table from the real program.

    python scripts/update_readme.py        # rewrite README.md in place
    python scripts/update_readme.py --check  # exit 1 if README.md is out of date

Console blocks (```console with a `$ wickgraph ...` first line) get that command's output,
run against a store built from data/ in a temporary folder. tests/test_docs.py checks the same.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wickgraph.build import build
from wickgraph.cli import cli
from wickgraph.queries import discover

README = ROOT / "README.md"


def query_table() -> str:
    rows = ["| query | answers | parameters |", "|---|---|---|"]
    for name, query in discover().items():
        params = ", ".join(f"`{p.name}` (default `{p.default}`)" for p in query.params) or ""
        rows.append(f"| `{name}` | {query.description} | {params} |")
    return "\n".join(rows)


def render(text: str, store: Path) -> str:
    os.environ["WICKGRAPH_STORE"] = str(store)
    os.chdir(ROOT)  # example paths are relative to the checkout

    def run(match: re.Match[str]) -> str:
        command = match[1]
        result = CliRunner().invoke(cli, shlex.split(command)[1:])
        if result.exit_code != 0:
            raise SystemExit(f"{command} failed: {result.output}")
        return f"```console\n$ {command}\n{result.stdout}```"

    text = re.sub(r"```console\n\$ (wickgraph [^\n]*)\n.*?```", run, text, flags=re.S)
    return re.sub(r"(<!-- query-table -->).*?(<!-- /query-table -->)",
                  lambda m: f"{m[1]}\n{query_table()}\n{m[2]}", text, flags=re.S)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        build(ROOT / "data", Path(tmp) / "store")
        current = README.read_text(encoding="utf-8")
        fresh = render(current, Path(tmp) / "store")
    if "--check" in sys.argv:
        if fresh != current:
            print("README.md is out of date: run python scripts/update_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
