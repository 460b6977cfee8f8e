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
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..claimkinds import claim_kind, claim_status
from ..errors import ReviewInputError
from ..reference import Reference, default_reference, normalize_name
from .answers import answer_key, answered_questions, unasked
from .claims import Claim, Extraction
from .collector import collector_paused
from .comments import comment_spans
from .confidence import claim_confidence
from .corrections import without_corrected
from .crosswords import crossword_answers
from .dedupe import one_per_fact
from .document import Document
from .film import detect_film, resolve_film, resolve_work, series_number
from .gazetteer import CHARACTER, PERSON, WORK, Entry, Gazetteer, Mention, fold, get_gazetteer
from .inputs import MAX_REVIEW_BYTES, ReviewInput, read_review
from .layout import normalise, plain_forms
from .links import default_cues, is_possessive
from .markup import line_joins, struck_spans
from .matching import run_rules
from .nameforms import close_spelling
from .neighbours import with_neighbours
from .patterns import FIRST_WORK, Candidate, default_rules
from .plausible import keep_plausible
from .playerspelling import with_misspelt_players
from .proximity import roles_beside_bare_players
from .ratings import find_rating
from .recall import (
    without_credit_titles,
    without_other_title_roles,
    without_other_work_roles,
    without_stray_roles,
)
from .relations import pair_roles
from .reprises import ACTOR_RETURNS, mark_reprises, returning_actors, source_after
from .scales import normalize
from .scope import is_blocked
from .sections import other_work_spans
from .sourcecode import source_code_claims
from .speakers import others_quoted
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
    reference = reference or default_reference()
    gazetteer = get_gazetteer(reference)
    folded = normalise(fold(text))
    mentions = with_neighbours(text, gazetteer.find(text, folded), gazetteer)
    folded = _names_joined(folded, mentions)
    film_iri = resolve_film(film, gazetteer) if film else None
    film_confidence, note = (1.0, None) if film_iri else (0.0, f"--film {film!r} names no work of the reference")
    if film_iri is None and not film:
        film_iri, film_confidence, note = resolve_work(folded, mentions, reference)
    mentions = keep_plausible(text, mentions, reference, film_iri)
    facts = reference.works.get(film_iri or "")
    credits = {"director": facts.directors, "writer": facts.writers} if facts else {}
    own_year = facts.release_year if facts else None
    # a game's year is no film's ("the 2019 film" is Parabellum, though Hex came out that year too)
    other_works_years = frozenset(w.release_year for w in reference.works.values()
                                  if w.in_franchise and w.kind != "video_game"
                                  and w.release_year is not None and w.release_year != own_year)
    doc = Document(text, folded, mentions, film_iri, frozenset(reference.cast_of(film_iri)), credits,
                   film_number=series_number(reference, film_iri), other_works_years=other_works_years)
    rules = default_rules()
    # Filters run lazily: only on the first mention of each fact, which is most of the time saved.
    units = LayoutUnits(doc)  # layout units: cast rows, credit labels, 'Returning:' sections
    candidates = run_rules(doc, rules) + units.candidates() + returning_actors(doc) + source_code_claims(doc)
    key = answer_key(doc)  # a quiz's numbered questions and the key that answers them
    clues, solved = crossword_answers(doc)  # a crossword's clues, answered by their solutions
    paired = pair_roles(doc) + answered_questions(doc, key) + solved
    # the questions and the clues claim nothing themselves
    candidates, paired = unasked(key + clues, candidates), unasked(key + clues, paired)
    mark_reprises(doc, paired)  # before choosing among them: a pairing that states a reprise may stay
    mark_reprises(doc, candidates)
    candidates += _new_roles(doc, candidates, paired)
    candidates = units.apply_sections(candidates)
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start)))
    pairs = _resolve(doc, candidates, reference)
    verdicts: dict[int, bool] = {}

    def blocked(candidate: Candidate | None) -> bool:
        if candidate is None:
            return False
        if id(candidate) not in verdicts:
            verdicts[id(candidate)] = is_blocked(doc, candidate, rules)
        return verdicts[id(candidate)]

    # parts of a post about another work, readers' comments, what a transcript gives to someone in the room
    elsewhere = other_work_spans(doc) + comment_spans(text) + others_quoted(text)
    # (a claim that ends there too: "Zero | Riccardo Scamarcio" reaching into another work's column)
    pairs = [(claim, c) for claim, c in pairs
             if not any(start <= claim.start < end or start < claim.end <= end for start, end in elsewhere)]
    # nor from what an edit struck out or a speaker took back ("eight no you know what it's a nine"); a score said
    # across subtitle cues or wrapped lines is read as one line; a data file's "my_score: VIII" as "My score: 8"
    rating = find_rating(blank(plain_forms(text),
                               elsewhere + struck_spans(text) + retraction_spans(text) + list(line_joins(text))))
    if rating is not None:
        pairs.append((Claim("rating", text[rating.start:rating.end], rating.start, rating.end, value=rating.value,
                            scale=rating.scale, normalized=rating.normalized, rule="rating"), None))
    claims = without_other_title_roles(without_stray_roles(one_per_fact(pairs, blocked), reference), doc, reference)
    claims = without_other_work_roles(claims, doc, reference, film_iri)
    claims = without_corrected(without_credit_titles(claims, doc.film_credits), doc)
    claims = roles_beside_bare_players(claims, doc, default_cues())  # the last and weakest link
    years = spoken_years(text)
    if years:  # evidence that stops inside a year said in words takes the whole phrase
        claims = [replace(c, start=span[0], end=span[1], evidence=text[span[0]:span[1]])
                  if (span := widened(c.start, c.end, years)) != (c.start, c.end) else c for c in claims]
    claims = with_misspelt_players(claims, reference, film_iri)  # "Mark Tacos as Zero" is Mark Dacascos
    claims = [replace(c, work_iri=film_iri, status=_status(c, reference, film_iri),
                      confidence=claim_confidence(c, film_confidence)) for c in claims]
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


