"""Entity lexicons (data files read by kg.nlp.lexicon)."""
