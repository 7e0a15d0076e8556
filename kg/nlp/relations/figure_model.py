"""The model of the learned figure reading (``learned_figures``): feature weights of a logistic
model, its bias and the probability a fact needs. Plain data, below the rules that carry it
(``RelationRules.figure_model``) and the step that reads with it."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FigureModel:
    """Feature weights of a logistic model, its bias and the probability a fact needs."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        """The model's probability that a reading with ``features`` is a trade fact."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: dict) -> FigureModel:
        """The model of a weights file (``{"weights": {...}, "bias": b, "threshold": t}``)."""
        return cls(weights={str(k): float(v) for k, v in data["weights"].items()}, bias=float(data["bias"]),
                   threshold=float(data["threshold"]))
