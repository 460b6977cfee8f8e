"""Shared fixtures: fresh state per test, built from small copies of the project's data."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from wickgraph.build import build
from wickgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


def pytest_configure(config: pytest.Config) -> None:
    """The suite keeps its cache (compiled rules, reference rows) in a folder of its own in the temporary
    folder, not the user's, for this process and every command it starts; set before any test module
    imports the package. Entries are keyed by their inputs, so runs may share it."""
    os.environ.setdefault("WICKGRAPH_CACHE", os.path.join(tempfile.gettempdir(), "wickgraph-test-cache"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of the project's data/ that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """Where a test's own store goes (not created yet)."""
    return tmp_path / "store"


@pytest.fixture
def built_store_dir(data_dir: Path, store_dir: Path) -> Path:
    """A fresh store built from a fresh copy of data/."""
    build(data_dir, store_dir)
    return store_dir


@pytest.fixture(scope="session")
def shared_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store built from the project's data/ for tests that only read (opened read-only)."""
    store_path = tmp_path_factory.mktemp("shared") / "store"
    build(DATA, store_path)
    return store_path


@pytest.fixture
def shared_store(shared_store_dir: Path) -> Store:
    """The shared store, opened read-only."""
    return Store(shared_store_dir, read_only=True)


@pytest.fixture
def memory_store() -> Store:
    """An empty in-memory store."""
    return Store()


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, data_dir: Path, store_dir: Path) -> CliRunner:
    """A CLI runner whose store and data default to this test's own folders."""
    monkeypatch.setenv("WICKGRAPH_DATA", str(data_dir))
    monkeypatch.setenv("WICKGRAPH_STORE", str(store_dir))
    return CliRunner()
