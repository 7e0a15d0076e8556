"""Speed benchmarks: kg against a baseline, timed in one run (``python -m bench.speed``)."""
