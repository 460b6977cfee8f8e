"""Claims a film review makes about its work: rule-based extraction over a gazetteer of the reference graph.

>>> result = extract("Ana de Armas stars as Eve Macarro in Ballerina (2025).")   # doctest: +SKIP
>>> [c.type for c in result.claims]                                               # doctest: +SKIP
['cast', 'release_year']

:func:`extract` takes plain text; :func:`extract_file` reads a ``.txt``, ``.html`` or card
``.json`` first (:mod:`wickgraph.extract.inputs`). Offsets of every claim's evidence refer to
:attr:`Extraction.text`.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..claimkinds import claim_kind, claim_status
from ..errors import ReviewInputError
from ..reference import Reference, default_reference
from .answers import answer_key, answered_questions, asked_spans, unasked
from .choices import offered_choices
from .claims import Claim, Extraction
from .collector import collector_paused
from .comments import comment_spans, others_posts, post_starts, quoted_reply_chunks
from .confidence import claim_confidence
from .corrections import correction_spans, without_corrected, without_refuted_by_review
from .crosswords import crossword_answers
from .decoding import decoded
from .dedupe import one_per_fact
from .denials import without_denied
from .document import Document
from .entries import record_credits
from .film import detect_film, resolve_film, resolve_work, series_number
from .folding import fold
from .formsections import others_form_sections
from .gazetteer import CHARACTER, PERSON, WORK, Gazetteer, Mention, get_gazetteer
from .headlines import headline_words, lowered
from .imagined import imagined_spans
from .inputs import MAX_REVIEW_BYTES, ReviewInput, read_review
from .jsonld import JSONLD_RULE, jsonld_candidates, jsonld_rating, jsonld_spans
from .juxtaposed import juxtaposed_credits
from .knownjobs import known_job_credits, known_job_verbs, known_job_years, people_by_job
from .layout import normalise, plain_forms
from .links import default_cues
from .markup import line_joins, struck_spans, tag_spans
from .matching import run_rules
from .neighbours import with_neighbours
from .patterns import Candidate, default_rules
from .plausible import keep_plausible
from .playerspelling import with_misspelt_players
from .proximity import roles_beside_bare_players
from .ratings import find_rating
from .recall import (
    without_credit_titles,
    without_other_title_roles,
    without_other_work_roles,
    without_stray_roles,
    without_the_texts_own_credits,
)
from .records import record_pairs
from .relations import pair_roles
from .reprises import mark_reprises, returning_actors
from .scales import normalize
from .scope import is_blocked
from .sections import other_work_spans
from .sheets import csv_cells, others_rows
from .sourcecode import others_records, source_code_claims
from .spanvalues import candidate_claims, with_labelled_role_names, with_role_names
from .speakers import others_quoted, turn_starts
from .spoken import retraction_spans, spoken_years, widened
from .textscan import blank
from .units import LayoutUnits

__all__ = ["Claim", "Extraction", "detect_film", "extract", "extract_file", "extract_review", "resolve_film",
           "resolve_work"]


@collector_paused()  # its objects live until it returns: no full collections over them
def extract(text: str, film: str | None = None, *, reference: Reference | None = None,
            metadata: dict[str, Any] | None = None) -> Extraction:
    """The claims ``text`` makes about ``film`` (a title or alias; detected from the text when None).

    A text longer than :data:`~wickgraph.extract.inputs.MAX_REVIEW_BYTES` characters raises ReviewInputError.
    """
    if len(text) > MAX_REVIEW_BYTES:
        raise ReviewInputError(f"review text too large ({len(text):,} characters; the limit is "
                               f"{MAX_REVIEW_BYTES:,})")
    readable = decoded(text)  # "Viggo&rsquo;s", "Skarsg{\\aa}rd", "A1fie" are read as "Viggo’s", "Skarsgård", "Alfie"
    if readable is None:
        return _extract(text, film, reference, metadata)
    found = _extract(readable.text, film, reference, metadata)
    claims = []
    for claim in found.claims:  # evidence is the given text's own slice
        start, end = readable.span(claim.start, claim.end)
        claims.append(replace(claim, start=start, end=end, evidence=text[start:end]))
    return replace(found, claims=tuple(claims), text=text)


def _extract(text: str, film: str | None, reference: Reference | None,
             metadata: dict[str, Any] | None) -> Extraction:
    reference = reference or default_reference()
    gazetteer = get_gazetteer(reference)
    folded = normalise(fold(text))
    mentions = with_neighbours(text, gazetteer.find(text, folded), gazetteer)
    folded = _names_joined(folded, mentions)
    # a headline's capitals mark no name: "McShane Presides Over ..." is read as "McShane presides over ...", and
    # "McShane" is Ian McShane, no stranger "McShane Presides"
    headline = headline_words(folded, mentions)
    folded = lowered(folded, headline)
    film_iri = resolve_film(film, gazetteer) if film else None
    film_confidence, note = (1.0, None) if film_iri else (0.0, f"--film {film!r} names no work of the reference")
    if film_iri is None and not film:
        film_iri, film_confidence, note = resolve_work(folded, mentions, reference)
    mentions = keep_plausible(lowered(text, headline), mentions, reference, film_iri)
    facts = reference.works.get(film_iri or "")
    credits = {"director": facts.directors, "writer": facts.writers} if facts else {}
    own_year = facts.release_year if facts else None
    # a game's year is no film's ("the 2019 film" is Parabellum, though Hex came out that year too)
    other_works_years = frozenset(w.release_year for w in reference.works.values()
                                  if w.in_franchise and w.kind != "video_game"
                                  and w.release_year is not None and w.release_year != own_year)
    doc = Document(text, folded, mentions, film_iri, frozenset(reference.cast_of(film_iri)), credits,
                   film_number=series_number(reference, film_iri), other_works_years=other_works_years,
                   known_jobs=people_by_job(reference), film_year=own_year,
                   film_kind=facts.kind if facts else None)  # (a few microseconds)
    rules = default_rules()
    # Filters run lazily: only on the first mention of each fact, which is most of the time saved.
    units = LayoutUnits(doc)  # layout units: cast rows, credit labels, 'Returning:' sections
    credited = units.candidates() + known_job_credits(doc)  # (the credit lines whose blocks may date the work)
    candidates = run_rules(doc, rules) + credited + returning_actors(doc) + source_code_claims(doc) \
        + record_pairs(doc) + known_job_years(doc, [c for c in credited if c.type in ("director", "writer")]) \
        + known_job_verbs(doc) + record_credits(doc) + juxtaposed_credits(doc) + jsonld_candidates(doc)
    key = answer_key(doc)  # a quiz's numbered questions and the key that answers them
    clues, solved = crossword_answers(doc)  # a crossword's clues, answered by their solutions
    paired = pair_roles(doc) + answered_questions(doc, key) + solved
    # the questions and the clues claim nothing themselves
    asked = asked_spans(doc, key + clues)
    candidates, paired = unasked(candidates, asked), unasked(paired, asked)
    if blocks := jsonld_spans(text):  # a page's JSON-LD is read by its own reader only
        candidates, paired = ([c for c in found if c.rule.endswith(JSONLD_RULE)
                               or not any(start <= c.start < end for start, end in blocks)]
                              for found in (candidates, paired))
    mark_reprises(doc, paired)  # before choosing among them: a pairing that states a reprise may stay
    mark_reprises(doc, candidates)
    verdicts: dict[int, bool] = {}

    def blocked(candidate: Candidate | None) -> bool:
        if candidate is None:
            return False
        if id(candidate) not in verdicts:
            verdicts[id(candidate)] = is_blocked(doc, candidate, rules)
        return verdicts[id(candidate)]

    # parts of a post about another work, readers' comments, what a transcript gives to someone in the room, a dream,
    # a quiz's options
    # (the comments heading is read in the layout view too: "<h3>Comments (2)</h3>" is one without its tags)
    comments = comment_spans(text) or comment_spans(folded)
    elsewhere = (other_work_spans(doc) + comments + others_posts(text) + others_quoted(text) + others_records(text)
                 + imagined_spans(text) + offered_choices(text) + others_form_sections(text) + others_rows(text))
    candidates += _new_roles(doc, candidates, paired, blocked, elsewhere)
    candidates = units.apply_sections(candidates)
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start)))
    pairs = pairs_read = candidate_claims(doc, candidates, reference)
    # (a claim that ends there too: "Zero | Riccardo Scamarcio" reaching into another work's column)
    pairs = [(claim, c) for claim, c in pairs
             if not any(start <= claim.start < end or start < claim.end <= end for start, end in elsewhere)]
    # nor from what an edit struck out or a speaker took back ("eight no you know what it's a nine"); a score said
    # across subtitle cues or wrapped lines is read as one line; a data file's "my_score: VIII" as "My score: 8",
    # a sheet's row "my grade,B+" as "My grade  B+", a page's "Grade:</span> <b>B-" as "Grade:  B-"
    rating = jsonld_rating(text) or find_rating(blank(csv_cells(plain_forms(text)),
                               elsewhere + struck_spans(text) + retraction_spans(text) + list(line_joins(text))
                               + tag_spans(text) + quoted_reply_chunks(text)),
                         [(m.start, m.end) for m in doc.mentions if m.mask & WORK])
    if rating is not None:
        pairs.append((Claim("rating", text[rating.start:rating.end], rating.start, rating.end, value=rating.value,
                            scale=rating.scale, normalized=rating.normalized, rule="rating"), None))
    claims = without_other_title_roles(without_stray_roles(one_per_fact(pairs, blocked), reference), doc, reference)
    claims = without_the_texts_own_credits(without_other_work_roles(claims, doc, reference, film_iri), doc)
    voices = sorted(turn_starts(text) + post_starts(text))  # a thread's posts, a transcript's turns
    claims = without_denied(without_corrected(without_credit_titles(claims, doc.film_credits), doc, voices), doc,
                            elsewhere)
    # the links a rule read and a filter dropped ("Ian McShane played Winston in the first two films"), by sentence:
    # the last link does not make them again from the bare mention the filters left
    kept = {(c.actor_iri, c.character_iri) for c in claims}
    withheld = {(claim.actor_iri, claim.character_iri, doc.sentence(claim.start)[0]) for claim, _ in pairs_read
                if claim.actor_iri and claim.character_iri and (claim.actor_iri, claim.character_iri) not in kept}
    # (and the player's later bare mentions the filters let through, where the role may stand instead)
    also_at: dict[str, list[Claim]] = {}
    candidate_of: dict[int, Candidate | None] = {}
    for claim, candidate in pairs:
        if claim.type == "cast" and claim.character is None and claim.actor_iri:
            also_at.setdefault(claim.actor_iri, []).append(claim)
            candidate_of[id(claim)] = candidate
    claims = roles_beside_bare_players(claims, doc, default_cues(), withheld, also_at,  # the last and weakest link
                                       kept=lambda claim: not blocked(candidate_of.get(id(claim))))
    claims = with_role_names(claims, reference)  # "the Baba Yaga" is John Wick, whichever step paired it
    claims = with_labelled_role_names(claims, doc)  # "Charon: Lance Reddick's concierge" is Charon
    years = spoken_years(text)
    if years:  # evidence that stops inside a year said in words takes the whole phrase
        claims = [replace(c, start=span[0], end=span[1], evidence=text[span[0]:span[1]])
                  if (span := widened(c.start, c.end, years)) != (c.start, c.end) else c for c in claims]
    claims = with_misspelt_players(claims, reference, film_iri)  # "Mark Tacos as Zero" is Mark Dacascos
    claims = without_refuted_by_review([replace(c, work_iri=film_iri, status=_status(c, reference, film_iri),
                                                confidence=claim_confidence(c, film_confidence)) for c in claims],
                                       doc, voices, elsewhere)
    title = reference.works[film_iri].title if film_iri in reference.works else film
    return Extraction(title, film_iri, tuple(claims), text, dict(metadata or {}), note=note)


def extract_file(path: str | Path, film: str | None = None, *, reference: Reference | None = None) -> Extraction:
    """Read a review file (``.txt``, ``.html``, card ``.json``) and extract its claims."""
    return extract_review(read_review(path), film, reference=reference)


def extract_review(review: ReviewInput, film: str | None = None, *,
                   reference: Reference | None = None) -> Extraction:
    """Claims of an already-read review; a card's hand-given claims are linked and checked, not re-extracted."""
    film = film or review.metadata.get("film")
    if not review.claims:
        return extract(review.text, film, reference=reference, metadata=review.metadata)
    reference = reference or default_reference()
    gazetteer = get_gazetteer(reference)
    film_iri = resolve_film(film, gazetteer) if film else None
    claims = [_card_claim(raw, gazetteer, reference, film_iri) for raw in review.claims]
    title = reference.works[film_iri].title if film_iri in reference.works else film
    return Extraction(title, film_iri, tuple(claims), review.text, dict(review.metadata))


