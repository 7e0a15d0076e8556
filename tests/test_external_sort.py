from __future__ import annotations

import random

import pytest

from kg.rdf.external_sort import sorted_unique


def _records(n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    alphabet = "ab<>\"\\_: \t\ré日"
    return [("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5))), rng.choice(["n", "d", ""]))
            for _ in range(n)]


@pytest.mark.parametrize("run_size", [1, 2, 3, 7, 10_000])
@pytest.mark.parametrize("fan_in", [2, 3, 64])
def test_sorted_unique_is_sorted_set_whatever_the_run_size(tmp_path, run_size, fan_in):
    records = _records(300, seed=run_size * 100 + fan_in)
    out = list(sorted_unique(records, directory=tmp_path, run_size=run_size, fan_in=fan_in))
    assert out == sorted(set(records))
    assert list(tmp_path.iterdir()) == []  # run files are deleted once merged


def test_sorted_unique_of_nothing(tmp_path):
    assert list(sorted_unique([], directory=tmp_path, run_size=2)) == []


def test_sorted_unique_spills_runs_only_when_they_do_not_fit(tmp_path):
    records = [("b",), ("a",), ("b",)]
    stream = sorted_unique(records, directory=tmp_path, run_size=5)
    assert next(stream) == ("a",)
    assert list(tmp_path.iterdir()) == []
    stream = sorted_unique(records * 3, directory=tmp_path, run_size=1)
    assert next(stream) == ("a",)
    assert list(tmp_path.iterdir())  # merging from run files
    stream.close()
    assert list(tmp_path.iterdir()) == []  # a sort stopped early leaves no files behind


def test_sorted_unique_refuses_runs_too_small(tmp_path):
    with pytest.raises(ValueError):
        list(sorted_unique([("a",)], directory=tmp_path, run_size=0))
