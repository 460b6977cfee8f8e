"""Real servers for tests: Oxigraph, ``wickgraph serve`` and Virtuoso on free 127.0.0.1 ports.

Each fixture starts its server in a temporary folder, waits until it answers, and stops it
in a finalizer whatever happens. Test modules import the fixtures they use from here
(``conftest.py`` belongs to the lead). Nothing here talks to anything but loopback.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
OXIGRAPH = shutil.which("oxigraph", path=str(VENV_BIN)) or shutil.which("oxigraph")
VIRTUOSO = shutil.which("virtuoso-t")
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")

TINY_TRIG = """
@prefix wg: <https://w3id.org/wickgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix work: <https://w3id.org/wickgraph/id/work/> .
@prefix person: <https://w3id.org/wickgraph/id/person/> .
@prefix character: <https://w3id.org/wickgraph/id/character/> .
@prefix perf: <https://w3id.org/wickgraph/id/performance/> .

<https://w3id.org/wickgraph/graph/reference> {
  work:john-wick-2014 a wg:Film ; rdfs:label "John Wick" ; wg:releaseYear 2014 .
  work:ballerina-2025 a wg:Film ; rdfs:label "Ballerina" ; wg:releaseYear 2025 .
  person:keanu-reeves a wg:Person ; rdfs:label "Keanu Reeves" .
  person:ana-de-armas a wg:Person ; rdfs:label "Ana de Armas" .
  character:john-wick a wg:Character ; rdfs:label "John Wick" .
  character:eve-macarro a wg:Character ; rdfs:label "Eve Macarro" .
  perf:john-wick-2014--john-wick--keanu-reeves a wg:Performance ;
      wg:actor person:keanu-reeves ; wg:character character:john-wick ; wg:work work:john-wick-2014 .
  perf:ballerina-2025--eve-macarro--ana-de-armas a wg:Performance ;
      wg:actor person:ana-de-armas ; wg:character character:eve-macarro ; wg:work work:ballerina-2025 .
  perf:ballerina-2025--john-wick--keanu-reeves a wg:Performance ;
      wg:actor person:keanu-reeves ; wg:character character:john-wick ; wg:work work:ballerina-2025 .
}
<https://w3id.org/wickgraph/graph/review/r-000000000001> {
  work:ballerina-2025 wg:releaseYear 2024 .
}
"""
"""A tiny dataset in the project's shape, for tests that need exact answers."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ServerProcess:
    """A server started as a subprocess, with its log and how to tell it is up."""

    name: str
    command: list[str]
    ready_url: str
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def log(self) -> Path:
        return self.workdir / f"{self.name}.log"

    def start(self, timeout: float = 30.0) -> ServerProcess:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                self.command, stdout=log, stderr=subprocess.STDOUT, cwd=self.workdir,
                env={**os.environ, **self.env}, start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}: {self.tail()}")
            try:
                if httpx.get(self.ready_url, timeout=1.0, trust_env=False).status_code < 500:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer {self.ready_url} within {timeout:g} s: {self.tail()}")

    def tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        """Terminate the server (its whole process group), then kill it if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


@dataclass
class Endpoint:
    """A running SPARQL server: where to query, where its Graph Store is, and its process."""

    query_url: str
    graph_store_url: str
    server: ServerProcess
    auth: tuple[str, str] | None = None


def missing(what: str) -> None:
    """Skip on a developer's machine without the server; fail in CI, which installs it (.ci/run)."""
    if os.environ.get("CI"):
        pytest.fail(f"{what}; CI must install it (scripts/ci-system-packages.sh)")
    pytest.skip(what)


def start_oxigraph(workdir: Path) -> Endpoint:
    """``oxigraph serve`` on a fresh store in ``workdir``."""
    if OXIGRAPH is None:
        missing("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = ServerProcess(
        "oxigraph", [OXIGRAPH, "serve", "--location", str(workdir / "oxigraph-store"), "--bind", f"127.0.0.1:{port}"],
        ready_url=f"{base}/query?query=ASK%7B%7D", workdir=workdir,
    ).start()
    return Endpoint(f"{base}/query", f"{base}/store", server)


