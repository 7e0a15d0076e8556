"""kg/vocab/iri.py: IRIs stay valid and distinct whatever the names and addresses hold."""

from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import EntityType
from kg.vocab.iri import MAX_SLUG, named_iri, slug, source_iri, valid_iri


def test_long_names_that_share_their_head_stay_two_iris():
    head = "Committee for the Coordination of the Federal Programme of " * 3
    first, second = head + "Roads", head + "Railways"
    assert slug(first) != slug(second)
    assert named_iri(EntityType.PERSON, first) != named_iri(EntityType.PERSON, second)
    assert len(slug(first)) <= MAX_SLUG
    assert slug(first) == slug(first.upper()), "the hash covers the normalized name: still deterministic"
    assert slug("Ministry of Commerce") == "ministry-of-commerce", "short names are as before"


def test_long_names_in_other_scripts_are_never_cut_inside_an_escape():
    names = ["\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd\u5546\u52a1\u90e8" * 12 + tail for tail in ("\u4e00", "\u4e8c")]
    slugs = [slug(name) for name in names]
    assert slugs[0] != slugs[1]
    for key in slugs:
        assert len(key) <= 200 and valid_iri(f"https://w3id.org/kg-news/id/person/{key}")


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a>b", "https://example.org/a%3Eb"),
    ("https://example.org/a b?q=<x>", "https://example.org/a%20b?q=%3Cx%3E"),
    ("https://example.org/100%", "https://example.org/100%25"),
    ("https://example.org/p#one#two", "https://example.org/p#one%23two"),
    ("https://example.org/caf\u00e9|\"{x}\"", "https://example.org/caf%C3%A9%7C%22%7Bx%7D%22"),
    ("https://example.org/ok?a=1&b=2#frag", "https://example.org/ok?a=1&b=2#frag"),
    ("https://example.org/x[1]", "https://example.org/x%5B1%5D"),
])
def test_article_addresses_become_valid_iris(url, expected):
    assert str(source_iri(url)) == expected


@pytest.mark.parametrize("url", ["example.org/a", "ftp://example.org/a", "http://[broken/", "mailto:a@b.c"])
def test_addresses_no_encoding_makes_an_http_iri_give_none(url):
    assert source_iri(url) is None


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_every_name_gives_a_valid_iri(name):
    pyoxigraph.NamedNode(str(named_iri(EntityType.ORGANIZATION, name)))


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=80))
def test_every_http_address_gives_a_valid_iri_or_none(tail):
    iri = source_iri("https://example.org/" + tail)
    assert iri is None or valid_iri(str(iri))
