"""Claims dropped once assembled, for what the whole review says around them: a role recalled from another work
("Nyqvist's Viggo was the better villain"), a stray name next to the actor's resolved role ("remembers Fishburne
as Morpheus"), a role of another titled work, or a job title read as a role where the same words made a credit."""

from __future__ import annotations

import re

from ..claimkinds import cast_false_claim_truth
from ..reference import Reference, normalize_name
from .claims import Claim
from .document import Document
from .film import place_in_series, series_number
from .gazetteer import CHARACTER, WORK
from .layout_words import PARAGRAPH_BREAK
from .links import AFTER_CONTRACTED_IS, default_cues

__all__ = ["actor_key", "without_credit_titles", "without_other_title_roles", "without_other_work_roles",
           "without_stray_roles", "without_the_texts_own_credits"]


def actor_key(claim: Claim) -> str:
    """The claim's actor: its IRI when resolved, else its normalised name."""
    return claim.actor_iri or normalize_name(claim.actor)


def without_stray_roles(claims: list[Claim], reference: Reference) -> list[Claim]:
    """An actor whose role in this work the review names ("Fishburne as the Bowery King") is not also given a
    name the reference does not know ("remembers Fishburne as Morpheus"): that is a role in another work.
    Known wrong names ("Rooney") stay: they are the false claims an editor must see."""
    resolved = {actor_key(c) for c in claims if c.type == "cast" and c.character_iri}
    wrong = {normalize_name(n) for facts in reference.characters.values() for n in facts.wrong_names}
    return [c for c in claims if not (c.type in ("cast", "reprise") and c.character and not c.character_iri
                                      and actor_key(c) in resolved and normalize_name(c.character) not in wrong)]


# "played Morpheus in The Matrix", "as Ted, from Bill & Ted": a title-cased name after 'in'/'from'
_PAST_ROLE = re.compile(r"\b(?:played|portrayed|voiced|was|starred|appeared)\b", re.IGNORECASE)
# (and the colloquial "off": "Theon off Game of Thrones")
_OTHER_TITLE = re.compile(r",?\s+(?:in|from|on|off)\s+(?:the\s+)?(?:original\s+)?(?=(?-i:[A-Z0-9]))")
_FROM = re.compile(r"\b(?:from|off)\b", re.IGNORECASE)


def without_other_title_roles(claims: list[Claim], doc: Document, reference: Reference) -> list[Claim]:
    """A role the reference does not know, said to be in a titled work other than the reviewed one, is that
    work's role: no claim (known wrong names stay, as in :func:`without_stray_roles`)."""
    wrong = {normalize_name(n) for facts in reference.characters.values() for n in facts.wrong_names}

    def elsewhere(claim: Claim) -> bool:
        if claim.type not in ("cast", "reprise") or not claim.character or claim.character_iri \
                or normalize_name(claim.character) in wrong:
            return False
        after = _OTHER_TITLE.match(doc.text, claim.end)
        if after is None or not (_PAST_ROLE.search(claim.evidence) or _FROM.search(after.group())):
            return False  # "plays Earl in Osaka": a place in the reviewed work, said in the present
        work = doc.work_at(after.end())
        return work is None or work != doc.film

    return [c for c in claims if not elsewhere(c)]


# "Michael Nyqvist played Viggo", "Nyqvist's Viggo": a role named in the past tense or as a possessive; a present
# passive ("Caine is played by Donnie Yen") is casting said now
# (a participle with its agent describes the role as cast, not as it was: "Abram, played by Peter Stormare, ...")
_RECALLED_ROLE = re.compile(r"\b(?<!\bis )(?<!\bare )(?<!\bbeing )(?:played|portrayed|voiced)\b"
                            r"(?![^.;!?,]{0,12}\bby\b)|\b(?:was|were|starred|appeared|had)\b", re.IGNORECASE)
# "Nyqvist's Viggo", "Willem Dafoe, whose Marcus"; not the "'s" of "is" before a place or an adverb ("Halle Berry's in
# there too, as Sofia", "Keanu's back as John")
_POSSESSIVE = re.compile(rf"['\u2019]s?\s(?!(?:{AFTER_CONTRACTED_IS})\b)|\bwhose\s", re.IGNORECASE)
# "Winston, played here by X", "played with gravity by X": the passive of casting, said of the work at hand
_PLAYED_BY = re.compile(r"\b(?:played|portrayed|voiced)\b[^.;!?]{0,40}?\bby\b", re.IGNORECASE)
# ... unless the possessive role is the subject of a verb in the present, after an apposition maybe: "Fishburne's
# Bowery King has a scene", "Halle Berry's Sofia now drifts through", "X's Abram Tarasov, Viggo's brother, shows up"
_PRESENT_AFTER = re.compile(r"(?:\s*,[^,;.!?()\n]{1,60},)?\s+(?:(?:\w+ly|now|still|also|here|even)\s+)?"
                            r"(?:has|is|does|(?!was\b)[a-z]{2,}(?<![su]s)s)\b")


