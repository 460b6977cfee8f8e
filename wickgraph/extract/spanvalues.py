"""What a candidate's spans name: each actor, person, role and work read as the reference's entry, or kept as
the words stated when the reference has none (an unreconciled role, an unknown person)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..reference import Reference, normalize_name
from .claims import Claim
from .document import FORM_OF_ADDRESS, Document
from .folding import fold
from .gazetteer import CHARACTER, PERSON, WORK, Entry, Mention, get_gazetteer
from .links import default_cues, is_possessive
from .nameforms import INITIALLED, close_spelling, initials, is_initials
from .patterns import FIRST_WORK, VERB_AFTER, Candidate
from .reprises import ACTOR_RETURNS, source_after

__all__ = ["candidate_claims", "with_labelled_role_names", "with_role_names"]

_SPACES = re.compile(r"\s+")
# a finite verb after a name: its subject, not a noun it names ("the ballerina John watches over")
_VERB_AFTER = re.compile(VERB_AFTER)


def candidate_claims(doc: Document, candidates: list[Candidate],
                     reference: Reference) -> list[tuple[Claim, Candidate | None]]:
    claims: list[tuple[Claim, Candidate | None]] = []
    franchise = reference.franchise_name
    for candidate in candidates:
        evidence = doc.text[candidate.start:candidate.end]
        common: dict[str, Any] = {"evidence": evidence, "start": candidate.start, "end": candidate.end,
                                  "rule": candidate.rule}
        if candidate.type in ("director", "writer"):
            for span in candidate.parts.get("person", []):
                if _cast_after(doc, span):
                    continue  # "written by Derek Kolstad, and Keanu Reeves as John Wick": the list went on to the cast
                name, iri = _person(doc, span, reference)
                if iri is None and _no_person(name):
                    continue  # "the Director -- Ruska Roma": an organisation of the story is credited with nothing
                claims.append((Claim(candidate.type, person=name, person_iri=iri, **common), candidate))
        elif candidate.type == "cast":
            actors = candidate.parts.get("actor", [])
            roles = candidate.parts.get("character")
            named = [_name_after_trade(doc, role) for role in roles or []]
            if roles and any(named):
                # "as the cleaner Harry": the trade describes the role whose name follows it
                roles = [name or role for name, role in zip(named, roles, strict=True)]
                end = max(candidate.end, *(name[1] for name in named if name))
                common.update(evidence=doc.text[candidate.start:end], end=end)
            respective = roles is not None and len(roles) > 1 and len(roles) == len(actors)
            if roles and any(_names_only_a_work(doc, role) for role in roles):
                continue  # "the ballerina in Parabellum was played by X": a work's title is no role
            for i, span in enumerate(actors):
                actor, actor_iri = _person(doc, span, reference)
                if actor_iri is None and _no_person(actor):
                    continue  # "The Director (Ruska Roma)": an organisation of the story, shaped like a name
                if "title_role" in candidate.parts:
                    character, character_iri = _title_character(doc, reference)
                else:
                    character, character_iri = _character(doc, [roles[i]] if respective and roles else roles,
                                                          actor_iri, reference, (candidate.start, candidate.end))
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


_AS = re.compile(r"[ \t]+as[ \t]+(?:the[ \t]+)?", re.IGNORECASE)


def _no_person(name: str | None) -> bool:
    """Whether a name found by its shape names an organisation of the story ("Ruska Roma") or a company ("Summit
    Entertainment"), not a person."""
    words = normalize_name(name or "").split()
    cues = default_cues()
    return " ".join(words) in cues["world-name"] or (bool(words) and words[-1] in cues["company-noun"])


def _cast_after(doc: Document, span: tuple[int, int]) -> bool:
    """Whether a credited name is followed by "as" and a role: an item of a cast, not of the credit's list."""
    after = _AS.match(doc.text, span[1])
    role = doc.by_start.get(after.end()) if after else None
    return role is not None and bool(role.mask & CHARACTER)


def _name_after_trade(doc: Document, span: tuple[int, int]) -> tuple[int, int] | None:
    """The role's name right after a role read from its trade in lower case ("the cleaner Harry", "the sommelier
    Julius"), which names the role the trade describes; else None."""
    mention = doc.by_start.get(span[0])
    if mention is None or mention.end != span[1] or not doc.text[span[0]:span[1]].islower():
        return None
    name = doc.by_start.get(span[1] + 1) if doc.text[span[1]:span[1] + 1] == " " else None
    if name is None or not name.mask & CHARACTER or not doc.text[name.start].isupper() \
            or is_possessive(doc.text, name.end) or _VERB_AFTER.match(doc.text, name.end):
        return None  # (a name a verb follows opens a relative clause on the trade: "the ballerina John watches over")
    return name.start, name.end


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
    """The words of ``span`` as stated, without the marks the view blanks ("the #Bowery King", "the *Bowery King*")."""
    return _SPACES.sub(" ", doc.gap(*span)).strip()


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
               reference: Reference, claimed: tuple[int, int]) -> tuple[str | None, str | None]:
    if not spans:
        return None, None
    span = spans[0]
    if (_DESCRIBING_DETERMINER.search(doc.text, max(0, span[0] - 40), span[0])
            or (span[0] not in doc.by_start and _THE_BEFORE.search(doc.text, max(0, span[0] - 4), span[0]))) \
            and _NOUN_AFTER.match(doc.text, span[1]):
        # "plays this Camorra prince", "a High Table enforcer", a name the reference does not know after "the" ("plays
        # the Russian boss"): a name that modifies a noun
        return None, None
    mention = doc.by_start.get(span[0])
    address = FORM_OF_ADDRESS.match(doc.text, span[0]) if mention is None else None
    if address is not None and (addressed := doc.by_start.get(address.end())) and addressed.end == span[1] \
            and _whole_name(doc.text[addressed.start:addressed.end], addressed, reference):
        # a form of address before a role's whole name, which the name does not hold: "Mr. Viggo Tarasov", "Mr.
        # Winston" (not before a surname, which says whose: "Mrs. Wick" is not John Wick)
        mention, span = addressed, (addressed.start, span[1])
    surface = _surface(doc, span)
    viewed = _SPACES.sub(" ", doc.folded[span[0]:span[1]]).strip()
    if viewed.lower() != fold(surface).lower() and viewed.lower().rsplit(" ", 1)[-1] in default_cues()["credit-label"]:
        surface = viewed  # "The regisseur is X": a job loanword the view wrote in English, a credit's title
    entries: list[Entry] = mention.of_kind(CHARACTER) if mention else []
    if not entries:  # a misspelt name of the actor's own role reads as the role, spelt as the reference spells it
        misspelt = _misspelt_role(surface, actor, doc.film, reference)
        if misspelt:
            return reference.characters[misspelt].name, misspelt
        return _as_described(doc, surface, reference)
    if mention is not None and mention.end < span[1] and is_possessive(doc.text, mention.end):
        # "Santino's enforcer": a role described by another, not that other
        return _as_described(doc, surface, reference)
    cast = reference.cast_of(doc.film)
    played = {c for a, c in cast if a == actor}
    if played and surface.startswith("the ") and surface.islower() and not any(e.iri in played for e in entries) \
            and _OF_AFTER.match(doc.text, span[1]):
        return None, None  # "he is the director of the hotel": a job noun with its place describes a known role
    after_player = _AFTER_POSSESSIVE.search(doc.text, max(0, span[0] - 3), span[0]) is not None
    if (_MODIFIED_NOUN.match(doc.folded, span[1]) or (_CARD_AFTER.match(doc.folded, span[1]) and _PLAYED_CARD.search(
            doc.folded, max(0, span[0] - 30), span[0]))) and not after_player:
        # "plays the Winston card", "the Caine treatment": the name modifies a noun, names no role (but after the
        # player's possessive it is the head: "Halle Berry's Sofia fights alongside the dogs")
        return None, None
    in_film = {c for _, c in cast}
    best = next((e for e in entries if e.iri in played), None) or \
        next((e for e in entries if e.iri in in_film), None) or \
        next((e for e in entries if e.is_label), entries[0])
    if best.describes and (named := _named_in(doc, claimed, best.iri)) is not None:
        return named, best.iri  # "IAN McSHANE (Winston) returns as the manager of the New York Continental"
    if surface.islower() or (surface.isupper() and len(surface) > 3):
        # a full name whose case is lost is spelt as the reference spells it ("miss perkins" is "Ms. Perkins");
        # a description or a one-word name stays as matched ("the ballerina", "priest")
        facts = reference.characters.get(best.iri or "")
        full_name = len(words := best.form.split()) > 1 and all(w[:1].isupper() for w in words)
        surface = facts.name if facts and (full_name or _run_together(surface, facts.name)) else best.form
    elif best.iri in reference.characters and (
            _run_together(surface, name := reference.characters[best.iri].name) or "," in surface
            or _addressed_by_surname(surface, name) or INITIALLED.match(surface)):
        # a hashtag's "JohnWick", a dossier's "Wick, John", a form of address and the surname ("Mr. Wick"), an
        # initial and the surname ("J. Wick")
        surface = name
    return surface, best.iri


