"""A real headless Chromium for the page tests (Playwright driving the system's browser).

Playwright's own browser download cannot reach its host here, so the tests drive Debian's
``chromium`` (installed by .ci/run); without it they skip, saying why. Every page is watched:
console errors and page errors are collected, and any request to a host other than
127.0.0.1 is blocked and recorded (the pages must work offline).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def chromium_path() -> str | None:
    explicit = os.environ.get("KG_CHROMIUM")
    if explicit:
        return explicit
    return next((path for name in CANDIDATES if (path := shutil.which(name))), None)


@dataclass
class Watched:
    """A page and what went wrong on it."""

    page: Any
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium; .ci/run does it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip extra 'test')")
    with sync_api.sync_playwright() as playwright:
        # --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
        browser = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def watched(chromium) -> Iterator[Watched]:
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    watch = Watched(page)
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))

    def guard(route: Any) -> None:
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", None) or url.startswith("file:"):
            route.continue_()
        else:
            watch.outside.append(url)
            route.abort()

    page.route("**/*", guard)
    try:
        yield watch
    finally:
        context.close()
