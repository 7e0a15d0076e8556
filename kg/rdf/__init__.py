"""RDF layer: mapping extractions to quads, writing and reading graphs back (terms: kg.vocab)."""
