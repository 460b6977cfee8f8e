"""The ``wickgraph`` command line: parse options, call the library, print the result.

No business logic lives here. Every :class:`~wickgraph.errors.WickgraphError` is turned
into one line on stderr and its ``exit_code`` by :class:`WickgraphGroup`, the only place
that does so. The commands live in one module per group (:mod:`.data`, :mod:`.query`,
:mod:`.extract`, :mod:`.reviews`, :mod:`.serve`): a module is imported when one of its
commands is asked for (every command of a module is in its ``__all__``), and each command
imports the library it calls inside its function, so a command loads what it uses alone.
What they share is in :mod:`.options`.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from collections.abc import Iterator, MutableMapping
from importlib import import_module
from typing import Any, NoReturn

import click

from ..errors import WickgraphError

__all__ = ["WickgraphGroup", "cli", "main"]


class WickgraphGroup(click.Group):
    """A click group that shows wickgraph errors as ``Error: <message>`` and exits with their code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        _skip_the_last_collections()
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WickgraphError as error:
            click.echo(f"Error: {error}", err=True)
            for line in getattr(error, "violations", [])[:20]:
                click.echo(f"  {line}", err=True)
            ctx.exit(error.exit_code)


_exit_handler_registered = False


def _skip_the_last_collections() -> None:
    """At exit, freeze every object instead of letting the interpreter walk them all for garbage.

    Python's shutdown runs full garbage collections over everything the imports made: about
    30 ms of a 0.2 s `wickgraph query`, more after `extract`. Frozen objects are skipped; the
    process is ending, so nothing is lost. Registered when the command line starts, it runs after
    every exit handler registered later (last in, first out), and stdout and stderr are still
    flushed after it. Objects the teardown would free (in a reference cycle, or held by a module)
    then get no ``__del__`` at exit: the commands close what they open themselves (stores, files)
    and do not rely on it.
    """
    global _exit_handler_registered
    if not _exit_handler_registered:
        atexit.register(gc.freeze)
        _exit_handler_registered = True


class _Commands(MutableMapping[str, click.Command]):
    """The group's commands, their modules imported one by one until the command asked for is there.

    `wickgraph query` imports the query module alone; listing the commands (`--help`) imports them all.
    """

    def __init__(self, *modules: str) -> None:
        self._modules = list(modules)
        self._commands: dict[str, click.Command] = {}

    def _import_next(self) -> bool:
        if not self._modules:
            return False
        module = import_module(f"{__name__}.{self._modules.pop(0)}")
        for name in module.__all__:
            command = getattr(module, name)
            if isinstance(command, click.Command) and command.name:
                self._commands[command.name] = command
        return True

    def __getitem__(self, name: str) -> click.Command:
        while name not in self._commands and self._import_next():
            pass
        return self._commands[name]

    def __iter__(self) -> Iterator[str]:
        while self._import_next():
            pass
        return iter(self._commands)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._commands[name] = command

    def __delitem__(self, name: str) -> None:
        del self._commands[name]


@click.group(cls=WickgraphGroup, context_settings={"help_option_names": ["-h", "--help"]},
             commands=_Commands("query", "extract", "reviews", "data", "serve"))  # the most used first
@click.version_option(package_name="wickgraph", prog_name="wickgraph")  # read from metadata only when asked
def cli() -> None:
    """A knowledge graph of the John Wick franchise and of what reviews claim about it.

    Build the graph with `wickgraph build`, then ask it questions with
    `wickgraph query NAME` (see `wickgraph queries`).
    """


def main() -> NoReturn:
    """Run a command as the ``wickgraph`` program does (:func:`wickgraph.__main__.main`), then end the process.

    The process ends with ``os._exit`` once everything it owes the user is done: its exit
    handlers have run (``atexit``) and standard output and error are flushed. What is left of
    a normal exit is the interpreter's teardown, which clears every module and frees every
    object one by one: 10-20 ms of a 0.2 s `wickgraph query`, and nothing the user sees, as
    no command leaves anything for it (files are written and closed by the command, a store
    it wrote to is closed by it). When that cannot be vouched for (other Python threads still
    run, an exit code that is not a number, a flush that fails) the normal exit runs instead,
    and reports what it reports.
    """
    try:
        cli.main(prog_name="wickgraph")
    except SystemExit as done:
        code = done.code
    else:  # standalone mode always ends in SystemExit; this is its success
        code = 0
    if code is None:
        code = 0
    if not isinstance(code, int) or threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()  # as the normal exit would; it runs each handler once, then forgets them
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe, a closed stream: the normal exit reports it and sets the code
        sys.exit(code)
    os._exit(code)