def _whole_name(said: str, mention: Mention, reference: Reference) -> bool:
    """Whether ``said`` is the whole reference name of a character ``mention`` may be."""
    return any(fold(facts.name).lower() == fold(said).lower() for e in mention.of_kind(CHARACTER)
               if (facts := reference.characters.get(e.iri or "")) is not None)


def _addressed_by_surname(surface: str, name: str) -> bool:
    """Whether ``surface`` is a form of address and the last word of ``name``, which has none ("Mr. Wick" for John
    Wick; not "Mr. Nobody", whose form of address is the name's own)."""
    address = FORM_OF_ADDRESS.match(surface)
    return address is not None and FORM_OF_ADDRESS.match(name) is None \
        and surface[address.end():].lower() == name.split()[-1].lower() != name.lower()


def with_role_names(claims: list[Claim], reference: Reference) -> list[Claim]:
    """``claims`` with a role called by another proper name of its own, or by its name under another honorific, written
    as the reference names it, whichever step paired it ("Keanu Reeves is, of course, the Baba Yaga" is John Wick,
    "Miss Perkins" is Ms. Perkins)."""
    return [replace(claim, character=facts.name) if claim.character
            and (facts := reference.characters.get(claim.character_iri or "")) is not None
            and (_another_name(claim.character, facts.name) or _other_honorific(claim.character, facts.name))
            else claim for claim in claims]


