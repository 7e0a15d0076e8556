"""RDF layer: namespaces, IRI minting, mapping extractions to quads, reading graphs back."""
