"""The cache folder: entries valid only for their key, plain data only, and never an error.

Then its two users: compiled regex programs (:mod:`wickgraph.regexcache`) and the reference
index's query rows (:meth:`wickgraph.reference.Reference.from_file`).
"""

from __future__ import annotations

import os
import pickle
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from wickgraph import cache, regexcache
from wickgraph.errors import InputError
from wickgraph.namespaces import REFERENCE_GRAPH
from wickgraph.reference import Reference

REFERENCE_TTL = Path(__file__).resolve().parent.parent / "data" / "reference" / "franchise.ttl"


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("WICKGRAPH_CACHE", str(folder))
    return folder


@pytest.fixture
def fresh_regexcache(cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """regexcache as in a new process: nothing loaded yet, and no save at the test process's exit."""
    monkeypatch.setattr(regexcache, "_programs", None)
    monkeypatch.setattr(regexcache, "_used", set())
    monkeypatch.setattr(regexcache, "_learned", True)  # already "registered": this test saves by hand
    return cache_folder


def test_an_entry_is_read_back_only_with_its_key(cache_folder: Path) -> None:
    payload = {("a", 1): [1, 2, 3], "rows": [{"x": "y"}], "none": None}
    assert cache.write("thing", "k1", payload)
    assert cache.read("thing", "k1") == payload
    assert cache.read("thing", "k2") is None
    assert cache.read("other", "k1") is None
    assert [p.name for p in cache_folder.iterdir()] == ["thing.pickle"]  # no temporary file left


def test_a_key_is_compared_whole(cache_folder: Path) -> None:
    assert cache.write("thing", (b"file bytes", "query text"), [1])
    assert cache.read("thing", (b"file bytes", "query text")) == [1]
    assert cache.read("thing", (b"file bytes", "query text 2")) is None
    assert cache.read("thing", (b"file byte", "squery text")) is None


def test_a_corrupt_or_truncated_entry_reads_as_missing(cache_folder: Path) -> None:
    cache.write("thing", "k", list(range(1000)))
    entry = cache_folder / "thing.pickle"
    entry.write_bytes(entry.read_bytes()[:100])
    assert cache.read("thing", "k") is None
    entry.write_bytes(b"not a pickle at all")
    assert cache.read("thing", "k") is None


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(_Planted.target),))

    target = Path()


def test_an_entry_naming_a_function_is_refused_not_run(cache_folder: Path, tmp_path: Path) -> None:
    _Planted.target = tmp_path / "planted"
    cache_folder.mkdir()
    (cache_folder / "thing.pickle").write_bytes(pickle.dumps(("k", _Planted())))
    assert cache.read("thing", "k") is None
    assert not _Planted.target.exists()


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv("WICKGRAPH_CACHE", str(blocker / "cache"))
    assert cache.write("thing", "k", [1]) is False
    assert cache.read("thing", "k") is None


def test_no_home_folder_means_no_cache_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("WICKGRAPH_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", no_home)
    assert cache.write("thing", "k", [1]) is False
    assert cache.read("thing", "k") is None


def test_the_folder_follows_xdg_when_not_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("WICKGRAPH_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "wickgraph"


# -- compiled regex programs ------------------------------------------------------------------

PATTERNS = [
    (r"(?P<actor>[A-Z]\w+(?: [A-Z]\w+)*) (?:plays|is) (?P<role>\w+)", re.IGNORECASE | re.MULTILINE),
    (r"(?<=[.!?]\s)(?:release(?:d| date)?)\s+(?P<year>19\d\d|20\d\d)\b", 0),
    (r"[\u2018\u2019'](?!s\b)", re.UNICODE),
    (r"^(?:[ \t]*[-*|])+\s*(\w+)\s*\|", re.MULTILINE),
]
TEXT = "Then KEANU REEVES plays Wick. Released 2014 in 'cinemas'.\n | - Cast | Role |\nIan McShane is Winston"


def _outcomes(pattern: re.Pattern[str]) -> list[object]:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(TEXT)]


