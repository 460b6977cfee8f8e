"""Compiled regular expressions kept between runs, so a process does not compile the same patterns again.

Python compiles a regex in Python code (``re._parser``, ``re._compiler``): the extractor's rules
took about 0.15 s of every ``wickgraph extract``, more than the extraction itself. The last step,
``_sre.compile``, takes the compiled program (a list of ints) and is fast. :func:`compile`
keeps each pattern's program in the cache folder (:mod:`wickgraph.cache`) and builds the
pattern from it with ``_sre.compile``, as ``re.compile`` itself does at its end.

Safe by construction:

* the entry's key is the Python version and the regex engine's ``MAGIC`` and ``CODESIZE``,
  so a program is only used by the engine that wrote it;
* a program is stored only after the pattern built from it compared equal to ``re.compile``'s
  (patterns compare by pattern text, flags and program);
* a *skipping* program (``compile(..., skip_to_start=True)``) is such a verified program whose
  info block also names the characters a match can start with (:mod:`wickgraph.regexstart`):
  the engine reads that block only to skip positions where no match can start, so it finds the
  same matches (the tests compare every rule with ``re.compile``'s pattern);
* ``_sre.compile`` validates every program it is given; anything unexpected (another Python's
  internals, a corrupt entry) falls back to ``re.compile``, which is then the whole cost.

New programs are written when the process exits, in one entry with those already cached.

Modules that compile their patterns with ``re.compile`` as they load are served by :func:`kept`
instead, from an entry of its own per block: it fills ``re``'s own cache of compiled patterns
from that entry before they load.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # CPython's regex engine (loaded by re already); no stubs
import atexit
import re
import sys
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["compile", "kept"]

_ENTRY = "regex-programs"
_MAX_ENTRIES = 2000  # beyond this, only the patterns this process used are kept

Program = tuple[int, list[int] | bytes, int, dict[str, int], tuple[str | None, ...]]
"""What ``_sre.compile`` takes after the pattern text: flags, program, groups, group index, index group."""

_programs: dict[tuple[str, int], Program] | None = None  # loaded on first use
_used: set[tuple[str, int]] = set()
_learned = False


def compile(source: str, flags: int = 0, *, skip_to_start: bool = False) -> re.Pattern[str]:  # as re.compile
    """``re.compile(source, flags)``, from the cached program when there is one (raises ``re.error`` alike).

    With ``skip_to_start``, a pattern the engine would try at every character is told which characters its
    matches start with (:func:`wickgraph.regexstart.start_class`), so that searching skips to them in C.
    It finds exactly what ``re.compile``'s pattern finds.
    """
    if skip_to_start:
        return _compile_skipping(source, flags)
    key = (source, int(flags))
    cached = _cached(source, key)
    if cached is not None:
        return cached
    pattern = re.compile(source, flags)
    learned = _program(source, int(flags), pattern)
    if learned is not None:
        _remember(key, learned)
    return pattern


_SKIPPING = 1 << 30  # marks a skipping program's key; no flag of re's


def _compile_skipping(source: str, flags: int) -> re.Pattern[str]:
    key = (source, int(flags) | _SKIPPING)
    cached = _cached(source, key)
    if cached is not None:
        return cached
    pattern = re.compile(source, flags)
    plain = _program(source, int(flags), pattern)  # kept only under this key: one entry per pattern
    if plain is None:
        return pattern  # no program of its own could be learned: re.compile's pattern as it is
    program = _skipping(source, flags, plain) or plain  # no start class to tell: the plain program
    try:
        skipping = _build(source, program)
    except Exception:
        return pattern
    _remember(key, program)
    return skipping


def _cached(source: str, key: tuple[str, int]) -> re.Pattern[str] | None:
    """The pattern built from the cached program of ``key``, or None (a program this engine refuses is dropped)."""
    programs = _load()
    program = programs.get(key)
    if program is None:
        return None
    try:
        pattern = _build(source, program)
    except Exception:  # not this engine's program after all: the caller compiles as re does
        del programs[key]
        return None
    _used.add(key)
    return pattern


def _remember(key: tuple[str, int], program: Program) -> None:
    """Keep ``program`` under ``key``, to be written when the process exits."""
    global _learned
    if not _learned:
        atexit.register(_save)
    _load()[key] = program
    _used.add(key)
    _learned = True


def _skipping(source: str, flags: int, plain: Program) -> Program | None:
    """``plain`` (the verified program of ``source``) with a start class in its info block, where the engine
    reads which characters a match starts with; None when it has one already or none can be told."""
    try:
        from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

        from .regexstart import start_class

        code = plain[1]
        if not isinstance(code, list):  # a program just verified by _program, not one read back packed
            return None
        # an info block without a literal prefix or a class, for a pattern that cannot match the empty string
        if code[0] != _constants.INFO or code[2] != 0 or code[3] == 0:
            return None
        items = start_class(_parser.parse(source, flags), _constants, _sre.unicode_iscased)
        if items is None:
            return None
        charset, _cased = _compiler._optimize_charset(items)
        compiled: list[int] = []
        _compiler._compile_charset(charset, plain[0] & ~int(re.IGNORECASE), compiled)
        info = [int(_constants.INFO), 0, int(_constants.SRE_INFO_CHARSET), code[3], code[4], *map(int, compiled)]
        info[1] = len(info) - 1  # the info block's length: the pattern's own code follows unchanged
        return plain[0], info + code[1 + code[1]:], plain[2], plain[3], plain[4]
    except Exception:  # another Python's internals: no start class
        return None


def _engine_key() -> str:
    return f"{sys.implementation.name} {sys.version} {_sre.MAGIC} {_sre.CODESIZE}"


def _load() -> dict[tuple[str, int], Program]:
    global _programs
    if _programs is None:
        from .cache import read

        found = read(_ENTRY, _engine_key())
        _programs = found if isinstance(found, dict) else {}
    return _programs


def _build(source: str, program: Program) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = program
    if isinstance(code, bytes):  # as stored: see _packed
        code = array(_CODE_TYPE or "I", code).tolist()  # bytes are only written when the type is known
    pattern: re.Pattern[str] = _sre.compile(source, flags, code, groups, groupindex, indexgroup)
    return pattern


def _program(source: str, flags: int, compiled: re.Pattern[str]) -> Program | None:
    """The program ``re.compile`` built for ``source``, redone the same way; None unless it rebuilds ``compiled``."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed: Any = _parser.parse(source, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        groups = parsed.state.groups - 1
        program: Program = (int(flags | parsed.state.flags), code, groups, groupindex, tuple(indexgroup))
        return program if _build(source, program) == compiled else None
    except Exception:  # another Python's internals: no cache, re.compile alone
        return None


