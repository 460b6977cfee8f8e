"""`serve --allow-update` and `build` exclude each other: the server's writes are never pulled from under it."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from wickgraph import transaction
from wickgraph.errors import StoreError
from wickgraph.server.app import create_app

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _insert(n: int) -> dict[str, str]:
    return {"update": f"INSERT DATA {{ GRAPH <http://example.org/g{n}> {{ <http://example.org/s> "
                      f"<http://example.org/p> {n} }} }}"}


def _wickgraph(*args: str, data: Path, store: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WICKGRAPH_DATA": str(data), "WICKGRAPH_STORE": str(store)}
    return subprocess.run([sys.executable, "-m", "wickgraph", *args], env=env, capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False)


def test_a_build_is_refused_while_the_server_writes_and_later_writes_still_land(
        data_dir: Path, built_store_dir: Path) -> None:
    app = create_app(store_path=built_store_dir, allow_update=True, token=TOKEN, data_dir=data_dir)
    with TestClient(app) as client:
        assert client.post("/sparql", data=_insert(1), headers=AUTH).status_code == 204

        build = _wickgraph("build", data=data_dir, store=built_store_dir)

        assert build.returncode == 2
        assert build.stderr == (f"Error: {built_store_dir}: the store is open for writing in another process "
                                "(is `wickgraph serve` or another `wickgraph add` running?)\n")
        assert client.post("/sparql", data=_insert(2), headers=AUTH).status_code == 204
        found = client.get("/sparql", params={"query": "SELECT ?g WHERE { GRAPH ?g { ?s <http://example.org/p> ?o } } "
                                                        "ORDER BY ?g"}, headers={"Accept": "text/csv"})
        assert found.text.split() == ["g", "http://example.org/g1", "http://example.org/g2"]
        # the server's writes change the store only (README, Reliability): check names them
        check = _wickgraph("check", data=data_dir, store=built_store_dir)
    assert check.returncode == 1
    assert check.stdout.splitlines() == ["<http://example.org/g1> not in data/", "<http://example.org/g2> not in data/"]


def test_a_writable_server_does_not_start_while_a_build_holds_the_data_folder(
        data_dir: Path, built_store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_locked = transaction.locked
    monkeypatch.setattr(transaction, "locked", lambda data, timeout: real_locked(data, 0.2))
    with open(data_dir / ".wickgraph.lock", "a+b") as held:  # what `wickgraph build` holds while it runs
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(StoreError, match=r"another wickgraph command .* is writing to this data folder"):
            create_app(store_path=built_store_dir, allow_update=True, token=TOKEN, data_dir=data_dir)
