"""Where flow clauses are: the trade words of a sentence that open one (a noun or verb of
export, import, sale or purchase), whether each is an export, and where its clause ends."""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Span, Token

from kg.model import EntityType
from kg.nlp.climb import climb
from kg.nlp.relations.asked_amounts import asked_amount
from kg.nlp.relations.base import COUNTRY, PRODUCTS, Context
from kg.nlp.relations.world_regions import world_region
from kg.nlp.relations.exporters import described_trader
from kg.nlp.relations.flow_availability import available_for_export
from kg.nlp.relations.flow_clause import Flow, anchor_words, flow_words
from kg.nlp.relations.flow_domestic import for_home_use
from kg.nlp.relations.flow_licences import authorising_verb, rebated_licence, under_licence
from kg.nlp.relations.flow_loadings import vessel_loading
from kg.nlp.relations.flow_market_takings import market_taking
from kg.nlp.relations.flow_participles import moved_figures, still_to_move
from kg.nlp.relations.flow_purchasers import earlier_buyer, market_taker, national_buyer, purchase_holder
from kg.nlp.relations.flow_relatives import agent_participle
from kg.nlp.relations.flow_reports import report_sale
from kg.nlp.relations.financial_flows import financial_flow
from kg.nlp.relations.flow_sales import (bonus_sale, buying_tender, licence_receipt, licensed_verb, reporting_exporters,
                                         tender_to_buy)
from kg.nlp.relations.refusals import rejected
from kg.nlp.relations.trader_keys import is_territory, trader_key, trader_or_nation


