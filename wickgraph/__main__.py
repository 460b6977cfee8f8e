"""``python -m wickgraph``: the same as the ``wickgraph`` command."""

from .cli import cli

if __name__ == "__main__":
    cli(prog_name="wickgraph")