# an entry's label that names a role, opening its line before its player: "Charon: Lance Reddick's concierge",
# "11. Winston \u2014 McShane's hotelier"
_LINE_HEAD = re.compile(r"[ \t]*(?:[-*\u2022]|\d{1,3}[.)])?[ \t]*")
_LABEL_CLOSE = re.compile(r"[ \t]*(?::|[\u2014\u2013]|-{1,2})[ \t]*")


def with_labelled_role_names(claims: list[Claim], doc: Document) -> list[Claim]:
    """``claims`` whose role, read as a description the reference knows ("the concierge"), is named by the label that
    opens the claim's line, taken by its name: "Charon: Lance Reddick's concierge" is Charon, as an entry names it."""
    found = []
    for claim in claims:
        label = _role_label(claim, doc) if claim.type in ("cast", "reprise") else None
        if label is not None:
            claim = replace(claim, character=doc.text[label.start:label.end], start=label.start,
                            evidence=doc.text[label.start:claim.end])
        found.append(claim)
    return found


def _role_label(claim: Claim, doc: Document) -> Mention | None:
    """The mention labelling the line of ``claim``, when it names the claim's role described in lower case."""
    words = _ARTICLE_FIRST.sub("", claim.character or "").split()
    if not words or any(w[:1].isupper() for w in words) or not claim.character_iri:
        return None
    head = _LINE_HEAD.match(doc.text, doc.line(claim.start)[0])
    label = doc.by_start.get(head.end()) if head else None
    if label is None or label.end > claim.start or not any(e.iri == claim.character_iri
                                                           for e in label.of_kind(CHARACTER)):
        return None
    close = _LABEL_CLOSE.match(doc.text, label.end)
    return label if close is not None and close.end() == claim.start else None


_ARTICLES = frozenset({"the", "a", "an"})
_ARTICLE_FIRST = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _another_name(surface: str, name: str) -> bool:
    """Whether ``surface`` calls the role by another proper name of two words or more, sharing no word with ``name``
    ("the Baba Yaga", "Jardani Jovonovich" for John Wick): written as the reference names it. A title or a description
    stays as stated ("the Tracker", "Eve's father"), as reviews are labelled."""
    words = _ARTICLE_FIRST.sub("", surface).split()
    return len(words) >= 2 and all(w[:1].isupper() and "'" not in w and "\u2019" not in w for w in words) \
        and not (set(normalize_name(surface).split()) - _ARTICLES) & (set(normalize_name(name).split()) - _ARTICLES)


_HONORIFICS = frozenset({"mr", "mister", "ms", "miss", "mrs", "missus", "mx"})


