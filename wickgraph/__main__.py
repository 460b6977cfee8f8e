"""``python -m wickgraph``: the same as the ``wickgraph`` command."""

from .cli import main

if __name__ == "__main__":
    main()