_SPACES = re.compile(r"\s+")


def _new_roles(doc: Document, candidates: list[Candidate], paired: list[Candidate]) -> list[Candidate]:
    """Clause-level pairs for actors to whom no pattern rule gave a role, and pairs that say a role the rules gave is
    taken up again (a cast sheet pairs the role; "KEANU REEVES (John Wick) returns for a fourth time" below it)."""
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

    with_role: set[str] = set()
    given: set[tuple[str, str]] = set()
    for candidate in candidates:
        if candidate.type == "cast" and known_role(candidate):
            with_role |= actors(candidate)
            given |= pairs(candidate)
    role_spans = sorted((c.start, c.end) for c in candidates if c.type == "cast" and "character" in c.parts)
    longest = max((end - start for start, end in role_spans), default=0)

    def unread(candidate: Candidate) -> bool:  # no rule gave a role in these words (spans found by bisection)
        low = bisect.bisect_left(role_spans, (candidate.start - longest, 0))
        high = bisect.bisect_left(role_spans, (candidate.end, 0))
        return not any(candidate.start < end for _, end in role_spans[low:high])

    return [c for c in paired if not actors(c) & with_role or (c.reprise and pairs(c) & given and unread(c))]


# -- from candidates to claims -------------------------------------------------------------------


def _resolve(doc: Document, candidates: list[Candidate],
             reference: Reference) -> list[tuple[Claim, Candidate | None]]:
    claims: list[tuple[Claim, Candidate | None]] = []
    franchise = reference.franchise_name
    for candidate in candidates:
        evidence = doc.text[candidate.start:candidate.end]
        common: dict[str, Any] = {"evidence": evidence, "start": candidate.start, "end": candidate.end,
                                  "rule": candidate.rule}
        if candidate.type in ("director", "writer"):
            for span in candidate.parts.get("person", []):
                name, iri = _person(doc, span, reference)
                claims.append((Claim(candidate.type, person=name, person_iri=iri, **common), candidate))
        elif candidate.type == "cast":
            actors = candidate.parts.get("actor", [])
            roles = candidate.parts.get("character")
            respective = roles is not None and len(roles) > 1 and len(roles) == len(actors)
            if roles and any(_names_only_a_work(doc, role) for role in roles):
                continue  # "the ballerina in Parabellum was played by X": a work's title is no role
            for i, span in enumerate(actors):
                actor, actor_iri = _person(doc, span, reference)
                if actor_iri is None and normalize_name(actor or "") in default_cues()["world-name"]:
                    continue  # "The Director (Ruska Roma)": an organisation of the story, shaped like a name
                if "title_role" in candidate.parts:
                    character, character_iri = _title_character(doc, reference)
                else:
                    character, character_iri = _character(doc, [roles[i]] if respective and roles else roles,
                                                          actor_iri, reference)
                    if character and character_iri is None:  # an unknown role's name, compared as the query does
                        character = character.replace("\u2019", "'")
                from_film, from_iri = _work(doc, candidate.parts.get("from_film") or _work_named_in(doc, candidate),
                                            reference) if candidate.reprise else (None, None)
                if candidate.reprise and character is None and character_iri is None:
                    character, character_iri = _old_role(doc, actor_iri, from_iri, reference)
                    if character is None and candidate.rule == ACTOR_RETURNS:
                        continue  # a return to no role the reference knows: to the screen, or a new role
                claims.append((Claim("cast", actor=actor, character=character, actor_iri=actor_iri,
                                     character_iri=character_iri, **common), candidate))
                if candidate.reprise:
                    claims.append((Claim("reprise", actor=actor, character=character, from_film=from_film,
                                         actor_iri=actor_iri, character_iri=character_iri, from_film_iri=from_iri,
                                         **common), candidate))
        elif candidate.type == "release_year" and candidate.year:
            claims.append((Claim("release_year", year=candidate.year, **common), candidate))
        elif candidate.type == "franchise_member":
            claims.append((Claim("franchise_member", franchise=franchise, franchise_iri=reference.franchise_iri,
                                 **common), candidate))
    return claims