def find_flows(ctx: Context, sent: Span) -> list[Flow]:
    """The trade words of a sentence, each with the extent of its clause."""
    anchors = []
    nouns, verbs = anchor_words()
    # Only the words that could anchor a flow (the test below decides): most words of a
    # sentence are none, and making a Token of each cost more than the test.
    for t in (ctx.doc[i] for i in ctx.parse.with_words(sent.start, sent.end, nouns, verbs)):
        word, lemma = t.lower_, t.lemma_.lower()
        if not (word in nouns and t.pos_ in ("NOUN", "PROPN") or lemma in verbs and t.pos_ == "VERB" or buying_tender(t)):
            continue  # no anchor: what follows would find none, after a scan of the left edge
        if t.pos_ != "VERB" and any(w.lower_ in flow_words("not_goods") for w in t.doc[t.left_edge.i : t.i]):
            continue  # "capital exports", "service imports": no goods (a verb's subject may be "General Services")
        if financial_flow(t):
            continue  # "purchases of foreign securities": money or paper, not goods
        if t.pos_ == "VERB" and for_home_use(t, sale=lemma in flow_words("sale_verbs")):
            continue  # "bought 2.3 mln pounds of peanut products for domestic distribution": no goods cross
        if asked_amount(t):
            continue  # "no knowledge of how much grain Moscow would buy": asked, not reported
        if _delivery_time(t):
            continue  # "bought 20,000 tonnes for May shipment": when the goods go, not a flow of its own
        if t.pos_ == "NOUN" and word in flow_words("product_value_heads") and not any(
                c.lower_ in flow_words("export_nouns") | flow_words("import_nouns") for c in t.children) and any(
                ctx.key(c, PRODUCTS) for c in t.children if c.dep_ in ("compound", "nmod", "amod")):
            anchors.append((t, True))  # "coffee earnings were 110 mln dlrs"
        elif buying_tender(t):
            anchors.append((t, False, True))  # "a buying tender for 100,000 tonnes": a planned import
        elif t.pos_ in ("NOUN", "PROPN") and available_for_export(t) is not None:
            anchors.append((t, True, True))  # "2.5 mln tonnes of sugar available for export": to be shipped
        elif t.pos_ in ("NOUN", "PROPN") and word in flow_words("export_nouns") | flow_words("import_nouns") \
                and not _in_balance(t):
            if authorising_verb(t) is not None:
                anchors.append((t, word in flow_words("export_nouns"), True, True))
                continue  # "authorised the export of 25,000 tonnes": licensed, not shipped
            if t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i and not t.head.like_num:
                # (a figure is no head it modifies: "and exports 1,076.1 billion" is a flow)
                if t.head.lower_ in flow_words("target_heads"):
                    # "imports subject to the U.S. import quota totaled ...": the owner's shipments, not a plan
                    governing = _governing_quota(t, anchors)
                    shipped = governing is not None and any(
                        ctx.key(w, COUNTRY) or ctx.country_of_demonym(w) for w in t.doc[governing + 1 : t.i])
                    anchors.append((t, word in flow_words("export_nouns"), *(() if shipped else (True,))))
                    continue
                if word in flow_words("export_nouns") and t.head.lower_ in flow_words("inspection_heads"):
                    # "wheat export inspections totalled 12.3 mln bushels": grain inspected to
                    # ship abroad; only with a figure of their own ("a larger export inspection
                    # figure" is market talk about the report)
                    if any(x.like_num for x in t.head.head.subtree):
                        anchors.append((t, True))
                    continue
                if t.head.lower_ in flow_words("commitment_nouns"):
                    anchors.append((t, word in flow_words("export_nouns")))
                    continue  # "maize import commitments": the direction is the compound's
                if t.head.lower_ in flow_words("licence_heads"):
                    anchors.append((t, word in flow_words("export_nouns"), True, True))
                    continue
                if word in flow_words("import_nouns") and t.head.lower_ in flow_words("import_need_heads") \
                        and any(c.like_num for c in t.head.head.subtree):
                    # "the wheat import market will expand to 3.4 mln tonnes", "import needs of
                    # 40,000 bpd": what will be bought abroad, a planned import
                    anchors.append((t, False, True))
                    continue
                if t.head.lower_ not in flow_words("value_heads"):
                    continue  # "export duty", "import demand": not a flow
            anchors.append((t, word in flow_words("export_nouns")))
        elif t.pos_ == "NOUN" and word in flow_words("sale_nouns") | flow_words("purchase_nouns") \
                and not _directed_commitments(t) and (_national_trade(ctx, t) or reporting_exporters(t) is not None or bonus_sale(t)
                     or report_sale(ctx, t) or _exporters_sales(t)):
            anchors.append((t, word in flow_words("sale_nouns")))  # "EC sales to Brazil total 225,000 tonnes"
        elif t.pos_ == "NOUN" and purchase_holder(ctx, t) is not None:
            # "India had further purchases of two cargoes", "Libya was a buyer"; "Greece has
            # called a tender for 40,000 tonnes": goods still to buy
            anchors.append((t, False, True) if word in flow_words("tender_nouns") else (t, False))
        elif t.pos_ == "VERB" and lemma in flow_words("export_verbs") | flow_words("import_verbs") | flow_words("sale_verbs"):
            if t.tag_ == "VBN" and t.dep_ in ("amod", "acl") and not agent_participle(t):
                continue  # "lumber exported", "the 45,000 tonnes shipped": not a clause of its own
            if any(c.dep_ == "neg" for c in t.children):
                continue  # "had not sold wheat to Colombia"
            if lemma in flow_words("sale_verbs") and not (_abroad(ctx, t) or _national_seller(ctx, t)):
                continue  # "Ferrari sells 10,000 cars": a sale, not an export
            if lemma in flow_words("sale_verbs") and _delivers_no_goods(t):
                continue  # "Britain is delivering 234m of cuts": no goods change hands
            if lemma in flow_words("goods_loan_verbs") and not _lends_goods(ctx, t):
                continue  # "Japan will lend Brazil 500 mln dlrs": money, not goods
            if licensed_verb(t):
                anchors.append((t, lemma not in flow_words("import_verbs"), True, True))
                continue  # "licences to export 80,000 tonnes": licensed, not shipped
            # "2.4 mln bags to be shipped during March": goods still to go, a planned flow
            anchors.append((t, lemma not in flow_words("import_verbs"), *((True,) if still_to_move(t) else ())))
        elif market_taking(t) and market_taker(ctx, t) is not None:
            anchors.append((t, False))  # "taking five cargoes from the free market": a purchase
        elif vessel_loading(t):
            anchors.append((t, True))  # "Six ships are loading 120,000 tonnes of wheat": the story's exports
        elif licence_receipt(t) is not None:
            anchors.append((t, True, True, True))  # "traders in the U.K. received 43,500 tonnes"
        elif t.pos_ == "NOUN" and word in flow_words("imported_demand_heads") and _for_imported_goods(t):
            anchors.append((t, False, True))  # "demand for imported ethylene has risen to 17,000 tonnes"
        elif t.pos_ == "VERB" and lemma in flow_words("purchase_verbs") and not any(c.dep_ == "neg" for c in t.children) \
                and national_buyer(ctx, t) is not None:
            anchors.append((t, False))  # "Japanese crushers have bought 214,000 tonnes of soybeans"
        elif tender_to_buy(t) and national_buyer(ctx, t) is not None and _seeks_goods(ctx, t, ("prep",)):
            anchors.append((t, False, True))  # "Egypt will tender Thursday for 200,000 tonnes of corn": to buy
        elif t.pos_ == "VERB" and lemma in flow_words("seeking_verbs") and not any(c.dep_ == "neg" for c in t.children) \
                and national_buyer(ctx, t) is not None and _seeks_goods(ctx, t):
            anchors.append((t, False, True))  # "Egypt will be seeking 20,000 tonnes of white sugar": to buy
    if not anchors:
        # "one mln tonnes of corn sold to the Soviet Union", "2.4 mln bags to be shipped": a
        # figure the sentence's only trade word, a participle, describes
        anchors = [(t, exports, *((True,) if still_to_move(t) else ())) for t, exports in moved_figures(sent)
                   if not (t.lemma_.lower() in flow_words("sale_verbs") and not _abroad(ctx, t))]
    if not anchors:
        # "the 3.03 mln under licence a year ago": licensed goods in a sentence with no trade word
        anchors = [(t, not any(c.lower_ in flow_words("import_nouns") for c in t.children), True, True)
                   for t in (ctx.doc[i] for i in ctx.parse.with_words(sent.start, sent.end, flow_words("licence_heads")))
                   if under_licence(t)][:1]
    if not anchors:
        # "licences for 60,500 tonnes were awarded at a maximum rebate of 43 Ecus": a licence
        # priced in export refunds is an export licence
        anchors = [(t, True, True, True)
                   for t in (ctx.doc[i] for i in ctx.parse.with_words(sent.start, sent.end, flow_words("licence_heads")))
                   if rebated_licence(t)][:1]
    anchors = [a for a in anchors if not rejected(a[0])]
    anchors = [a for k, a in enumerate(anchors) if not _purpose_of(a[0], [b[0] for b in anchors[:k]])]
    flows = []
    for k, (token, exports, *planned) in enumerate(anchors):
        end = anchors[k + 1][0].i if k + 1 < len(anchors) else sent.end
        flows.append(Flow(anchor=token, exports=exports, end=clause_end(sent, token.i, end), planned=bool(planned),
                          licensed=len(planned) > 1))
    return flows