def start_wickgraph(workdir: Path, store_dir: Path, *extra: str) -> Endpoint:
    """``wickgraph serve`` (uvicorn) on ``store_dir``."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = ServerProcess(
        "wickgraph",
        [sys.executable, "-m", "wickgraph", "serve", "--store", str(store_dir), "--port", str(port), *extra],
        ready_url=f"{base}/sparql", workdir=workdir, env={"PYTHONPATH": str(ROOT)},
    ).start()
    return Endpoint(f"{base}/sparql", f"{base}/store", server)


def virtuoso_ini(template: str, database: Path, sql_port: int, http_port: int) -> str:
    """Debian's virtuoso.ini with the database in ``database`` and both ports on 127.0.0.1 only."""
    settings = {
        "[Database]": {
            "DatabaseFile": database / "virtuoso.db", "ErrorLogFile": database / "virtuoso.log",
            "LockFile": database / "virtuoso.lck", "TransactionFile": database / "virtuoso.trx",
            "xa_persistent_file": database / "virtuoso.pxa",
        },
        "[TempDatabase]": {"DatabaseFile": database / "virtuoso-temp.db",
                           "TransactionFile": database / "virtuoso-temp.trx"},
        "[Parameters]": {"ServerPort": f"127.0.0.1:{sql_port}", "DirsAllowed": f"., {database}",
                         "NumberOfBuffers": 10000, "MaxDirtyBuffers": 6000},
        "[HTTPServer]": {"ServerPort": f"127.0.0.1:{http_port}", "ServerThreads": 10},
        "[URIQA]": {"DefaultHost": f"127.0.0.1:{http_port}"},
    }
    dropped = {"[Zero Config]": {"ServerName"}, "[Plugins]": {"Load1", "Load2", "Load3", "Load4", "Load5"}}
    lines, section = [], ""
    for line in template.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped
        key = stripped.split("=", 1)[0].strip() if "=" in stripped and not stripped.startswith(";") else ""
        if key in dropped.get(section, ()):
            continue
        if key in settings.get(section, {}):
            line = f"{key} = {settings[section][key]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def start_virtuoso(workdir: Path) -> Endpoint:
    """Virtuoso 7 with its database in ``workdir`` and both ports on 127.0.0.1 (user ``dba``, password ``dba``)."""
    if VIRTUOSO is None or not VIRTUOSO_INI.is_file():
        missing("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    sql_port, http_port = free_port(), free_port()
    database = workdir / "virtuoso"
    database.mkdir()
    ini = database / "virtuoso.ini"
    ini.write_text(virtuoso_ini(VIRTUOSO_INI.read_text(), database, sql_port, http_port))
    base = f"http://127.0.0.1:{http_port}"
    server = ServerProcess(
        "virtuoso", [VIRTUOSO, "+foreground", "+configfile", str(ini)],
        ready_url=f"{base}/sparql?query=ASK%7B%7D", workdir=database,
    ).start(timeout=90)
    return Endpoint(f"{base}/sparql", f"{base}/sparql-graph-crud-auth", server, auth=("dba", "dba"))


@pytest.fixture(scope="session")
def oxigraph_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoint]:
    """An empty Oxigraph server for the whole session."""
    endpoint = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    try:
        yield endpoint
    finally:
        endpoint.server.stop()


@pytest.fixture(scope="session")
def wickgraph_endpoint(tmp_path_factory: pytest.TempPathFactory, shared_store_dir: Path) -> Iterator[Endpoint]:
    """``wickgraph serve`` on the session's store built from data/."""
    endpoint = start_wickgraph(tmp_path_factory.mktemp("wickgraph-serve"), shared_store_dir)
    try:
        yield endpoint
    finally:
        endpoint.server.stop()


@pytest.fixture(scope="session")
def virtuoso_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoint]:
    """A Virtuoso server for the whole session (skipped where Virtuoso is not installed)."""
    endpoint = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield endpoint
    finally:
        endpoint.server.stop()


@pytest.fixture(scope="session")
def oxigraph_loaded(oxigraph_endpoint: Endpoint, shared_store_dir: Path) -> Endpoint:
    """The Oxigraph server holding every named graph of the session's store (pushed once)."""
    from wickgraph.remote import push
    from wickgraph.store import Store

    push(Store(shared_store_dir, read_only=True), oxigraph_endpoint.query_url,
         graph_store_url=oxigraph_endpoint.graph_store_url)
    return oxigraph_endpoint


@pytest.fixture(scope="session")
def virtuoso_loaded(virtuoso_endpoint: Endpoint, shared_store_dir: Path) -> Endpoint:
    """The Virtuoso server holding every named graph of the session's store (pushed with Digest auth)."""
    from wickgraph.remote import push
    from wickgraph.store import Store

    push(Store(shared_store_dir, read_only=True), virtuoso_endpoint.query_url,
         graph_store_url=virtuoso_endpoint.graph_store_url, auth=virtuoso_endpoint.auth)
    return virtuoso_endpoint
