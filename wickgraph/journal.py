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
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError

__all__ = ["JOURNAL_NAME", "FileChange", "Intent", "begin", "graph_quads", "pending", "recover",
           "stray_temp_files", "write_atomic"]

JOURNAL_NAME = ".wickgraph-journal.json"
TEMP_SUFFIX = ".tmp"


@dataclass(frozen=True)
class FileChange:
    """One file of a commit: its new bytes (``None`` deletes it) and the named graph it holds."""

    target: Path
    data: bytes | None
    graph: str


def write_atomic(target: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``target`` through a temporary file and a rename; readers never see half a file.

    A symlink is written through to its target. The new file gets the user's umask, as a plain
    ``open()`` would give it.
    """
    target = Path(os.path.realpath(target))
    tmp = _temp_file(target, data, durable=durable)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(target.parent)


class Intent:
    """A commit in progress, written down in its journal (see the module docstring)."""

    def __init__(self, data_dir: Path, changes: Sequence[FileChange], temps: Mapping[Path, Path]) -> None:
        self.data_dir = data_dir
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
            tmp = self.temps.get(change.target)
            if tmp is not None:
                if tmp.exists():
                    os.replace(tmp, change.target)
            else:
                change.target.unlink(missing_ok=True)
        for folder in {change.target.parent for change in self.changes}:
            _fsync_dir(folder)

    def finish(self) -> None:
        """The commit is complete: forget it (step 4)."""
        self.path.unlink(missing_ok=True)
        _fsync_dir(self.data_dir)

    def abandon(self) -> None:
        """The commit failed and its caller restored the old files: drop temporaries and the journal."""
        for tmp in self.temps.values():
            tmp.unlink(missing_ok=True)
        self.finish()

    def to_json(self) -> dict[str, object]:
        return {"version": 1, "changes": [
            {"target": str(c.target), "graph": c.graph,
             "temp": str(self.temps[c.target]) if c.target in self.temps else None}
            for c in self.changes]}


def begin(data_dir: Path, changes: Iterable[FileChange]) -> Intent:
    """Write the new files' bytes beside their targets and the journal naming them (step 1)."""
    changes = list(changes)
    if (data_dir / JOURNAL_NAME).exists():
        raise StoreError(f"{data_dir / JOURNAL_NAME}: an earlier commit was interrupted; "
                         "run `wickgraph repair` first")
    temps: dict[Path, Path] = {}
    try:
        for change in changes:
            if change.data is not None:
                temps[change.target] = _temp_file(change.target, change.data, durable=True)
        intent = Intent(data_dir, changes, temps)
        write_atomic(intent.path, json.dumps(intent.to_json(), indent=1).encode("utf-8"))
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
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StoreError(f"{path}: unreadable commit journal ({error}); "
                         "delete it and run `wickgraph repair`") from None
    return Intent(data_dir, changes, temps)


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
            contents[change.graph] = (graph_quads(change.target, change.graph)
                                      if change.target.exists() else [])
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


def _temp_file(target: Path, data: bytes, *, durable: bool) -> Path:
    # os.open with mode 0o666 lets the kernel apply the user's umask (mkstemp would force 0600)
    while True:
        tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            handle = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if durable:
                os.fsync(out.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _fsync_dir(folder: Path) -> None:
    """Make renames and deletions in ``folder`` durable (a no-op where directories cannot be opened)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
