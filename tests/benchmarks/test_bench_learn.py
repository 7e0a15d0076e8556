"""The trainer and cross-validation of the learned figure reading (bench/learn/trade_figures.py),
on stories made up here: no article is read."""

from __future__ import annotations

from bench.learn.trade_figures import Story, added, cross_validate, train


def _story(part: str, n: int) -> Story:
    # two figures: the first has a right reading ("good") and a wrong one; the second only a wrong one
    return Story(name=f"{part}-{n}", part=part, required=2, rule_tp=1,
                 features=[("good", "shared"), ("bad", "shared"), ("bad", "other")], labels=[1, 0, 0],
                 figures=[(1, 2), (1, 2), (5, 6)], gold_keys=[1, None, None])


def test_training_learns_the_telling_feature_deterministically() -> None:
    stories = [_story(p, n) for p in ("a", "b") for n in range(5)]
    weights, bias = train(stories)
    assert weights["good"] > 0 > weights["bad"]
    assert train(stories) == (weights, bias)


def test_a_story_gains_the_likeliest_reading_of_each_figure_over_the_threshold() -> None:
    story = _story("a", 0)
    assert added(story, {"good": 5.0, "bad": -5.0}, 0.0, 0.5) == (1, 0)
    assert added(story, {"good": 5.0, "bad": 5.0}, 0.0, 0.5) == (1, 1)  # one fact per figure: two, not three
    assert added(story, {}, 0.0, 0.9) == (0, 0)


def test_cross_validation_prints_each_held_out_fold(capsys) -> None:
    cross_validate([_story(p, n) for p in ("a", "b") for n in range(3)], (0.5,))
    out = capsys.readouterr().out
    assert "| a | 3 |" in out and "| b | 3 |" in out and "| all | 6 |" in out


def test_goods_heads_reads_the_head_of_goods_counted_in_bulk() -> None:
    from bench.learn.goods_heads import counted_heads

    text = "Mills bought 4,000 tonnes of durum semolina to Libya and 1.5 mln bags of the crop."
    assert list(counted_heads(text)) == ["semolina"]
