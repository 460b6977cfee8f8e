"""What validation reports: a :class:`Violation` per SHACL result, a :class:`ValidationReport` per run."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ValidationReport", "Violation"]


@dataclass(frozen=True)
class Violation:
    """One SHACL result: where (file, focus node, property path) and what is wrong."""

    source: str
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        return f"{self.source}: {where}: {self.message}"


@dataclass
class ValidationReport:
    """The outcome of validating some files; ``conforms`` when there are no violations."""

    checked: int = 0
    skipped: int = 0  # unchanged since they last passed
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations
