"""Start-up stays fast: the command line imports heavy libraries only in the commands that use them.

The figures themselves are measured by ``benchmarks/startup.py``; these tests keep the causes away.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import wickgraph

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("rdflib", "networkx", "starlette", "pyshacl", "trafilatura", "uvicorn", "httpx")


def imported_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    """The top-level modules a fresh interpreter has imported after running ``code``."""
    script = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})), file=sys.stderr)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, **(env or {})}, cwd=ROOT)
    return set(json.loads(result.stderr.splitlines()[-1]))


def test_importing_the_cli_imports_no_heavy_library() -> None:
    loaded = imported_after("import wickgraph.cli")
    assert "click" in loaded  # the check sees what was imported
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_help_imports_no_heavy_library() -> None:
    # nor the formats table: -f/--format reads it only when parsed or shown (dataclasses, pyoxigraph)
    code = ("from wickgraph.cli import cli\ntry:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
            "assert 'wickgraph.formats' not in sys.modules")
    loaded = imported_after(code)
    assert "wickgraph" in loaded
    assert loaded.isdisjoint({*HEAVY, "pyoxigraph", "dataclasses"}), sorted(loaded & {*HEAVY, "pyoxigraph"})


def test_a_named_query_imports_only_pyoxigraph(shared_store_dir: Path) -> None:
    code = ("from wickgraph.cli import cli\ntry:\n    cli(['query', 'reprises', '--format', 'json'])\n"
            "except SystemExit as done:\n    assert done.code == 0, done.code")
    loaded = imported_after(code, {"WICKGRAPH_STORE": str(shared_store_dir)})
    assert "pyoxigraph" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
    # the query runs in a forked child (Ctrl-C and --timeout stop it) made with os.fork, not multiprocessing,
    # whose import cost more than a small query, and its bytes come back unpickled; the recovery check
    # before it needs no hashing
    unwanted = {"multiprocessing", "pickle", "secrets", "shutil"}
    assert loaded.isdisjoint(unwanted), sorted(loaded & unwanted)


def test_extract_imports_no_heavy_library(tmp_path: Path) -> None:
    review = ROOT / "tests" / "data" / "shared" / "seed-review.txt"
    code = ("from wickgraph.cli import cli\ntry:\n    cli(['extract', " + repr(str(review)) + "])\n"
            "except SystemExit as done:\n    assert done.code == 0, done.code")
    loaded = imported_after(code, {"WICKGRAPH_CACHE": str(tmp_path / "cache")})
    assert "wickgraph" in loaded and "pyoxigraph" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_importing_the_package_imports_none_of_its_modules() -> None:
    code = "import wickgraph\nassert [m for m in sys.modules if m.startswith('wickgraph.')] == []"
    assert imported_after(code).isdisjoint(HEAVY)


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def test_version_comes_from_pyproject_alone() -> None:
    version = pyproject_version()
    result = subprocess.run([sys.executable, "-m", "wickgraph", "--version"], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    assert result.stdout == f"wickgraph, version {version}\n"
    assert wickgraph.__version__ == version
    spelled = [str(path.relative_to(ROOT)) for path in (ROOT / "wickgraph").rglob("*.py")
               if f'"{version}"' in path.read_text(encoding="utf-8")]
    assert spelled == []


def test_public_names_load_on_first_use_and_keep_their_meaning() -> None:
    import wickgraph.build
    import wickgraph.extract.patterns  # importing a submodule must not replace the function of its name

    assert callable(wickgraph.build) and wickgraph.build.__module__ == "wickgraph.build"
    assert callable(wickgraph.extract) and wickgraph.extract.__module__ == "wickgraph.extract"
    assert wickgraph.Store.__module__ == "wickgraph.store"
    assert wickgraph.WG.Film == "https://w3id.org/wickgraph/ontology#Film"
    assert set(wickgraph.__all__) <= set(dir(wickgraph))


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match=r"^module 'wickgraph' has no attribute 'no_such_name'$"):
        _ = wickgraph.no_such_name


def test_the_command_line_skips_the_garbage_walk_at_exit() -> None:
    # an exit handler registered before the command runs after the command line's own (last in, first out)
    code = ("import atexit, gc, sys\nfrom wickgraph.cli import cli\n"
            "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 1000, file=sys.stderr))\n"
            "cli(['queries'])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "frozen True\n"
    assert "reprises" in result.stdout  # and the output came out whole


def test_importing_the_command_line_leaves_the_exit_alone() -> None:
    code = ("import atexit, gc, sys\nimport wickgraph.cli\n"
            "atexit.register(lambda: print('frozen', gc.get_freeze_count(), file=sys.stderr))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stderr == "frozen 0\n"


def _run_main(args: list[str], before: str = "") -> subprocess.CompletedProcess[str]:
    """``wickgraph ARGS`` through the program's entry point, after ``before`` ran in the same process."""
    code = (f"import atexit, sys, threading, time\n{before}\n"
            f"from wickgraph.cli import main\nsys.argv = ['wickgraph', *{args!r}]\nmain()")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)


# an object the interpreter's teardown frees (held by a module alone, in no reference cycle), and an exit handler
WITNESSES = ("import os, types\nclass Witness:\n    def __del__(self, write=os.write):\n"
             "        write(2, b'teardown\\n')\n"
             "holder = types.ModuleType('holder')\nholder.witness = Witness()\nsys.modules['holder'] = holder\n"
             "del holder, Witness\natexit.register(lambda: print('exit handler', file=sys.stderr))")


def test_the_program_ends_after_its_exit_handlers_and_output_without_the_teardown() -> None:
    result = _run_main(["queries"], WITNESSES)
    assert result.returncode == 0
    assert "reprises" in result.stdout and result.stdout.endswith("\n")  # flushed whole
    assert result.stderr == "exit handler\n"  # the exit handlers ran, the teardown did not


def test_the_program_keeps_its_exit_code() -> None:
    result = _run_main(["query", "no-such-query"], WITNESSES)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: no named query 'no-such-query'")
    assert result.stderr.endswith("exit handler\n") and "teardown" not in result.stderr


def test_the_program_exits_normally_while_another_thread_runs() -> None:
    thread = ("def late():\n    time.sleep(0.3)\n    print('thread done', flush=True)\n"
              "threading.Thread(target=late).start()")
    result = _run_main(["queries"], WITNESSES + "\n" + thread)
    assert result.returncode == 0
    assert "reprises" in result.stdout and result.stdout.endswith("thread done\n")  # waited for, as usual
    assert result.stderr == "exit handler\nteardown\n"


def test_a_command_imports_no_other_module_of_commands(shared_store_dir: Path) -> None:
    code = ("import sys\nfrom wickgraph.cli import cli\ntry:\n    cli(['query', 'reprises'])\nexcept SystemExit:\n"
            "    pass\nprint(sorted(m for m in sys.modules if m.startswith('wickgraph.cli')), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                            env={**os.environ, "WICKGRAPH_STORE": str(shared_store_dir)})
    assert result.stderr.splitlines()[-1] == "['wickgraph.cli', 'wickgraph.cli.options', 'wickgraph.cli.query']"


def test_the_command_line_lists_every_command_of_its_modules() -> None:
    import importlib

    import click

    from wickgraph.cli import cli

    defined = set()
    for path in (ROOT / "wickgraph" / "cli").glob("*.py"):
        module = importlib.import_module(f"wickgraph.cli.{path.stem}")
        defined |= {value.name for value in vars(module).values() if isinstance(value, click.Command)} - {"cli"}
    assert len(defined) == 16
    assert set(cli.commands) == defined
    assert all(cli.commands[name].name == name for name in defined)


def test_the_program_imports_the_command_line_without_collecting_then_collects(shared_store_dir: Path) -> None:
    # each collection notes how far the import of the command line (click first) had got, and the frozen count
    code = ("import atexit, gc, sys\nseen = []\n"
            "def note(phase, info):\n    if phase == 'start':\n"
            "        cli = sys.modules.get('wickgraph.cli')\n"
            "        stage = 'after' if hasattr(cli, 'main') else 'importing' if 'click' in sys.modules else 'before'\n"
            "        seen.append((stage, gc.get_freeze_count()))\n"
            "gc.callbacks.append(note)\natexit.register(lambda: print(__import__('json').dumps(seen), file=sys.stderr))\n"
            "from wickgraph.__main__ import main\n"
            "sys.argv = ['wickgraph', 'query', '-e', 'SELECT ?n WHERE { VALUES ?n { 1 2 3 } }', '-f', 'json']\n"
            "main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "WICKGRAPH_STORE": str(shared_store_dir)})
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stderr.splitlines()[-1])
    assert [stage for stage, _ in seen if stage == "importing"] == []
    after = [frozen for stage, frozen in seen if stage == "after"]
    assert after and min(after) > 10_000  # the command collects; what the imports made is frozen
