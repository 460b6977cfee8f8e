"""Regenerate README.md's command outputs and named-query table from the real program.

    python scripts/update_readme.py        # rewrite README.md in place
    python scripts/update_readme.py --check  # exit 1 if README.md is out of date

Console blocks (```console with a `$ wickgraph ...` first line) get that command's output,
run against a store built from data/ in a temporary folder. tests/test_docs.py checks the same.
Shell-session blocks (```shell-session with a `$ curl -s [-H 'Accept: ...'] http://127.0.0.1:7878/PATH`
first line) get the body `wickgraph serve` answers on that store; tests/test_pages.py checks them.
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


def curl(command: str, store: Path) -> str:
    """The body ``wickgraph serve`` on ``store`` answers to a README ``curl -s -H ... URL`` line."""
    from urllib.parse import urlsplit

    from starlette.testclient import TestClient

    from wickgraph.server.app import create_app

    words = shlex.split(command)
    headers = dict(words[i + 1].split(": ", 1) for i, word in enumerate(words) if word == "-H")
    with TestClient(create_app(store_path=store)) as client:
        return client.get(urlsplit(words[-1]).path, headers=headers).text


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
    text = re.sub(r"```shell-session\n\$ (curl [^\n]*)\n.*?```",
                  lambda m: f"```shell-session\n$ {m[1]}\n{curl(m[1], store)}```", text, flags=re.S)
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
