"""kg's benchmarks: ``speed/`` (timings), ``accuracy/`` (scorers), ``gold/`` (annotated
articles), ``results/`` (what the last runs wrote)."""
