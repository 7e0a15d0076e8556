"""``kg serve``: the graph as a read-only SPARQL 1.1 Protocol endpoint, with a query page.

An ASGI app (Starlette, run by uvicorn) over the Oxigraph store opened read-only in query
worker processes, rather than Oxigraph's own server: that server follows ``SERVICE`` to any
host and offers no hook to refuse it, and a guard in front of it would leave its own port
open on loopback, unguarded. Here every query passes ``kg.guard`` (the check ``kg query``
uses) before a worker sees it, and a worker that runs past the timeout is stopped.

>>> serve(output="output", port=7878)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import uvicorn

from kg.assets import asset
from kg.errors import StoreError
from kg.serve.app import PAGE_FILES, create_app
from kg.workspace import DEFAULT_OUTPUT, existing_store_path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(
    *,
    output: str | Path = DEFAULT_OUTPUT,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float = 30.0,
    workers: int = 2,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the graph under ``output`` until interrupted; ``on_ready`` gets the page's URL."""
    for name in sorted(PAGE_FILES):
        asset(name)  # fail now, not when a browser asks for the page
    app = create_app(existing_store_path(output), timeout=timeout, workers=workers)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    if on_ready is not None:
        # uvicorn calls this once the socket listens and the lifespan (workers) has started.
        original = server.startup

        async def startup(sockets: object = None) -> None:
            await original(sockets=sockets)
            if server.started:
                on_ready(url)

        server.startup = startup  # type: ignore[method-assign]
    try:
        server.run()
    except SystemExit:
        started = server.started
    else:
        started = True
    if not started:
        raise StoreError(f"cannot serve on {host}:{port}: is another server using that port? Try --port.")