def _purpose_of(token: Token, earlier: list[Token]) -> bool:
    """ "sold 5.5 mln bags for export in January", "bought 51,000 tonnes ..., for rail
    shipments in May": a trade noun only saying what an earlier trade word's goods are for,
    with no figure of its own; the earlier flow's clause goes on past it."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "for" or any(t.like_num for t in token.subtree):
        return False
    return any(e.i < token.i and (prep.head.i == e.i or e in prep.head.ancestors or e.i in
                                  {t.i for t in prep.head.subtree} and prep.head.i != token.i) for e in earlier)


def _directed_commitments(noun: Token) -> bool:
    """ "wheat export commitments": the import or export noun before the commitments anchors
    their flow and says its direction (a buyer's commitments are no more purchases than a
    seller's)."""
    return noun.lower_ in flow_words("commitment_nouns") and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in flow_words("export_nouns") | flow_words("import_nouns")
        for c in noun.children)


def _exporters_sales(noun: Token) -> bool:
    """ "Thailand exported 75,160 tonnes ..., plus concluded advance sales for 22,086 tonnes":
    sales the exporter of the verb before made, the object of a verb joined to its export verb."""
    verb = noun.head
    return noun.lower_ in flow_words("sale_nouns") and noun.dep_ == "dobj" and verb.pos_ == "VERB" \
        and verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.lemma_.lower() in flow_words("export_verbs") \
        and not any(c.dep_ == "neg" for c in (*verb.children, *verb.head.children)) \
        and any(t.like_num for t in verb.subtree if t.i > noun.i)  # a figure of the sales, not "reported lower sales"


def _governing_quota(anchor: Token, anchors: list[tuple]) -> int | None:
    """Where the preposition stands that makes a quota qualify the flow before it: "Sugar
    imports subject to the U.S. sugar import quota totaled 25,192 tons", "exports under the
    quota": the quota says which shipments the flow counts, and the figures are theirs."""
    doc = anchor.doc
    i = anchor.i - 1
    while i > anchor.sent.start and (doc[i].is_space or doc[i].dep_ in ("compound", "amod", "nummod", "det", "poss")
                                     or doc[i].pos_ in ("PROPN", "DET", "NUM") or doc[i].tag_ == "POS"):
        i -= 1  # the quota's own words: "the U.S.\nsugar", "the 1987"
    if doc[i].lower_ in ("under", "within"):
        qualified = i - 1
    elif doc[i].lower_ == "to" and i > 0 and doc[i - 1].lower_ == "subject":
        qualified = i - 2
    else:
        return None
    # the preposition right after the flow noun it qualifies: "imports subject to", "exports under"
    return i if any(not planned and flow.pos_ == "NOUN" and flow.i == qualified for flow, _, *planned in anchors) else None


