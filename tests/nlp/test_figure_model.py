"""The learned figure reading's model: weights, bias and threshold, read from their file's JSON."""

from __future__ import annotations

import math

import pytest

from kg.nlp.relations.figure_model import FigureModel


def test_a_model_reads_its_weights_file() -> None:
    model = FigureModel.from_json({"weights": {"kind=unit": 1.0, "why=last": "0.5"}, "bias": -0.5, "threshold": 0.9})
    assert model.probability(["kind=unit", "unknown=feature"]) == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert model.threshold == 0.9