def without_other_work_roles(claims: list[Claim], doc: Document, reference: Reference,
                              film: str | None) -> list[Claim]:
    """An actor named with the role the reference has them play in another work and not in this one is recalling
    that work when they are named in the past tense or as a possessive ("in the first film Michael Nyqvist played
    Viggo"; not a possessive the subject of a verb in the present: "Fishburne's Bowery King has a scene"), or when
    their sentence names that work ("In Parabellum, Halle Berry as Sofia ..."): no claim. Said as present casting or
    with a reprise cue ("Willem Dafoe's Marcus, back for a flashback") the claim stays for the editor to judge (the
    reference neither confirms nor denies it), and so does one that repeats a known false claim (flagged with its
    explanation), unless it is the actor's possessive, which recalls the other work even then."""
    here = set(reference.cast_of(film))
    reprised = {(c.actor_iri, c.character_iri) for c in claims if c.type == "reprise"}

    def recalled(claim: Claim) -> bool:
        actor, character = claim.actor_iri, claim.character_iri
        if claim.type != "cast" or not actor or not character or (actor, character) in here \
                or (actor, character) in reprised:
            return False
        # the same character, or one of the same name in another work ("Charon", young and old)
        elsewhere = {work for work in reference.works if work != film for a, c in reference.cast_of(work)
                     if a == actor and (c == character or reference.character_matches(None, claim.character, c))}
        if not elsewhere:
            return False
        if film is not None and _names_work(doc, claim, elsewhere, reference):  # unknown film: nothing is "other"
            return True  # "In Parabellum, Halle Berry played Sofia": so it was, even where the claim is a known error
        if _actors_possessive(claim) and not _PRESENT_AFTER.match(doc.text, claim.end):
            # the role as the actor made it elsewhere, named and not said to be here: "big shoes to fill after Lance
            # Reddick's Charon" in The Continental is no claim ("Lance Reddick plays Charon" there is a known error)
            return True
        if cast_false_claim_truth(claim, reference, film):
            return False
        if character in doc.film_roles and _PLAYED_BY.search(claim.evidence):
            return False  # "Winston, played here by Ian McShane": a recast role mixed up, said as this work's casting
        return _RECALLED_ROLE.search(claim.evidence) is not None

    return [c for c in claims if not recalled(c)]


def _actors_possessive(claim: Claim) -> bool:
    """Whether the role is named as the actor's ("Michael Nyqvist's Viggo", "Willem Dafoe, whose Marcus"), not as
    someone else's in the description ("Peter Stormare plays Viggo's brother Abram")."""
    found = _POSSESSIVE.search(claim.evidence)
    if found is None:
        return False
    before = {w.lower() for w in _NAME_WORD.findall(claim.evidence[:found.start()])}
    return before <= {w.lower() for w in _NAME_WORD.findall(claim.actor or "")}


_NAME_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _names_work(doc: Document, claim: Claim, works: set[str], reference: Reference) -> bool:
    """Whether the sentence holding ``claim`` names one of ``works`` outside the claim's own role ("Donnie Yen as
    Caine": the role, not the spin-off of that name), by title or by its place in the series ("the third film",
    "the previous one", "two films ago", "last time out", "the sequel", "the next film")."""
    start, end = doc.sentence(claim.start)
    if any(e.iri in works for m in doc.mentions_between(start, end)
           if not (claim.start <= m.start < claim.end and m.of_kind(CHARACTER)) for e in m.of_kind(WORK)):
        return True
    years = {reference.works[work].release_year for work in works if work in reference.works} - {None}
    if any(int(y) in years for y in _IN_YEAR.findall(doc.text, start, end)):
        return True  # "Halle Berry played Sofia in 2019", "X as Y (2014)": the year of the work the role is from
    if doc.film_number is None:
        return False
    places = {series_number(reference, work) for work in works} - {None}
    for said in _PLACE_SAID.finditer(doc.text, start, end):
        if said["after"]:
            if any(p > doc.film_number for p in places):  # type: ignore[operator]
                return True
            continue
        if said["last"]:
            place = doc.film_number - 1
        elif said["ordinal"]:
            place = place_in_series(said["ordinal"])
            if said["ordinal"].lower() in _BEFORE_THIS:
                return any(p < doc.film_number for p in places)  # type: ignore[operator]
        else:
            place = doc.film_number - place_in_series(said["back"])
        if place in places:
            return True
    return False