def _seeks_goods(ctx: Context, verb: Token, deps: tuple[str, ...] = ("dobj",)) -> bool:
    """ "seeking 20,000 tonnes of white sugar", "tender for 200,000 tonnes of corn": a figure
    of goods as the object, or the preposition's (not "seeking credits", "tender for 300 mln
    dlrs of road works")."""
    objects = [c for c in verb.children if c.dep_ in deps]
    return any(any(t.like_num for t in o.subtree) and any(ctx.key(t, PRODUCTS) for t in o.subtree) for o in objects)


def _for_imported_goods(noun: Token) -> bool:
    """ "demand for imported ethylene", "requirements for imported coal": goods needed from abroad."""
    return any(p.dep_ == "prep" and p.lower_ == "for" and any(
        a.dep_ == "amod" and a.lower_ == "imported" for o in p.children if o.dep_ == "pobj" for a in o.children)
        for p in noun.children)


def _delivery_time(noun: Token) -> bool:
    """ "for May shipment", "for November to April 1987 shipment", "for shipment in May": the
    delivery a purchase or sale is made for, which dates that flow rather than stating one."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ not in flow_words("delivery_nouns"):
        return False
    doc = noun.doc
    for i in range(noun.i - 1, max(noun.sent.start, noun.i - 8) - 1, -1):
        t = doc[i]
        if t.lower_ == "for":
            return True
        if not (t.like_num or t.ent_type_ == "DATE" or t.lower_ in _DATE_LINKS or t.text in ("-", "/")):
            return False
    return False


_DATE_LINKS = frozenset({"to", "and", "late", "early", "mid", "end", "through"})


def _delivers_no_goods(verb: Token) -> bool:
    """ "delivering 234m of cuts", "delivered savings of 5bn": what is sold or delivered is
    no goods (the words of ``not_delivered``)."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        nouns = [obj, *(o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj")]  # fmt: skip
        if any(n.lemma_.lower() in flow_words("not_delivered") or n.lower_ in flow_words("not_delivered") for n in nouns):
            return True
    return False


def _lends_goods(ctx: Context, verb: Token) -> bool:
    """ "lend Ecuador 50,000 bpd of crude oil": goods named in what the verb lends, or counted
    in a unit of goods ("lend the country 50,000 bpd for export"; not "500 mln dlrs")."""
    lent = [t for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree]
    return any(ctx.key(t, PRODUCTS) for t in lent) or any(
        t.lower_ in flow_words("quantity_units") and any(n.like_num for n in t.children) for t in lent)


def _national_trade(ctx: Context, noun: Token) -> bool:
    """ "EC sales to Brazil", "sales abroad": sales that cross a border ("US truck sales" are
    sales at home); "USSR purchases of U.S. corn": a country's purchases of another's goods."""
    if _abroad(ctx, noun):
        return True
    if noun.lower_ not in flow_words("purchase_nouns"):
        return False
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children) and earlier_buyer(ctx, noun):
        return True  # "The USSR bought ..., which brings its total purchases to 1.65 mln tonnes"
    buyers = {k for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
              if (k := trader_or_nation(ctx, c))}  # fmt: skip
    goods = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.subtree]
    # "the purchase of 1.5 mln tonnes of U.S. corn by Japan": the buyer after "by", hung on the
    # noun or on the figure it is of
    counted = {noun.i} | {g.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children}
    buyers |= {k for t in noun.subtree if t.lower_ == "by" and t.head.i in counted
               for p in t.children if p.dep_ == "pobj" and (k := trader_key(ctx, p))}  # fmt: skip
    origins = {k for t in goods if (k := ctx.country_of_demonym(t))}
    if buyers and not goods and _counted_in_bulk(noun):
        return True  # "This brought total Indian purchases to six cargoes": a country's buying abroad
    return bool(buyers) and bool(origins - buyers)


def _counted_in_bulk(noun: Token) -> bool:
    """A purchase noun whose verb counts it in a bulk trade unit ("to six cargoes", "at 1.2 mln
    tonnes", "are expected to rise to 970,000 tonnes"): what a country buys by the cargo or
    the tonne it buys on the world market."""
    verb = noun.head
    units = flow_words("bulk_trade_units")
    return noun.dep_ in ("nsubj", "nsubjpass", "dobj") and any(t.lower_ in units for t in verb.subtree if t.i > noun.i)


