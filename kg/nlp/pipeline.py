"""kg's spaCy pipeline: the statistical model plus kg's entity components.

>>> nlp = build_pipeline()  # doctest: +SKIP
>>> [(e.text, e.label_) for e in nlp("Zhang Qi, deputy director of the Ministry of Commerce, spoke.").ents]  # doctest: +SKIP
[('Zhang Qi', 'Official'), ('Ministry of Commerce', 'Agency')]
"""

from __future__ import annotations

import gc
import re
from functools import lru_cache

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from kg.errors import ModelError
from kg.nlp.datafiles import load
from kg.nlp.loading import DEFAULT_MODEL, load_statistical
from kg.nlp.spans import GARBLED_QUOTES, QUOTED_POSSESSIVES

KG_COMPONENTS = ("kg_entities",)


# Marks that text decoded with the wrong charset writes as three letters: the quotes and
# dashes the entity rules know, and the ellipsis ("...state\u201a\u00c4\u00b6").
GARBLED_MARKS = (*GARBLED_QUOTES, "\u201a\u00c4\u00b6")

# A word with an HTML character reference inside ("Jos&#233;") is one word.
_ENTITY_WORD = re.compile(r"^[^\W\d_]*&#(?:\d{2,5}|x[0-9a-fA-F]{2,4});[^\W\d_]*$")


def adapt_tokenizer(nlp: Language) -> Language:
    """Split garbled quotes and the "s of "Indonesia"s" off words, keep "Jos&#233;" whole,
    split "REUTERS/Leah" and "(266,389),Egypt"; idempotent."""
    tokenizer = nlp.tokenizer
    current = getattr(tokenizer, "token_match", None)
    if current is not None and getattr(current, "__self__", None) is _ENTITY_WORD:
        return nlp
    quotes = [re.escape(q) for q in GARBLED_MARKS]
    prefixes = [*quotes, *nlp.Defaults.prefixes]
    # "Indonesia"s": a double quote for an apostrophe, only right after a letter
    quoted = [r'(?<=[A-Za-z])"[sS]']
    suffixes = [re.escape(GARBLED_QUOTES[2]) + "s", *quoted, *quotes, *nlp.Defaults.suffixes]
    # a list item glued to the one before ("(266,389),Egypt 158,119"): split at the comma
    glued = [r"(?<=\w)\)(?=,[A-Z])", r"(?<=[\d)]),(?=[A-Z])"]
    # "1.5 mln wheat/1.0 mln barley": goods and the next figure
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z])/(?=[A-Z])", r"(?<=[a-z])/(?=\d)", *glued, *quotes]
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.token_match = _ENTITY_WORD.match
    read_garbled_as_clean(nlp)
    read_british_as_american(nlp)
    return nlp


def read_garbled_as_clean(nlp: Language) -> None:
    """Give each garbled quote or dash the lexical features of the mark it stands for.

    Text decoded with the wrong charset writes "“" as three letters; the tagger and
    parser, which see a word through its norm, affixes and shape, then take it for a proper
    noun and parse the sentence around it wrongly. Text offsets stay those of the input.
    """
    garbled_marks = (*GARBLED_MARKS, GARBLED_QUOTES[2] + "s")
    marks = {garbled: garbled.encode("mac_roman").decode("utf-8") for garbled in garbled_marks}
    # "Indonesia"s" reads as "Indonesia's"
    marks.update((quoted, "'" + quoted[1:]) for quoted in QUOTED_POSSESSIVES)
    for garbled, mark in marks.items():
        clean = nlp.vocab[mark]
        lexeme = nlp.vocab[garbled]
        lexeme.norm_, lexeme.prefix_, lexeme.suffix_ = clean.norm_, clean.prefix_, clean.suffix_
        lexeme.shape_ = clean.shape_
        lexeme.is_punct, lexeme.is_quote = clean.is_punct, clean.is_quote
        lexeme.is_left_punct, lexeme.is_right_punct = clean.is_left_punct, clean.is_right_punct


def read_british_as_american(nlp: Language) -> None:
    """Give each British doubled-l spelling (``british_spellings.txt``) the norm of its American
    form: the tagger and parser see a word through its norm, affixes and shape, and the norm of
    "totalling" is unknown to them, so "olein totalling 24,000 tonnes" parsed as a noun phrase
    ("olein totalling") and hid the goods from their figure; "totaling" parses as a participle.
    """
    for british in load("british_spellings.txt"):
        ending = "ing" if british.endswith("lling") else "ed"
        nlp.vocab[british].norm_ = british[: -len(ending) - 1] + ending  # "totalling" -> "totaling"


def add_components(nlp: Language) -> Language:
    """Adapt the tokenizer and add kg's components after the model's own; idempotent."""
    # spaCy finds kg's factories through the entry points an install of kg declares.
    missing = [n for n in ("kg_paragraphs", *KG_COMPONENTS) if not Language.has_factory(n)]
    if missing:
        raise ModelError(f"spaCy finds no component {', '.join(missing)}: kg's spacy_factories "
                         f"entry points are not installed. Reinstall kg (pip install -e . or make setup).")
    adapt_tokenizer(nlp)
    if "kg_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    for name in KG_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def build_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` and add kg's components, so that ``doc.ents`` carry kg types."""
    return add_components(load_statistical(model))


@lru_cache(maxsize=4)
def cached_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """One built pipeline per model and process, out of the garbage collector's reach."""
    nlp = build_pipeline(model)
    # The pipeline lives as long as the process: frozen, its ~150,000 objects (and the
    # lexicons loaded with it) are no longer walked by every full collection, one of which
    # cost ~1 ms of CPU an article of a 120-article build.
    gc.freeze()
    return nlp