def _names_only_a_work(doc: Document, span: tuple[int, int]) -> bool:
    """A work's title, not a role: a name only a work has, or a work's name in title brackets ("「Ballerina」 of Ana
    de Armas" is her film; quotation marks may hold a role: "Keanu Reeves is “John Wick” again")."""
    mention = doc.by_start.get(span[0])
    if mention is None or mention.end != span[1] or not mention.mask & WORK:
        return False
    bracketed = span[0] > 0 and span[1] < len(doc.text) and doc.text[span[0] - 1] in _TITLE_BRACKETS \
        and doc.text[span[1]] in _TITLE_BRACKETS
    return bracketed or not mention.mask & (CHARACTER | PERSON)


_TITLE_BRACKETS = frozenset("\u300a\u300b\u300c\u300d\u300e\u300f\u3008\u3009")


def _surface(doc: Document, span: tuple[int, int]) -> str:
    return _SPACES.sub(" ", doc.text[span[0]:span[1]]).strip()


def _person(doc: Document, span: tuple[int, int], reference: Reference) -> tuple[str, str | None]:
    mention = doc.by_start.get(span[0])
    people = mention.of_kind(PERSON) if mention else []
    if not people:
        return _surface(doc, span), None
    related = reference.people_of(doc.film)
    best = next((e for e in people if e.iri in related), people[0])
    facts = reference.people.get(best.iri or "")
    return (facts.name if facts else _surface(doc, span)), best.iri