def test_a_cached_program_gives_the_pattern_re_compile_gives(fresh_regexcache: Path) -> None:
    first = [regexcache.compile(source, flags) for source, flags in PATTERNS]
    regexcache._save()
    assert (fresh_regexcache / "regex-programs.pickle").is_file()
    regexcache._programs = None  # a new process: the programs come from the cache
    again = [regexcache.compile(source, flags) for source, flags in PATTERNS]
    expected = [re.compile(source, flags) for source, flags in PATTERNS]
    assert again == expected == first  # patterns compare by text, flags and compiled program
    assert [_outcomes(p) for p in again] == [_outcomes(p) for p in expected]
    assert [p.groupindex for p in again] == [p.groupindex for p in expected]
    assert any(_outcomes(p) for p in again)


def test_a_damaged_program_falls_back_to_re_compile(fresh_regexcache: Path) -> None:
    source, flags = PATTERNS[0]
    regexcache.compile(source, flags)
    programs = regexcache._load()
    final_flags, code, groups, groupindex, indexgroup = programs[(source, flags)]
    programs[(source, flags)] = (final_flags, [999999, *code[1:]], groups, groupindex, indexgroup)
    assert regexcache.compile(source, flags) == re.compile(source, flags)


def test_a_bad_pattern_raises_as_re_compile_does(fresh_regexcache: Path) -> None:
    with pytest.raises(re.error, match="missing \\), unterminated subpattern"):
        regexcache.compile("(unclosed", 0)


def test_warm_rules_load_without_compiling_a_regex(tmp_path: Path) -> None:
    """The second process loads the extractor's rules from cached programs: the regex compiler never runs."""
    import subprocess
    import sys

    # pickle's own import compiles a regex (for its __all__): imported first, as it is not the rules' work
    code = ("import pickle, re._compiler as c\nfrom wickgraph.extract import patterns\ncalls = []\n"
            "original = c.compile\nc.compile = lambda p, f=0: calls.append(p) or original(p, f)\n"
            "patterns.default_rules()\nprint(len(calls))")
    env = {**os.environ, "WICKGRAPH_CACHE": str(tmp_path / "cache")}
    runs = [int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                               env=env).stdout) for _ in range(2)]
    assert runs[0] > 50 and runs[1] == 0, runs


# -- the reference index's rows ---------------------------------------------------------------


def _from_store(path: Path) -> Reference:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(str(REFERENCE_GRAPH)))
    return Reference.from_store(store)


def test_the_cached_index_is_the_index_of_the_file(cache_folder: Path, tmp_path: Path) -> None:
    ttl = tmp_path / "franchise.ttl"
    shutil.copy(REFERENCE_TTL, ttl)
    expected = _from_store(ttl)
    assert Reference.from_file(ttl) == expected  # computed, then cached
    assert (cache_folder / "reference-rows.pickle").is_file()
    assert Reference.from_file(ttl) == expected  # from the cache


def test_an_edited_reference_file_is_indexed_again(cache_folder: Path, tmp_path: Path) -> None:
    ttl = tmp_path / "franchise.ttl"
    shutil.copy(REFERENCE_TTL, ttl)
    before = Reference.from_file(ttl)
    ttl.write_text(REFERENCE_TTL.read_text(encoding="utf-8").replace('"Keanu Reeves"', '"Keanu Charles Reeves"'),
                   encoding="utf-8")
    after = Reference.from_file(ttl)
    assert after == _from_store(ttl) != before
    assert "Keanu Charles Reeves" in {p.name for p in after.people.values()}


def test_a_broken_reference_file_is_still_one_line_naming_it(cache_folder: Path, tmp_path: Path) -> None:
    ttl = tmp_path / "franchise.ttl"
    ttl.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^.*franchise\.ttl.*cannot read the reference graph"):
        Reference.from_file(ttl)
    with pytest.raises(InputError, match="cannot read the reference graph"):
        Reference.from_file(tmp_path / "missing.ttl")


# -- re's own cache, filled from the cache folder (regexcache.kept) --------------------------------