def _names_joined(folded: str, mentions: list[Mention]) -> str:
    """``folded`` with the line breaks inside names made spaces: the name's two lines are one line of the sentence."""
    cut = [m for m in mentions if "\n" in folded[m.start:m.end]]
    return blank(folded, [(m.start + i, m.start + i + 1) for m in cut for i, c in enumerate(folded[m.start:m.end])
                          if c == "\n"]) if cut else folded


# -- the reviewed work ---------------------------------------------------------------------------


def _new_roles(doc: Document, candidates: list[Candidate], paired: list[Candidate],
               blocked: Callable[[Candidate], bool], elsewhere: list[tuple[int, int]]) -> list[Candidate]:
    """Clause-level pairs for actors to whom no pattern rule gave a role, and pairs that say a role the rules gave is
    taken up again (a cast sheet pairs the role; "KEANU REEVES (John Wick) returns for a fourth time" below it). A
    rule's role that a scope filter drops gives none ('A thought may float by: "Ruby Rose played Gianna."' leaves
    "Ares. Ruby Rose plays her" to the pairs), nor does one read in others' words (``elsewhere``: a commenter's
    "Stormare turns up as Abram" leaves the writer's "Viggo belongs to Peter Stormare")."""
    def actors(candidate: Candidate) -> set[str]:
        found: set[str] = set()
        for span in candidate.parts.get("actor", []):
            mention = doc.by_start.get(span[0])
            found |= {e.iri for e in (mention.of_kind(PERSON) if mention else []) if e.iri}
        return found

    def known_role(candidate: Candidate) -> bool:
        spans = candidate.parts.get("character", [])
        mention = doc.by_start.get(spans[0][0]) if spans else None
        return "title_role" in candidate.parts or bool(mention and mention.mask & CHARACTER)

    def iris(span: tuple[int, int], kind: int) -> set[str]:
        mention = doc.by_start.get(span[0])
        return {e.iri for e in (mention.of_kind(kind) if mention else []) if e.iri}

    def pairs(candidate: Candidate) -> set[tuple[str, str]]:
        """(actor, character) pairs, the n-th actor with the n-th role ("A and B are back as Y and Z")."""
        found: set[tuple[str, str]] = set()
        for actor, role in zip(candidate.parts.get("actor", []), candidate.parts.get("character", []), strict=False):
            found |= {(a, r) for a in iris(actor, PERSON) for r in iris(role, CHARACTER)}
        return found

    roles_of: dict[str, list[Candidate]] = {}  # each player's roles the rules gave
    given: set[tuple[str, str]] = set()
    for candidate in candidates:
        if candidate.type == "cast" and known_role(candidate) \
                and not any(start <= candidate.start < end for start, end in elsewhere):
            for actor in actors(candidate):
                roles_of.setdefault(actor, []).append(candidate)
            given |= pairs(candidate)

    def has_rule_role(pair: Candidate) -> bool:
        # (a rule's role a scope filter drops counts only in the pair's own words, where the pair reads them
        # the same wrong way: "X fights Y, reprising his role as Z"; the filters run only here, seldom)
        return any(not (rule.end <= pair.start or pair.end <= rule.start) or not blocked(rule)
                   for actor in actors(pair) for rule in roles_of.get(actor, ()))
    role_spans = sorted((c.start, c.end) for c in candidates if c.type == "cast" and "character" in c.parts)
    longest = max((end - start for start, end in role_spans), default=0)

    def unread(candidate: Candidate) -> bool:  # no rule gave a role in these words (spans found by bisection)
        low = bisect.bisect_left(role_spans, (candidate.start - longest, 0))
        high = bisect.bisect_left(role_spans, (candidate.end, 0))
        return not any(candidate.start < end for _, end in role_spans[low:high])

    # (a pair that says the very fact a rule read elsewhere stays too: where the rule's words are negated or are
    # about another work, "Halle Berry / Sofia" in a cast line still says it: "Berry's Sofia would not come back";
    # and so does a pair that a correction restates: "CORRECTION: ... Claudia Gerini. She plays Gianna")
    corrections = functools.cache(lambda: correction_spans(doc))  # (sought only where a pair would yield)
    return [c for c in paired if not has_rule_role(c) or (c.reprise and pairs(c) & given and unread(c))
            or (not c.reprise and pairs(c) and pairs(c) <= given and unread(c))
            or any(start <= c.start < end for start, end in corrections())]