def _character(doc: Document, spans: list[tuple[int, int]] | None, actor: str | None,
               reference: Reference) -> tuple[str | None, str | None]:
    if not spans:
        return None, None
    span = spans[0]
    surface = _surface(doc, span)
    viewed = _SPACES.sub(" ", doc.folded[span[0]:span[1]]).strip()
    if viewed.lower() != fold(surface).lower() and viewed.lower().rsplit(" ", 1)[-1] in default_cues()["credit-label"]:
        surface = viewed  # "The regisseur is X": a job loanword the view wrote in English, a credit's title
    mention = doc.by_start.get(span[0])
    entries: list[Entry] = mention.of_kind(CHARACTER) if mention else []
    if not entries:  # a misspelt name of the actor's own role reads as the role, spelt as the reference spells it
        misspelt = _misspelt_role(surface, actor, doc.film, reference)
        return (reference.characters[misspelt].name, misspelt) if misspelt else (surface, None)
    if mention is not None and mention.end < span[1] and is_possessive(doc.text, mention.end):
        return surface, None  # "Santino's enforcer": a role described by another, not that other
    cast = reference.cast_of(doc.film)
    played = {c for a, c in cast if a == actor}
    if played and surface.startswith("the ") and surface.islower() and not any(e.iri in played for e in entries) \
            and _OF_AFTER.match(doc.text, span[1]):
        return None, None  # "he is the director of the hotel": a job noun with its place describes a known role
    after_player = _AFTER_POSSESSIVE.search(doc.text, max(0, span[0] - 3), span[0]) is not None
    if _MODIFIED_NOUN.match(doc.folded, span[1]) and not after_player:
        # "plays the Winston card", "the Caine treatment": the name modifies a noun, names no role (but after the
        # player's possessive it is the head: "Halle Berry's Sofia fights alongside the dogs")
        return None, None
    in_film = {c for _, c in cast}
    best = next((e for e in entries if e.iri in played), None) or \
        next((e for e in entries if e.iri in in_film), None) or \
        next((e for e in entries if e.is_label), entries[0])
    if surface.islower() or (surface.isupper() and len(surface) > 3):
        # a full name whose case is lost is spelt as the reference spells it ("miss perkins" is "Ms. Perkins");
        # a description or a one-word name stays as matched ("the ballerina", "priest")
        facts = reference.characters.get(best.iri or "")
        full_name = len(words := best.form.split()) > 1 and all(w[:1].isupper() for w in words)
        surface = facts.name if facts and full_name else best.form
    elif best.iri in reference.characters and (_run_together(surface, reference.characters[best.iri].name)
                                               or "," in surface):
        surface = reference.characters[best.iri].name  # a hashtag's "JohnWick", a dossier's "Wick, John"
    return surface, best.iri


_OF_AFTER = re.compile(r"\s+of\s")
_AFTER_POSSESSIVE = re.compile(r"['\u2019]s?\s+\Z")
# nouns a role's name may modify without being the role played ("does his Winston thing" is the role: not here)
_MODIFIED_NOUN = re.compile(r"\s+(?:card|treatment|fight|fights|brawl|duel|scene|scenes|sequence|game|trick|playbook|"
                            r"formula|gambit|mythology|lore)\b(?!\s+after\b)", re.IGNORECASE)


def _misspelt_role(surface: str, actor: str | None, film: str | None, reference: Reference) -> str | None:
    """The actor's own role in the work when the stated role is that role's name misspelt ("Winstone", "Eve Macaro",
    "Koji Shimazo"): each word of it one of the name's words, or a spelling of one (:func:`close_spelling`) when long
    enough not to be another name ("Sonia" is no "Sofia"). A name the reference knows to be wrong ("Rooney") is a
    gazetteer mention of its own and never comes here."""
    words = [w for w in normalize_name(surface).split() if w not in ("the", "a", "an")]
    if not actor or not words or max(len(w) for w in words) < 6:
        return None
    for played_by, character in reference.cast_of(film):
        facts = reference.characters.get(character)
        if played_by != actor or facts is None:
            continue
        for name in (facts.name, *facts.names):
            target = normalize_name(name).split()
            if all(any(w == t or (len(w) >= 6 and close_spelling(w, t)) for t in target) for w in words):
                return character
    return None


