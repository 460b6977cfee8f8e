"""An intent record that makes a commit to ``data/`` and the store recoverable after a crash.

A commit changes files under ``data/`` (the source of truth) and the named graphs the store
derives from them. It cannot change both atomically, so it writes down what it is about to do
first, as SQLite's write-ahead log does, and rolls *forward* after a crash:

1. :func:`begin` writes every new file's bytes to a temporary file beside its target and
   fsyncs it, then writes the journal ``data/.wickgraph-journal.json`` (atomically) naming each
   target, its temporary file (or a deletion) and the graph it holds;
2. :meth:`Intent.apply_files` renames the temporary files into place and deletes what goes;
3. the caller replaces the graphs in the store, in one transaction;
4. :meth:`Intent.finish` removes the journal.

A process killed before step 1 ends leaves only temporary files, which :func:`recover` deletes.
Killed after it, :func:`recover` finishes the renames that had not happened and reloads every
graph the journal names from the files as they now are, so ``data/`` and the store agree
again. A commit that fails with an exception puts the old files back itself and then removes
its journal (:meth:`Intent.abandon`); were it killed while doing so, recovery would still end
with the store equal to whatever files are there.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .atomicfile import TEMP_SUFFIX, sync_dir, write_temp
from .errors import StoreError

__all__ = ["JOURNAL_NAME", "FileChange", "Intent", "begin", "graph_quads", "pending", "recover",
           "stray_temp_files"]

JOURNAL_NAME = ".wickgraph-journal.json"


@dataclass(frozen=True)
class FileChange:
    """One file of a commit: its new bytes (``None`` deletes it) and the named graph it holds.

    ``expected_sha`` is the SHA-256 the file had when the command compared it (``None``: there
    was no file); the commit checks it still has it. ``write=False`` only checks the file (an
    unchanged file whose graph the store may need again).
    """

    path: Path
    data: bytes | None
    graph: str
    expected_sha: str | None = None
    write: bool = True


class Intent:
    """A commit in progress, written down in its journal (see the module docstring)."""

    def __init__(self, data_dir: Path, changes: Sequence[FileChange], temps: Mapping[Path, Path],
                 store_dir: Path | None = None) -> None:
        self.data_dir = data_dir
        self.store_dir = store_dir  # the store the commit was updating (None: not recorded)
        self.changes = tuple(changes)
        self.temps = dict(temps)  # target -> its temporary file, for files that get new bytes

    @property
    def path(self) -> Path:
        return self.data_dir / JOURNAL_NAME

    @property
    def graphs(self) -> list[str]:
        return sorted({change.graph for change in self.changes})

    def apply_files(self) -> None:
        """Rename the new files into place and delete the files that go (step 2)."""
        for change in self.changes:
            tmp = self.temps.get(change.path)
            if tmp is not None:
                if tmp.exists():
                    os.replace(tmp, change.path)
            else:
                change.path.unlink(missing_ok=True)
        for folder in {change.path.parent for change in self.changes}:
            sync_dir(folder)

    def finish(self) -> None:
        """The commit is complete: forget it (step 4)."""
        self.path.unlink(missing_ok=True)
        sync_dir(self.data_dir)

    def abandon(self) -> None:
        """The commit failed and its caller restored the old files: drop temporaries and the journal."""
        for tmp in self.temps.values():
            tmp.unlink(missing_ok=True)
        self.finish()

    def to_json(self) -> dict[str, object]:
        return {"version": 1, "store": str(self.store_dir) if self.store_dir else None, "changes": [
            {"target": str(c.path), "graph": c.graph,
             "temp": str(self.temps[c.path]) if c.path in self.temps else None}
            for c in self.changes]}


def begin(data_dir: Path, changes: Iterable[FileChange], store_dir: Path | None = None) -> Intent:
    """Write the new files' bytes beside their targets and the journal naming them (step 1).

    ``store_dir`` is recorded so that recovery updates the store this commit was updating.
    """
    changes = list(changes)
    if (data_dir / JOURNAL_NAME).exists():
        raise StoreError(f"{data_dir / JOURNAL_NAME}: an earlier commit was interrupted; "
                         "run `wickgraph repair` first")
    temps: dict[Path, Path] = {}
    try:
        for change in changes:
            if change.data is not None:
                temps[change.path] = write_temp(change.path, change.data)
        intent = Intent(data_dir, changes, temps, store_dir)
        record = write_temp(intent.path, json.dumps(intent.to_json(), indent=1).encode("utf-8"))
        os.replace(record, intent.path)  # the intent exists from here on
        sync_dir(data_dir)
    except BaseException:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        raise
    return intent


def pending(data_dir: Path) -> Intent | None:
    """The interrupted commit recorded in ``data_dir``'s journal, if there is one."""
    path = data_dir / JOURNAL_NAME
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        changes, temps = [], {}
        for entry in record["changes"]:
            target = Path(entry["target"])
            changes.append(FileChange(target, None, str(entry["graph"])))
            if entry.get("temp"):
                temps[target] = Path(entry["temp"])
        store_dir = Path(record["store"]) if record.get("store") else None
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StoreError(f"{path}: unreadable commit journal ({error}); "
                         "delete it and run `wickgraph repair`") from None
    return Intent(data_dir, changes, temps, store_dir)


def recover(data_dir: Path, replace_graphs: Callable[[dict[str, list[ox.Quad]]], None]) -> list[str]:
    """Finish an interrupted commit: renames, then the store's graphs from the files; return those graphs.

    ``replace_graphs`` gets every graph the journal names with its quads as read from the files
    now in place (an empty list for a file that is gone), and must apply them in one
    transaction. Stray temporary files are deleted whether or not a journal was found.
    """
    intent = pending(data_dir)
    graphs: list[str] = []
    if intent is not None:
        intent.apply_files()
        contents: dict[str, list[ox.Quad]] = {}
        for change in intent.changes:
            contents[change.graph] = (graph_quads(change.path, change.graph)
                                      if change.path.exists() else [])
        replace_graphs(contents)
        intent.finish()
        graphs = sorted(contents)
    for stray in stray_temp_files(data_dir):
        stray.unlink(missing_ok=True)
    return graphs


def stray_temp_files(data_dir: Path) -> list[Path]:
    """Temporary files a killed writer left under ``data_dir`` (``.NAME.XXXX.tmp``)."""
    found: list[Path] = []
    for folder in (data_dir, *(p for p in data_dir.iterdir() if p.is_dir())) if data_dir.is_dir() else ():
        found += (p for p in folder.glob(f".*{TEMP_SUFFIX}") if p.is_file())
    return sorted(found)


def graph_quads(path: Path, graph: str) -> list[ox.Quad]:
    """The quads a data file gives ``graph``: a TriG file's quads in it, or a Turtle file's triples put in it."""
    node = ox.NamedNode(graph)
    try:
        if path.suffix == ".trig":
            return [q for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG) if q.graph_name == node]
        return [ox.Quad(t.subject, t.predicate, t.object, node)
                for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except SyntaxError as error:
        from .store import rdf_syntax_error

        raise rdf_syntax_error(error, path) from None