# The dependencies by which a clause's subject hangs on its verb (active and passive).
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _national_seller(ctx: Context, verb: Token) -> bool:
    """ "France sold 250,000 tonnes of wheat", "The EC sold ...": a country's or a trade
    bloc's sales are exports; a company's are not."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or inherited_subjects(verb)
    # "have the African country lend it 10,000 bpd": a country named by description lends
    # goods as one (a loan of goods between countries crosses a border)
    loan = verb.lemma_.lower() in flow_words("goods_loan_verbs")
    return any((k := trader_key(ctx, s) or (described_trader(ctx, s, []) if loan else None))
               and ctx.type(k) is not EntityType.ORGANIZATION or (k and is_territory(ctx, k)) for s in subjects)  # fmt: skip


def inherited_subjects(verb: Token) -> list[Token]:
    """The subject an infinitive takes from the verb it completes: "the board expects to sell
    ...", "the agency is expected to sell ...", "Japan agreed to sell ..." (the seller is the
    subject of "expects", "is expected", "agreed"); none for a verb with a subject of its own."""
    head = climb(verb, lambda t: t.dep_ == "xcomp" and not any(c.dep_ in _SUBJECTS for c in t.children), steps=3)
    return [] if head is verb else [c for c in head.children if c.dep_ in _SUBJECTS]


def _in_balance(noun: Token) -> bool:
    """ "the gap between US exports and imports", "the surplus of exports over imports": the
    figure is the balance's, not the flows'; "aid for losses in peanut exports": a loss's."""
    words = flow_words("balance_nouns") | flow_words("loss_nouns")
    return any(t.lower_ in words for t in islice(noun.ancestors, 4))  # the four words above it


def _abroad(ctx: Context, verb: Token) -> bool:
    """A sale with a destination abroad: "sold 250,000 tonnes of wheat to China", "sold to
    Western traders"."""
    if any(ctx.key(c, frozenset({EntityType.COUNTRY})) for c in verb.children if c.dep_ == "dative"):
        return True  # "supplied Peru 20,000 tonnes"
    for t in verb.subtree:
        if t.lower_ in ("to", "into"):
            if any(ctx.key(c, frozenset({EntityType.COUNTRY})) or world_region(ctx, c) for c in t.subtree):
                return True  # "sold to Iraq", "meat sales to the Middle East"
            if any(o.lower_ in flow_words("foreign_buyers") and any(a.lower_ in flow_words("foreign_words")
                                                                     for a in o.children if a.dep_ == "amod")
                   for o in t.children if o.dep_ == "pobj"):
                return True
        if t.lower_ in ("abroad", "overseas"):
            return True
    return False


def clause_end(sent: Span, start: int, end: int) -> int:
    """Where a flow clause stops: a semicolon, ", while", ", but", or the reporting tail
    (", the bank said", ", according to ...")."""
    doc = sent.doc
    for i in range(start + 1, end):
        t = doc[i]
        if t.text in (";", ":") or (t.text == "," and i + 1 < end and doc[i + 1].lower_ in ("while", "but", "whereas")):
            return i
        if t.lower_ in ("while", "whereas") and t.dep_ == "mark" and t.head.i > t.i:
            return i  # "Turkey bought 100,000 tonnes while India had ...": another trader's clause
        if t.text == "," and _reporting_tail(doc[i + 1 : sent.end]):
            return i
    return end


def _compared_after(rest: Span) -> bool:
    """A comparison word with its figure ("against 652,000", "compared with 1.2 mln")."""
    return any(t.lower_ in flow_words("comparison_words") and any(n.like_num for n in rest.doc[t.i + 1 : min(t.i + 3, rest.end)])
               for t in rest)  # fmt: skip


def _reporting_tail(rest: Span) -> bool:
    """ ", the spokesman said.", ", according to customs", ", figures showed": what follows
    the comma only says who reported the figures."""
    if not len(rest):
        return False
    if rest[0].lower_ == "according":
        # ", according to central bank figures, against 652,000 tonnes in 1985": a source
        # set in the middle, the clause's comparison after it
        return not _compared_after(rest)
    verbs = [t for t in rest if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in flow_words("say_lemmas")]
    if not verbs:
        return False
    verb = verbs[0]
    # the verb must close the sentence (only its own subject and object before/after it)
    return all(not t.like_num for t in rest) and verb.dep_ in ("ROOT", "parataxis", "ccomp") \
        and verb.i - rest.start <= 8  # fmt: skip
