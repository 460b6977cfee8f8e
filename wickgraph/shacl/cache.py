"""Files that passed validation, remembered by content hash until they or the shapes change."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from ..atomicfile import write_atomic
from ..resources import ontology_dir

__all__ = ["ValidationCache", "shapes_digest"]


@lru_cache(maxsize=1)
def shapes_digest() -> str:
    """Hash of the shapes and ontology: cached results are only valid for the same ones."""
    shapes_path, ontology_path = ontology_dir() / "shapes.ttl", ontology_dir() / "wickgraph.ttl"
    return hashlib.sha256(shapes_path.read_bytes() + ontology_path.read_bytes()).hexdigest()

class ValidationCache:
    """Content hashes of files that passed validation, kept in a JSON file beside the store."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._digest = shapes_digest()
        self._passed: set[str] = set()
        if path is not None and path.is_file():
            try:
                saved = json.loads(path.read_text())
                if saved.get("shapes") == self._digest:
                    self._passed = set(saved.get("passed", []))
            except (OSError, ValueError):
                pass  # a damaged cache only costs a re-check

    @staticmethod
    def key(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def __contains__(self, data: bytes) -> bool:
        return self.key(data) in self._passed

    def add(self, data: bytes) -> None:
        self._passed.add(self.key(data))

    def has_key(self, key: str) -> bool:
        return key in self._passed

    def add_key(self, key: str) -> None:
        """Remember a file by its :meth:`key` (when the bytes are no longer at hand)."""
        self._passed.add(key)

    def save(self, path: Path | None = None) -> None:
        target = path or self.path
        if target is None:
            return
        write_atomic(target, json.dumps({"shapes": self._digest, "passed": sorted(self._passed)}).encode("utf-8"))
