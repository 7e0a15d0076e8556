"""The bottom layer: namespaces and IRI minting, which every other layer may import.

Nothing here imports from the rest of ``kg`` except the plain data model, so the NLP
pipeline, the stores and linking can name RDF terms without pulling in the writers.
"""