def _other_honorific(surface: str, name: str) -> bool:
    """Whether ``surface`` is ``name`` under another honorific ("Miss Perkins", "Mister Nobody")."""
    said, named = normalize_name(surface).split(), normalize_name(name).split()
    return bool(said) and bool(named) and said[0] in _HONORIFICS and named[0] in _HONORIFICS \
        and said[0] != named[0] and said[1:] == named[1:]


_OF_AFTER = re.compile(r"\s+of\s")
# an indefinite or a demonstrative article (and a few describing words) before a name, and a word in lower case after
# it: the name modifies that noun ("plays this Camorra prince", "as a broke, boozy Brooklyn bartender"), unless the
# words before it introduce it as a name
_DESCRIBING_DETERMINER = re.compile(r"\b(?:a|an|this|that|one)\s+(?:(?-i:[a-z])[\w-]*,?\s+){0,3}\Z"
                                    r"(?<!named )(?<!called )(?<!dubbed )", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:who|whom|whose|which|that|and|but|nor|with|without|into|onto|from|for|was|were|"
                         r"are|has|had|gets|got|does|did|than|yet|over|under|again|too|here|there|now|then|this|these|"
                         r"those|its|his|her|their|while|when|where|because|though|although|before|after|since|until|"
                         r"the|not|also|all)\b)(?-i:[a-z])[a-z-]{2,}\b(?<!ly)")
_THE_BEFORE = re.compile(r"\bthe\s+\Z", re.IGNORECASE)
_AFTER_POSSESSIVE = re.compile(r"['\u2019]s?\s+\Z")
# nouns a role's name may modify without being the role played ("does his Winston thing" is the role: not here)
_MODIFIED_NOUN = re.compile(r"\s+(?:treatment|fight|fights|brawl|duel|scene|scenes|sequence|game|trick|playbook|"
                            r"formula|gambit|mythology|lore)\b(?!\s+after\b)", re.IGNORECASE)


# "plays the Winston card" is an idiom; a game's "Winston card (Hotel Manager) - Ian McShane" is the role's component
_CARD_AFTER = re.compile(r"\s+card\b", re.IGNORECASE)
_PLAYED_CARD = re.compile(r"\b(?:play|plays|played|playing|pull|pulls|pulled|pulling|deal|deals|dealt)\s+(?:the|a|his|"
                          r"her|their)\s+\Z", re.IGNORECASE)


def _named_in(doc: Document, claimed: tuple[int, int], character: str | None) -> str | None:
    """The character's name where the claim's words also name it: a name says who is described."""
    for mention in doc.mentions_between(*claimed):
        if any(e.iri == character and not e.describes for e in mention.of_kind(CHARACTER)):
            return _surface(doc, (mention.start, mention.end))
    return None


def _as_described(doc: Document, surface: str, reference: Reference) -> tuple[str, str | None]:
    """A stated role and the character it describes, written as the reference names it when it describes one
    ("Santino's mute enforcer" is Ares, "the head of the Ruska Roma" the Director), else as stated."""
    described = _described(doc, surface, reference)
    return (reference.characters[described].name if described in reference.characters else surface), described


def _described(doc: Document, surface: str, reference: Reference) -> str | None:
    """The one character of the reviewed work that a stated role describes rather than names ("Viggo's son" is
    Iosef, "the Rome Continental's manager" Julius), as its fact-sheet description says; None when none or several."""
    in_film = {c for _, c in reference.cast_of(doc.film)}
    characters = [iri for iri in get_gazetteer(reference).described_as(surface) if iri in in_film]
    return characters[0] if len(characters) == 1 else None


def _misspelt_role(surface: str, actor: str | None, film: str | None, reference: Reference) -> str | None:
    """The actor's own role in the work when the stated role is that role's name misspelt ("Winstone", "Eve Macaro",
    "Koji Shimazo") or cut to its initials ("JW" for the player of John Wick): each word of it one of the name's
    words, or a spelling of one (:func:`close_spelling`) when long enough not to be another name ("Sonia" is no
    "Sofia"). A name the reference knows to be wrong ("Rooney") is a gazetteer mention of its own and never
    comes here."""
    words = [w for w in normalize_name(surface).split() if w not in _ARTICLES]
    shorthand = is_initials(surface)  # "KR as JW": text-speak cuts the role to its initials as it cuts the player
    if not actor or not words or (max(len(w) for w in words) < 6 and not shorthand):
        return None
    for played_by, character in reference.cast_of(film):
        facts = reference.characters.get(character)
        if played_by != actor or facts is None:
            continue
        if shorthand and surface in initials(facts.name):
            return character
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