def _run_together(surface: str, name: str) -> bool:
    """Whether ``surface`` is ``name``'s words written as one ("JohnWick" for "John Wick")."""
    return " " not in surface and " " in name and normalize_name(surface) == normalize_name(name).replace(" ", "")


def _title_character(doc: Document, reference: Reference) -> tuple[str | None, str | None]:
    """"The title assassin": the character of the reviewed work whose name its title carries."""
    facts = reference.works.get(doc.film or "")
    if facts is None:
        return None, None
    in_film = {c for _, c in reference.cast_of(doc.film)}
    gazetteer = get_gazetteer(reference)
    for name in (facts.title, *facts.names):
        for part in re.split(r"\s*[:\u2013\u2014]\s*|\s+-\s+", name):
            words = part.split()
            for n in range(len(words), 0, -1):
                for entry in gazetteer.lookup(" ".join(words[:n]), CHARACTER):
                    if entry.iri in in_film:
                        character = reference.characters.get(entry.iri or "")
                        return (character.name if character else entry.form), entry.iri
    return None, None


def _old_role(doc: Document, actor: str | None, from_work: str | None,
              reference: Reference) -> tuple[str | None, str | None]:
    """"Returning from the first film are A and B, in their old roles": a reprise that names no role takes the
    one role the reference has the actor play both in this work and in the earlier one (named, or any)."""
    here = {c for a, c in reference.cast_of(doc.film) if actor and a == actor}
    earlier = [from_work] if from_work in reference.works else reference.earlier_works(doc.film)
    before = {c for work in earlier for a, c in reference.cast_of(work) if a == actor}
    roles = here & before
    if len(roles) != 1:
        return None, None
    role = roles.pop()
    facts = reference.characters.get(role)
    return (facts.name if facts else None), role


def _work_named_in(doc: Document, candidate: Candidate) -> list[tuple[int, int]] | None:
    """"Fishburne (reprising his Chapter 2 role)", "reprises his role from the first film": a reprise's own words
    that name another work, or the words just after them ("returning from John Wick (2014)"), name the work the
    role comes from."""
    for mention in doc.mentions_between(candidate.start, candidate.end):
        works = mention.of_kind(WORK)
        if works and not all(e.weak for e in works) and all(e.iri != doc.film for e in works):
            return [(mention.start, mention.end)]
    first = FIRST_WORK.search(doc.text, candidate.start, candidate.end)
    after = first.span() if first else source_after(doc, candidate.end)  # "... is back from the first film"
    return [after] if after else None


def _work(doc: Document, spans: list[tuple[int, int]] | None, reference: Reference) -> tuple[str | None, str | None]:
    if not spans:
        return None, None
    mention = doc.by_start.get(spans[0][0])
    works = [e for e in (mention.of_kind(WORK) if mention else []) if e.iri in reference.works]
    if not works and FIRST_WORK.fullmatch(doc.text, *spans[0]):
        first = _first_work(reference)
        return (reference.works[first].title, first) if first and first != doc.film else (None, None)
    if not works:
        return _surface(doc, spans[0]), None
    best = next((e for e in works if e.iri != doc.film), None)
    if best is None:  # "returns as Eve in Ballerina": the reviewed work is not where a role is reprised from
        return None, None
    return reference.works[best.iri or ""].title, best.iri


def _first_work(reference: Reference) -> str | None:
    """The franchise's first work: the earliest released member."""
    members = [w for w in reference.works.values() if w.in_franchise and w.release_year is not None]
    return min(members, key=lambda w: (w.release_year or 0, w.release_date)).iri if members else None


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
