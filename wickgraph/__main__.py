"""The ``wickgraph`` program: its console script and ``python -m wickgraph``."""

import gc
from typing import NoReturn


def main() -> NoReturn:
    """Import the command line with the garbage collector paused, then run it (:func:`wickgraph.cli.main`).

    Importing click and the command line makes some 40,000 objects that live as long as the
    process and frees next to none, so the twenty-odd collections those imports would run find
    nothing (6-15 ms of a 0.2 s command here). Once imported they are frozen, as the gc module's
    documentation advises before a fork (a query's forked child then writes to none of them),
    and the collector runs again for the command itself.
    """
    gc.disable()
    from .cli import main as run_command_line

    gc.freeze()
    gc.enable()
    run_command_line()


if __name__ == "__main__":
    main()