def _unique_patterns(tag: str) -> list[tuple[str, int]]:
    """Patterns no other code of this process has compiled (re's cache holds every pattern compiled so far)."""
    return [(source + f"(?#{tag})", flags) for source, flags in PATTERNS]


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The patterns the regex compiler compiles from now on."""
    from re import _compiler  # type: ignore[attr-defined]

    calls: list[object] = []
    original = _compiler.compile
    monkeypatch.setattr(_compiler, "compile", lambda p, flags=0: calls.append(p) or original(p, flags))
    return calls


def test_a_kept_block_compiles_once_and_then_never(fresh_regexcache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = _unique_patterns("kept-once")
    with regexcache.kept("test"):
        first = [re.compile(source, flags) for source, flags in patterns]
    assert (fresh_regexcache / "regex-programs-test.pickle").is_file()
    re.purge()  # as in a new process
    compiled = _compiles(monkeypatch)
    with regexcache.kept("test"):
        again = [re.compile(source, flags) for source, flags in patterns]
    assert compiled == []
    assert again == first  # same text, flags and program
    assert [_outcomes(p) for p in again] == [_outcomes(p) for p in first] and any(_outcomes(p) for p in again)
    assert [p.groupindex for p in again] == [p.groupindex for p in first]


def test_a_kept_block_keeps_only_what_it_compiled(fresh_regexcache: Path) -> None:
    outside, inside = _unique_patterns("kept-outside")[0], _unique_patterns("kept-inside")[1]
    re.compile(*outside)
    with regexcache.kept("test"):
        re.compile(*outside)
        re.compile(*inside)
    entry = pickle.loads((fresh_regexcache / "regex-programs-test.pickle").read_bytes())[1]
    assert set(entry) == {inside}


def test_a_kept_block_leaves_what_regexcache_compile_compiled_to_it(fresh_regexcache: Path) -> None:
    by_compile, by_re = _unique_patterns("kept-by-compile")[0], _unique_patterns("kept-by-re")[1]
    with regexcache.kept("test"):
        regexcache.compile(*by_compile)  # compiles with re.compile, so re's cache holds it too
        re.compile(*by_re)
    entry = pickle.loads((fresh_regexcache / "regex-programs-test.pickle").read_bytes())[1]
    assert set(entry) == {by_re}
    assert by_compile in regexcache._load()


def test_a_damaged_kept_program_is_compiled_again(fresh_regexcache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, flags = _unique_patterns("kept-damaged")[0]
    with regexcache.kept("test"):
        re.compile(source, flags)
    entry = fresh_regexcache / "regex-programs-test.pickle"
    key, programs = pickle.loads(entry.read_bytes())
    final_flags, code, *rest = programs[source, flags]
    programs[source, flags] = (final_flags, [999999, *code[1:]], *rest)
    entry.write_bytes(pickle.dumps((key, programs)))
    re.purge()
    compiled = _compiles(monkeypatch)
    with regexcache.kept("test"):
        pattern = re.compile(source, flags)
    assert compiled == [source]
    assert pattern == re.compile(PATTERNS[0][0] + "(?#kept-damaged)", PATTERNS[0][1])
    assert _outcomes(pattern) == _outcomes(re.compile(PATTERNS[0][0], PATTERNS[0][1]))


def test_a_kept_block_leaves_a_regex_cache_it_does_not_know_alone(fresh_regexcache: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source, flags = _unique_patterns("kept-unknown")[0]
    with regexcache.kept("test"):
        re.compile(source, flags)
    re.purge()
    # a Python whose re looks its patterns up some other way: the warmed pattern is not what re.compile gives
    monkeypatch.setattr(re, "_compile", lambda p, f: re._compiler.compile(p, f))  # type: ignore[attr-defined]
    with regexcache.kept("test"):
        assert re._cache == {}  # type: ignore[attr-defined]
        assert re.compile(source, flags).pattern == source


def test_the_second_extract_compiles_no_regex_of_the_extractor(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    review = Path(__file__).resolve().parent / "data" / "shared" / "seed-review.txt"
    code = ("import json, sys, re._compiler as c\nfrom wickgraph.cli import cli\ncalls = []\n"
            "original = c.compile\nc.compile = lambda p, f=0: calls.append(str(p)) or original(p, f)\n"
            f"try:\n    cli(['extract', {str(review)!r}, '--json'])\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(calls), file=sys.stderr)")
    env = {**os.environ, "WICKGRAPH_CACHE": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
            for _ in range(2)]
    compiled = [json.loads(run.stderr.splitlines()[-1]) for run in runs]
    assert runs[0].stdout == runs[1].stdout and '"claims"' in runs[0].stdout
    # the second run compiles only what loads before the cache is read (pickle's own regex) and bytes patterns
    assert len(compiled[0]) > 100 and len(compiled[1]) <= 2, compiled[1]
