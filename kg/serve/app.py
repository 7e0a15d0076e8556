"""The SPARQL 1.1 Protocol endpoint as an ASGI app (Starlette), read-only.

``/sparql`` (also ``/query``) answers queries sent by GET or POST (form or
``application/sparql-query``), with the protocol's ``default-graph-uri`` and
``named-graph-uri``, in the format the Accept header asks for. Updates, Graph Store writes,
``SERVICE`` and ``LOAD`` are refused before a worker sees the query; ``/store`` reads a graph
(Graph Store Protocol GET); ``/`` is a query page (YASGUI) that loads nothing from the network.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from anyio import to_thread
from starlette.applications import Starlette
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from kg.assets import asset
from kg.errors import KgError, QueryError, QueryRefused, QueryTimeout, StoreError
from kg.guard import check_query
from kg.rdf.queries import named_queries
from kg.serve.workers import Job, NotAcceptableError, WorkerPool

PAGE = Path(__file__).resolve().parent / "page.html"
# The page may talk to this server only: the browser itself enforces that nothing is fetched
# from elsewhere (the page must work offline).
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
)
PAGE_FILES = {"yasgui.min.js", "yasgui.min.css"}
LOCAL_FILES = {"page.js": Path(__file__).resolve().parent / "page.js"}
QUERY_TYPES = ("application/sparql-query", "application/x-www-form-urlencoded")
READ_ONLY = "this endpoint is read-only: updates and Graph Store writes are not allowed."


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status)


def _status(error: KgError) -> int:
    if isinstance(error, QueryRefused):
        return 403
    if isinstance(error, QueryTimeout):
        return 503
    if isinstance(error, NotAcceptableError):
        return 406
    if isinstance(error, QueryError):
        return 400
    return 500


async def _answer(request: Request, job: Job) -> Response:
    pool: WorkerPool = request.app.state.pool
    try:
        check_query(job.query)
        answer = await to_thread.run_sync(pool.run, job)
    except KgError as error:
        return _error(_status(error), str(error))
    return Response(answer.body, headers={"Content-Type": answer.content_type, "X-Content-Type-Options": "nosniff"})


def _job(query: str, request: Request, params: QueryParams) -> Job:
    url = request.query_params
    fmt = next((str(p[k]) for p in (params, url) for k in ("format", "output", "results") if k in p), None)
    return Job(
        query=query,
        accept=request.headers.get("accept"),
        format=fmt,
        default_graphs=tuple(str(g) for g in (params.getlist("default-graph-uri") or url.getlist("default-graph-uri"))),
        named_graphs=tuple(str(g) for g in (params.getlist("named-graph-uri") or url.getlist("named-graph-uri"))),
    )


async def sparql(request: Request) -> Response:
    """The protocol's query operation, by GET or POST; update operations are refused."""
    if request.method == "GET":
        params: QueryParams = request.query_params
        if "update" in params:
            return _error(403, READ_ONLY)
        queries = params.getlist("query")
        if not queries:
            if "text/html" in request.headers.get("accept", ""):
                return RedirectResponse("/", status_code=303)
            return _error(400, "give a SPARQL query in the `query` parameter (or open / in a browser).")
        return await _protocol(request, queries, params)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/sparql-update":
        return _error(403, READ_ONLY)
    if media == "application/sparql-query":
        text = (await request.body()).decode("utf-8", errors="replace")
        return await _protocol(request, [text], request.query_params)
    if media == "application/x-www-form-urlencoded":
        # A form is a query string in the body (no need for a multipart parser).
        form = QueryParams((await request.body()).decode("utf-8", errors="replace"))
        if "update" in form:
            return _error(403, READ_ONLY)
        return await _protocol(request, [str(q) for q in form.getlist("query")], form)
    return _error(415, f"send the query as {' or '.join(QUERY_TYPES)}, not {media or 'no content type'}.")


async def _protocol(request: Request, queries: list[Any], params: QueryParams) -> Response:
    if len(queries) != 1:
        return _error(400, f"give exactly one `query`, not {len(queries)}.")
    return await _answer(request, _job(str(queries[0]), request, params))


async def graph_store(request: Request) -> Response:
    """Graph Store Protocol, reading only: GET ?default or ?graph=IRI gives that graph."""
    if request.method != "GET":
        return _error(403, READ_ONLY)
    params = request.query_params
    if "graph" in params:
        iri = params["graph"]
        if any(c in iri for c in '<>"{}|^`\\ '):
            return _error(400, f"{iri!r} is not an IRI.")
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    elif "default" in params:
        query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    else:
        return _error(400, "name the graph: /store?default or /store?graph=IRI.")
    job = Job(query=query, accept=request.headers.get("accept"))
    return await _answer(request, job)


async def page(request: Request) -> Response:
    """The query page: YASGUI on this endpoint, with kg's named queries one click away."""
    queries = {name: text for name, (_, text) in named_queries().items()}
    # "</" could end the script element early; JSON allows "<\/".
    data = json.dumps(queries, sort_keys=True).replace("</", "<\\/")
    html = PAGE.read_text(encoding="utf-8").replace("{{QUERIES}}", data)
    return HTMLResponse(html, headers={"Content-Security-Policy": PAGE_POLICY})


async def files(request: Request) -> Response:
    name = request.path_params["name"]
    if name in LOCAL_FILES:
        return FileResponse(LOCAL_FILES[name])
    if name not in PAGE_FILES:
        return _error(404, f"no file {name}")
    try:
        return FileResponse(asset(name))
    except KgError as error:
        return _error(500, str(error))


def create_app(store_path: str | Path, *, timeout: float = 30.0, workers: int = 2) -> Starlette:
    """The endpoint over the store at ``store_path``; the workers start with the app.

    >>> app = create_app("output/store", timeout=10)  # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=7878)  # doctest: +SKIP
    """

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.pool = await to_thread.run_sync(lambda: WorkerPool(store_path, size=workers, timeout=timeout))
        try:
            yield
        finally:
            app.state.pool.close()

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/query", sparql, methods=["GET", "POST"]),
        Route("/store", graph_store, methods=["GET", "PUT", "POST", "DELETE", "PATCH"]),
        Route("/assets/{name}", files, methods=["GET"]),
        # No icon: an empty answer, so that browsers log no 404 for it.
        Route("/favicon.ico", lambda request: Response(status_code=204), methods=["GET"]),
    ]
    if not Path(store_path).is_dir():
        raise StoreError(f"no store at {store_path}: build the graph first with `kg build`.")
    return Starlette(routes=routes, lifespan=lifespan)