# a work of the series named by its place: "the third film", "the previous one", "two films ago", "two films back"
_PLACE_SAID = re.compile(r"\bthe\s+(?P<ordinal>first|second|third|fourth|fifth|original|previous|last|earlier|prior)"
                         r"\s+(?:film|movie|chapter|entry|one|instal?lment|outing|picture)\b"
                         # a work after this one: "the sequel", "the next film", "the follow-up", "later chapters"
                         r"|\b(?P<after>the\s+(?:sequels?|follow-?ups?)|(?:the\s+next|the\s+following|later|subsequent)"
                         r"\s+(?:films?|movies?|chapters?|entry|entries|ones?|instal?lments?|outings?|pictures?))\b"
                         r"|\b(?P<back>one|two|three|four|\d)\s+(?:films?|movies?|chapters?|entries)\s+(?:ago|back|earlier)\b"
                         # "last time out", "the time before": the work before this one
                         r"|\b(?P<last>last\s+time(?:\s+(?:out|round|around))?|the\s+time\s+before)\b",
                         re.IGNORECASE)
_BEFORE_THIS = frozenset({"previous", "last", "earlier", "prior"})
# "in 2019", "back in 2014", or the year in brackets: "Michael Nyqvist as Viggo Tarasov (2014)"
_IN_YEAR = re.compile(r"(?:\b(?:in|back\s+in)\s+|\(\s*)((?:19|20)\d\d)\b", re.IGNORECASE)


_JOB_OF_TITLE = {"director": "director", "directors": "director", "writer": "writer"}  # a title that is a credit


def without_credit_titles(claims: list[Claim], credited: dict[str, frozenset[str]]) -> list[Claim]:
    """"Chad Stahelski is the director again": where the same words made a credit, a role named by the job
    title ("the Director") for the same person is that credit, not a part he plays. When no credit was read there
    ("Len Wiseman, the man behind the Underworld films, is the director") but the reference credits the person with
    that job on the reviewed work (``credited``: "director"/"writer" -> IRIs), the role is read as the credit."""
    titles = default_cues()["credit-label"]
    credits = [(c.start, c.end, c.person_iri or normalize_name(c.person or "")) for c in claims
               if c.type in ("director", "writer")]
    read = {(c.type, c.person_iri) for c in claims if c.type in ("director", "writer")}

    def title(claim: Claim) -> str | None:
        words = normalize_name(claim.character or "").split()
        return words[-1] if claim.type in ("cast", "reprise") and words and words[-1] in titles else None

    def credit_title(claim: Claim) -> bool:
        return title(claim) is not None and any(
            start < claim.end and claim.start < end and who == actor_key(claim) for start, end, who in credits)

    kept: list[Claim] = []
    for claim in claims:
        job = _JOB_OF_TITLE.get(title(claim) or "")
        if credit_title(claim):
            continue
        if job and claim.actor_iri in credited.get(job, frozenset()):
            if claim.type == "cast" and (job, claim.actor_iri) not in read:  # one claim per fact
                kept.append(Claim(job, claim.evidence, claim.start, claim.end, person=claim.actor,
                                  person_iri=claim.actor_iri, rule="credit-title"))
            continue
        kept.append(claim)
    return kept


_HEADER_REACH = 300  # a text's header: its title, its kind and its own credits


def without_the_texts_own_credits(claims: list[Claim], doc: Document) -> list[Claim]:
    """The credits a text gives itself in its header: a radio play's "Written by Niamh Carrow", an audio guide's
    "Script: Oona Feldt". A person the reference does not know, credited before the text names the work it is about,
    or in a first paragraph that credits no one the reference knows, made the text, not the film (a film's own credits
    follow its title, or name people the reference knows)."""
    named = next((m.start for m in doc.mentions if m.mask & WORK and doc.work_at(m.start) == doc.film), None)
    if named is None:
        return claims  # (a text that never names its work has no header apart from it)
    paragraph = PARAGRAPH_BREAK.search(doc.text, 0, _HEADER_REACH)
    if paragraph is not None and "\n" not in doc.text[:paragraph.start()].strip():
        # a title alone on the first line, its own credit under it: '"JOHN WICK NIGHT"' over "Written by Dana Okafor"
        paragraph = PARAGRAPH_BREAK.search(doc.text, paragraph.end(), _HEADER_REACH) or paragraph
    first = paragraph.start() if paragraph else 0  # (a text of one paragraph has no header apart from it)
    if any(c.type in ("director", "writer") and c.person_iri is not None and c.end <= first for c in claims):
        first = 0  # a film's credits block: "JOHN WICK (2014) / Directed by Chad Stahelski; written by ..."
    header = max(min(named, _HEADER_REACH), first)
    return [c for c in claims if not (c.type in ("director", "writer") and c.person_iri is None and c.end <= header)]
