"""The README's sample output is what the commands print today.

The `make run` block and the `kg stats` block are run through the CLI runner on the bundled
examples, in a temporary output folder; only that folder's path is put back to ``output``.
"""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def _block_after(readme: str, marker: str) -> list[str]:
    start = readme.index(marker)
    fence = readme.index("```\n", start) + 4
    return readme[fence:readme.index("```", fence)].splitlines()


def _sessions(lines: list[str], prompt: str) -> list[tuple[list[str], list[str]]]:
    """(arguments, expected output lines) of each command in a block."""
    sessions: list[tuple[list[str], list[str]]] = []
    for line in lines:
        if line.startswith(prompt):
            sessions.append((shlex.split(line[len(prompt):]), []))
        else:
            sessions[-1][1].append(line)
    return sessions


def _run(arguments: list[str], output: str) -> list[str]:
    arguments = [output if a in ("output/", "output") else a.replace("output/", output + "/") for a in arguments]
    if "--output" not in arguments and arguments[0] in ("stats", "query", "export", "validate"):
        arguments += ["--output", output]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 0, result.output
    return [line.rstrip() for line in result.output.replace(output, "output").splitlines()]


@pytest.fixture(scope="module")
def readme(repo) -> str:
    return (repo / "README.md").read_text(encoding="utf-8")


def test_make_run_prints_what_the_readme_shows(readme, repo, tmp_path, nlp):
    makefile = (repo / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^run: setup\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    commands = [line.strip().replace("$(KG)", ".venv/bin/kg") for line in recipe.splitlines()]
    sessions = _sessions(_block_after(readme, "`make run` prints"), ".venv/bin/kg ")
    assert [".venv/bin/kg " + shlex.join(arguments) for arguments, _ in sessions] == commands
    output = str(tmp_path / "out")
    for arguments, expected in sessions:
        arguments = [a if a != "examples/" else str(repo / "examples") + "/" for a in arguments]
        assert _run(arguments, output) == expected, shlex.join(arguments)

    stats = _sessions(_block_after(readme, "On the bundled examples (a test checks this too)"), "$ kg ")
    assert len(stats) == 1
    arguments, expected = stats[0]
    assert _run(arguments, output) == expected

    views = _sessions(_block_after(readme, "`kg view` writes one self-contained HTML file"), "$ kg ")
    assert [arguments[0] for arguments, _ in views] == ["view", "view"]
    for arguments, expected in views:
        assert _run([*arguments, "--output", output], output) == expected
