"""Accuracy benchmarks: kg scored against gold data (``bench/gold/``) and public datasets."""
