"""The query page of `kg serve` in a real browser: it loads offline and answers a query."""

from __future__ import annotations

from test_serve import output, server  # noqa: F401  (fixtures: a running kg serve)


def test_query_page_runs_a_named_query_offline(server, watched):
    page = watched.page
    page.goto(f"{server}/")
    page.wait_for_selector(".yasqe .CodeMirror")
    assert "officials-and-posts" in page.inner_text("#named")
    page.select_option("#named", "officials-and-posts")
    page.wait_for_selector(".yasr table td:has-text('Ana Ruiz')", timeout=30_000)
    assert "deputy director" in page.inner_text(".yasr")
    assert watched.errors == []
    assert watched.outside == []
