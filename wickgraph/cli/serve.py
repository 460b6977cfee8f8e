"""``serve`` (the SPARQL endpoint and explorer) and ``push`` (upload to a remote store)."""

from __future__ import annotations

from pathlib import Path

import click

from .options import Progress, data_option, read_from_store, recover_or_warn, store_option

__all__ = ["push", "serve"]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default answers this machine only).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (each opens the store read-only).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.01),
              help="Seconds a query may run (waiting included) before it is answered 503 and stopped.")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1),
              help="Rows (or triples) a result may have; larger results are refused.")
@click.option("--query-workers", default=4, show_default=True, type=click.IntRange(1, 256),
              help="Query processes per server process; one client uses at most all but one of them.")
@click.option("--in-memory/--on-disk", "in_memory", default=None,
              help="Serve from an in-memory snapshot (faster) or from disk "
                   "[default: in memory up to 500,000 quads].")
@click.option("--allow-service", "allow_service", multiple=True, metavar="URL",
              help="Let SERVICE call this endpoint (repeatable); without it SERVICE is refused.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update and Graph Store writes (needs --token).")
@click.option("--token", envvar="WICKGRAPH_TOKEN", help="Bearer token that writes must send ($WICKGRAPH_TOKEN).")
@data_option
@store_option
def serve(host: str, port: int, workers: int, timeout: float, max_rows: int, query_workers: int,
          in_memory: bool | None, allow_service: tuple[str, ...], allow_update: bool, token: str | None,
          data_dir: Path | None, store_dir: Path | None) -> None:
    """Serve the store: a SPARQL 1.1 endpoint at /sparql and a page to explore it at /.

    Read-only unless --allow-update with --token, which also opens the curation page
    at /curate?token=T (editors review a review's claims and commit them to the data
    folder). The store is reopened when `wickgraph add` or `wickgraph build` changes
    it, without a restart. Queries run in worker processes that are stopped at
    --timeout; SERVICE is off unless --allow-service.
    """
    from ..errors import UsageError
    from ..server.app import ServerConfig
    from ..server.app import serve as run_server

    if allow_update and not token:
        raise UsageError("--allow-update needs --token T (or $WICKGRAPH_TOKEN): writes must carry that bearer token")
    config = ServerConfig(store=str(store_dir) if store_dir else None, timeout=timeout, max_rows=max_rows,
                          allow_update=allow_update, token=token, in_memory=in_memory,
                          query_workers=query_workers, allow_service=allow_service,
                          data=str(data_dir) if data_dir else None)
    recover_or_warn(data_dir, store_dir)

    def ready(url: str) -> None:
        click.echo(f"wickgraph serving on {url} (SPARQL at /sparql; Ctrl-C stops)", err=True)

    run_server(config, host=host, port=port, workers=workers, ready=ready)


@click.command()
@click.option("--endpoint", required=True, metavar="URL", help="The remote store's SPARQL query endpoint.")
@click.option("--graph-store", metavar="URL",
              help="Its Graph Store Protocol URL (default: the endpoint's .../query or .../sparql -> .../store).")
@click.option("--user", help="User name (HTTP Basic or Digest, as the server asks).")
@click.option("--password", envvar="WICKGRAPH_PASSWORD", help="Password ($WICKGRAPH_PASSWORD).")
@click.option("--token", envvar="WICKGRAPH_TOKEN", help="Bearer token ($WICKGRAPH_TOKEN).")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for each request.")
@store_option
def push(endpoint: str, graph_store: str | None, user: str | None, password: str | None, token: str | None,
         timeout: float, store_dir: Path | None) -> None:
    """Upload every named graph to a remote store, one Graph Store Protocol PUT per graph.

    Each PUT replaces that graph, so pushing twice changes nothing.
    """
    from ..errors import UsageError
    from ..remote import push as push_graphs

    if (user is None) != (password is None):
        raise UsageError("--user and --password go together")
    if token and user:
        raise UsageError("give --user/--password or --token, not both")
    report = read_from_store(store_dir, lambda store: push_graphs(
        store, endpoint, graph_store_url=graph_store,
        auth=(user, password) if user is not None and password is not None else None,
        headers={"Authorization": f"Bearer {token}"} if token else None, timeout=timeout,
        progress=Progress("graph"),
    ))
    click.echo(f"pushed {report.triples} triples in {len(report.graphs)} graphs to {report.graph_store} "
               f"in {report.seconds:.1f} s")