def _status(claim: Claim, reference: Reference, film: str | None) -> str:
    return claim_status(claim, reference, film)


# -- structured cards ------------------------------------------------------------------------------


def _card_claim(raw: dict[str, Any], gazetteer: Gazetteer, reference: Reference, film: str | None) -> Claim:
    def link(name: Any, kind: int) -> str | None:
        entries = [e for e in gazetteer.lookup(str(name), kind) if e.iri] if name else []
        return entries[0].iri if entries else None

    kind = claim_kind(raw["type"])
    own: dict[str, Any] = {name: raw.get(name) for name in (*kind.fields, *kind.optional_fields)}
    if own.get("year") is not None:
        own["year"] = int(own["year"])
    if "normalized" in kind.optional_fields and own["normalized"] is None and own.get("value") is not None \
            and own.get("scale") is not None:
        own["normalized"] = normalize(own["value"], own["scale"])
    links = {f"{name}_iri": link(own.get(name), PERSON) for name in ("person", "actor") if name in own}
    links.update({f"{name}_iri": link(own.get(name), found) for name, found in (("character", CHARACTER),
                                                                               ("from_film", WORK)) if name in own})
    claim = Claim(kind.name, str(raw.get("evidence") or ""), int(raw.get("start") or 0), int(raw.get("end") or 0),
                  **{**own, **links, **kind.card_values(raw, reference)}, work_iri=film, rule="card")
    return replace(claim, status=_status(claim, reference, film))
