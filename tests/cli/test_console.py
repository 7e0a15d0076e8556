"""What kg prints for people: the progress bar (terminals only), the build summary, stats tables."""

from __future__ import annotations

import io

from rich.console import Console

from kg.console import SKIPPED_SHOWN, build_progress, print_build_summary, print_stats
from kg.model import BuildReport


def _console(*, terminal: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=terminal, width=120), buffer


def test_progress_shows_count_and_rate_on_a_terminal_only():
    terminal, shown = _console(terminal=True)
    report = BuildReport()
    with build_progress(terminal, total=4) as progress:
        for _ in range(3):
            report.articles_extracted += 1
            progress.on_article(report)
        progress.on_stage("writing graph.ttl")
    assert "3/4" in shown.getvalue() and "articles/s" in shown.getvalue() and "writing graph.ttl" in shown.getvalue()
    pipe, quiet = _console(terminal=False)
    with build_progress(pipe, total=4) as progress:
        progress.on_article(report)
        progress.on_stage("writing graph.ttl")
    assert quiet.getvalue() == ""


def test_summary_of_a_build_and_of_a_rebuild():
    console, out = _console(terminal=False)
    err, errors = _console(terminal=False)
    report = BuildReport(articles_read=3, articles_written=2, articles_failed=1, entities=5, facts=2, triples=40,
                         errors=["a.txt: not UTF-8"], entities_by_type={"Official": 2, "Country": 3},
                         facts_by_predicate={"holdsPost": 2},
                         graph={"articles": 2, "entities": 4, "facts": 2, "triples": 40})
    print_build_summary(report, output="out", console=console, err=err)
    text = out.getvalue()
    assert "3 articles read: 2 written, 0 unchanged, 1 skipped" in text
    assert "entities in them: 5 (Country 3, Official 2)" in text and "facts in them:    2 (holdsPost 2), 40 triples" in text
    assert "the graph:        2 articles, 4 entities, 2 facts, 40 triples in out\n" in text
    assert "skipped: a.txt: not UTF-8" in errors.getvalue()
    console, out = _console(terminal=False)
    print_build_summary(BuildReport(articles_read=2, articles_unchanged=2, graph=report.graph), output="out",
                        console=console, err=err)
    assert "in them" not in out.getvalue() and "40 triples in out (unchanged)" in out.getvalue()


def test_many_skips_are_counted_unless_verbose():
    report = BuildReport(articles_read=30, articles_failed=30, errors=[f"f{i}.txt: bad" for i in range(30)])
    for verbose, lines in ((False, SKIPPED_SHOWN + 1), (True, 30)):
        console, _ = _console(terminal=False)
        err, errors = _console(terminal=False)
        print_build_summary(report, output="out", console=console, err=err, verbose=verbose)
        assert len(errors.getvalue().splitlines()) == lines
    assert "20 more (--verbose lists them all)" in _summary_errors(report)


def _summary_errors(report: BuildReport) -> str:
    console, _ = _console(terminal=False)
    err, errors = _console(terminal=False)
    print_build_summary(report, output="out", console=console, err=err)
    return errors.getvalue()


def test_stats_tables():
    row = {"iri": "https://w3id.org/kg-news/id/place/Q114", "label": "Kenya", "type": "Country", "articles": 2,
           "degree": 3, "pagerank": 0.25, "betweenness": 0.5}
    figures = {
        "graph": {"articles": 2, "entities": 3, "facts": 1, "triples": 9},
        "entities_by_type": {"Country": 1}, "facts_by_predicate": {"kg:basedIn": 1},
        "network": {"nodes": 3, "edges": 2, "fact_edges": 1, "co_mention_edges": 2, "isolated": 0, "components": 1,
                    "largest_component": 3, "communities": 1},
        "central": {"officials": [], "agencies": [], "countries": [row]},
        "communities": [{"size": 3, "members": ["Kenya", "Nairobi"]}],
        "appear_together": [{"a": "Kenya", "b": "Nairobi", "articles": 2, "relations": "kg:locatedIn"}],
    }
    console, out = _console(terminal=False)
    print_stats(figures, console=console)
    text = out.getvalue()
    assert "Most central countries" in text and "place:Q114" in text and "0.2500" in text
    assert "Most central officials" not in text  # an empty ranking is left out
    assert "Kenya, Nairobi" in text and "kg:locatedIn" in text
