"""Relation lexicons (JSON data files read by kg.nlp.relations)."""