def _save() -> None:
    """Write the programs (at exit, when this process compiled new ones)."""
    from .cache import write

    programs = _load()
    if len(programs) > _MAX_ENTRIES:
        programs = {key: value for key, value in programs.items() if key in _used}
    write(_ENTRY, _engine_key(), {key: _packed(program) for key, program in programs.items()})


def _packed(program: Program) -> Program:
    """The program with its code as bytes: unpickled about eight times faster than a list of ints."""
    flags, code, groups, groupindex, indexgroup = program
    if isinstance(code, list) and _CODE_TYPE is not None:
        code = array(_CODE_TYPE, code).tobytes()
    return flags, code, groups, groupindex, indexgroup


# the array type whose items are the engine's code words (CODESIZE bytes)
_CODE_TYPE = next((kind for kind in "IL" if array(kind).itemsize == _sre.CODESIZE), None)


@contextmanager
def kept(name: str) -> Iterator[None]:
    """In this block, ``re.compile`` finds the patterns it compiled in the last run of the block ``name``.

    ``re`` keeps each pattern it compiled in a dict of its own (``re._cache``, keyed by type, text and
    flags) and looks there before compiling. The block starts by filling it with the patterns built
    from the programs of the cache entry ``regex-programs-NAME``, so the modules imported in it (which
    compile their patterns as they load) compile nothing; if it compiled new patterns all the same,
    its end writes their programs to that entry. Where ``re`` keeps no such dict, or does not look
    there as this expects (another Python), the block changes nothing.
    """
    from .cache import read, write

    patterns = _re_cache()
    maximum = getattr(re, "_MAXCACHE", None)
    if patterns is not None and isinstance(maximum, int) and maximum < len(patterns) + _MAX_ENTRIES:
        # re forgets its oldest pattern past _MAXCACHE (512), and the extractor alone compiles more than that:
        # a pattern forgotten before the block ends is neither learned nor warmed, and compiles on every run
        re._MAXCACHE = len(patterns) + _MAX_ENTRIES  # type: ignore[attr-defined]
    entry = f"{_ENTRY}-{name}"
    found = read(entry, _engine_key())
    programs: dict[tuple[str, int], Program] = found if isinstance(found, dict) else {}
    if patterns is None or not _warm(patterns, programs):
        yield
        return
    before = set(patterns)
    try:
        yield
    finally:
        learned = {}
        kept_by_compile = _programs or {}  # what compile() compiled went into its own entry
        for key in [key for key in patterns if key not in before]:
            kind, source, flags = key
            if kind is str and isinstance(flags, int) and (source, flags) not in kept_by_compile:
                program = _program(source, flags, patterns[key])
                if program is not None:
                    learned[source, flags] = program
        if learned:  # past the bound, the programs of patterns no code compiles any more are dropped with the rest
            kept_now = learned if len(programs) + len(learned) > _MAX_ENTRIES else {**programs, **learned}
            write(entry, _engine_key(), {key: _packed(program) for key, program in kept_now.items()})


def _re_cache() -> dict[Any, Any] | None:
    patterns = getattr(re, "_cache", None)
    return patterns if isinstance(patterns, dict) else None


def _warm(patterns: dict[Any, Any], programs: dict[tuple[str, int], Program]) -> bool:
    """Put the patterns of ``programs`` into ``re``'s cache, room allowing; False if ``re`` does not use them."""
    room = int(getattr(re, "_MAXCACHE", 512)) - len(patterns)
    for (source, flags), program in programs.items():
        if room <= 0:
            break
        if (str, source, flags) in patterns:
            continue
        try:
            pattern = _build(source, program)
        except Exception:  # not this engine's program after all: re.compile compiles it
            continue
        patterns[str, source, flags] = pattern
        if re.compile(source, flags) is not pattern:  # re keys or consults its cache otherwise: leave it alone
            del patterns[str, source, flags]
            return False
        room -= 1
    return True
