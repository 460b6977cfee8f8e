"""A bare cast claim's role from its line: a player the review names with no role takes the one role of the reviewed
work beside them on the same line, when only layout joins the two ("Winston | Assignee: Ian McShane", "Killa, Scott
Adkins in a fat suit", "Shimazu Koji, manager, Osaka branch (Hiroyuki Sanada)").

First, the player's own role in the reviewed work, as the reference has it, set apart from them in their sentence by
a mark, the second of the two closing its clause, whoever else the sentence names ("Michael Nyqvist, crime boss Viggo
Tarasov", "Winston is back, and so is Ian McShane"; not "Ian McShane acts, Winston watches", "..., thanks Winston",
"the friend of his mother (Halle Berry)"), or heading the entry of lines the player stands in when it names no other
player of the work ("IOSEF TARASOV, the Spoiled Fledgling" over "First recorded by Alfie Allen"): rule ``pair-known``.
Knowledge says which role is the player's; the marks still say whether the sentence joins them.

This is the last and weakest link, for layouts no rule knows: it runs on the claims, after every rule and pairing
has had its say, only for a player no claim gives a role, only with a role no claim gives a player, and only when
the first name is set off by a mark of layout (a bar, a comma, a bracket, a colon, a dash) and the gap holds at most
three words, none of which ends a description, names a relation or is a verb form ("Keanu Reeves fights Caine", "Ian
McShane, with Winston", "Keanu Reeves, the hitman hunting Iosef" stay bare), and neither name is an item of a list
or governed by a preposition before it. Its claims carry the rule ``pair-proximity`` and a lower confidence.

Failing that, a sentence that names one person only and one free role of the reviewed work only pairs the two
("The lead is Eve Macarro, ... and the whole thing rests on Ana de Armas"; "Miles, ex-army, runs the dojo (Hubert
Point-Du Jour)"): a review names a role in the sentence about its player. Each name must stand in a phrase of its own,
set off by marks: the role first and the player closing a clause, or the player first and the role after a mark.
Neither may be a verb's subject or object ("Keanu Reeves fights Caine", "Winston gives Keanu Reeves a dog"), governed
by a word that ends a description ("Ian McShane, with Winston"), possessive, a relation's ("the friend of her father
(Norman Reedus)", "Winston, whose brother") or an item of a list. These claims carry the rule ``pair-sentence`` and the
lowest confidence of a pair.

Last, the player's own role in the reviewed work, as the reference has it, named anywhere in their sentence however the
sentence joins the two ("Willem Dafoe lends his craggy features to Marcus"): rule ``pair-own-role``. It runs only
when nothing else gave the player a role, so a false role beside the player is still the one read and contradicted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from .claims import Claim
from .document import Document
from .gazetteer import CHARACTER, PERSON, WORK, Mention
from .jsonld import JSONLD_RULE
from .layout_words import PARAGRAPH_BREAK
from .links import Cues, is_possessive
from .patterns import ROLE_AS_OBJECT
from .reprises import reprise_cue

__all__ = ["roles_beside_bare_players"]

_REACH = 60  # characters between the player and the role, at most
# the first of the two names set off by layout, not the subject of a verb ("Miles runs the dojo — Ben Robson ...")
_SET_OFF = re.compile(r"[ \t]*(?:[|,(:\u2014\u2013\t]|-{1,2}[ \t])")
_SENTENCE_END = re.compile(r"[.!?;]\s")
_WORD = re.compile(r"[A-Za-z]+")  # "that's" is "that" and "s"
_MAX_GAP_WORDS = 3
_CLAUSE_VERBS = frozenset({"is", "was", "are", "were", "be", "been", "has", "have", "had", "does", "did", "do", "will",
                           "would", "can", "could", "says", "said", "gets", "got", "makes", "made"})
_VERB_FORM = re.compile(r"(?-i:[a-z]{2,}(?:ing|ed))\Z")  # "the hitman hunting Iosef": a clause, not layout
_MAX_PEOPLE_ON_LINE = 2
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?(?-i:[A-Z])|,\s*the\s|\s+(?:and|or|&)\s)")


def roles_beside_bare_players(claims: list[Claim], doc: Document, cues: Cues,
                               withheld: AbstractSet[tuple[str, str, int]] = frozenset(),
                               also_at: Mapping[str, Sequence[Claim]] | None = None,
                               kept: Callable[[Claim], bool] = lambda claim: True) -> list[Claim]:
    """``claims`` with each bare cast claim given the one free role of the reviewed work beside it on its line;
    ``withheld`` holds the links (player, role, sentence start) a rule read and a filter dropped, ``also_at`` the
    player's bare mentions, where a later one the filters keep (``kept``) may stand beside the role instead ("In
    pictures: Halle Berry, ..." over "Sofia, manager of the Casablanca Continental, is played by Halle Berry")."""
    with_role = {c.actor_iri for c in claims if c.type == "cast" and (c.character or c.character_iri)}
    taken = {c.character_iri for c in claims if c.type in ("cast", "reprise") and c.character_iri}
    result: list[Claim] = []
    for claim in claims:
        reprised = None
        if claim.type == "cast" and not claim.character and claim.actor_iri and claim.actor_iri not in with_role \
                and not (claim.rule or "").endswith(JSONLD_RULE):  # (a JSON-LD Person, no characterName, stays bare)
            later = [m for m in (also_at or {}).get(claim.actor_iri, ()) if m.start > claim.start]
            for mentioned in (claim, *later):
                if mentioned is not claim and not kept(mentioned):
                    continue
                found = _role_beside(mentioned, doc, cues, taken, withheld)
                if found is not None:
                    (mention, iri), rule = found
                    start, end = min(mentioned.start, mention.start), max(mentioned.end, mention.end)
                    claim = replace(mentioned, character=doc.text[mention.start:mention.end], character_iri=iri,
                                    evidence=doc.text[start:end], start=start, end=end, rule=rule)
                    taken.add(iri)
                    if reprise_cue(doc, cues, start, end):  # "Ian McShane once again takes up Winston"
                        reprised = replace(claim, type="reprise")
                    break
        result += [claim] if reprised is None else [claim, reprised]
    return result


def _role_beside(claim: Claim, doc: Document, cues: Cues, taken: set[str],
                 withheld: AbstractSet[tuple[str, str, int]]) -> tuple[tuple[Mention, str], str] | None:
    """The role a bare cast claim's player takes beside it, with the rule that found it."""
    film_roles = doc.film_roles
    role, rule = _own_role_beside(claim, doc, cues, taken), "pair-known"
    # any other free role after a possessive player is a relation: "Caine, Keanu Reeves's old friend"
    if role is None and not is_possessive(doc.text, claim.end):
        role, rule = _free_role_beside(claim, doc, cues, film_roles, taken), "pair-proximity"
        if role is None:
            role, rule = _free_role_in_sentence(claim, doc, cues, film_roles, taken), "pair-sentence"
    if role is None:
        role, rule = _own_role_in_sentence(claim, doc, taken, withheld), "pair-own-role"
    return None if role is None else (role, rule)


def _own_role_beside(claim: Claim, doc: Document, cues: Cues, taken: set[str]) -> tuple[Mention, str] | None:
    """The player's own role in the reviewed work, as the reference has it, set apart from the player in their
    sentence by a mark (:func:`_set_apart`), whoever else the sentence names ("Michael Nyqvist, crime boss Viggo
    Tarasov"), or named alone by the short fragment that opens the player's paragraph just before their sentence ("A
    is for Aurelio. John Leguizamo runs the chop shop"), or heading the entry of lines the player stands in when it
    names no other player of the work ("IOSEF TARASOV, the Spoiled Fledgling" over "... First recorded by Alfie
    Allen") and the player's own line does not name the role."""
    own = {character for actor, character in doc.film_performances if actor == claim.actor_iri} - taken
    if not own:
        return None
    sentence, line = doc.sentence(claim.start), doc.line(claim.start)
    start, end = max(sentence[0], claim.start - _SENTENCE_REACH), min(sentence[1], claim.end + _SENTENCE_REACH)
    for mention in doc.mentions_between(start, end):
        iri = _own_role(mention, own)
        if iri is not None and _set_apart(claim, mention, doc, cues, sentence[0]):
            return mention, iri
    topic = _topic_before(doc, sentence[0], own)
    if topic is not None:
        return topic
    entry = _entry_around(doc, claim)
    if entry is None or any(_own_role(m, own) for m in doc.mentions_between(*line)):
        # (the role on the player's own line is decided there, not by another name of it below: "Lance Reddick,
        # Charon \u2714" over '"Concierge of the year."')
        return None
    for mention in doc.mentions_between(*entry):
        iri = _own_role(mention, own)
        if iri is not None and doc.line(mention.start) != line and not is_possessive(doc.text, mention.end) \
                and not _RELATION_AFTER.match(doc.text, mention.end) and not _listed_on(doc, mention.end):
            return mention, iri
    return None


# a mark between two phrases of a sentence: a comma, a bracket, a dash, a colon, a bar, a full stop inside a line
_A_MARK = re.compile(r"[,;:()|\u2014\u2013]|\s-{1,2}\s|\.\s|\n")
_NEW_CONJUNCT = re.compile(r"[,;][ \t]+(?:and|but)[ \t]+")
_WHICH = re.compile(r",\s*which\b")  # a relative clause of a thing between the two: "a gun, which was played by X"
# a verb right before a name makes it the verb's object ("says Ian McShane", "meets Winston"); not "boss", "is"
_VERB_BEFORE = re.compile(r"\b(?!(?:is|was|has|as|its|his|hers|this|thus|plus|us|yes|always|perhaps|whereas|unless|"
                          r"towards|besides)\b)(?-i:[a-z]{2,}(?<!s)(?:s|ed))[ \t]+\Z")


def _set_apart(claim: Claim, mention: Mention, doc: Document, cues: Cues, sentence_start: int) -> bool:
    """Whether a player and their own role are set apart by a mark, the second of the two closing its clause ("Akira,
    a blazing Rina Sawayama", "The Bowery King returns too, and Laurence Fishburne."): not the subject of a verb of
    its own ("Ian McShane acts, Winston watches"), a verb's object ("Ian McShane, our friend, meets Winston", "...,
    says Ian McShane"), a relation's ("the friend of her father (Norman Reedus)"), governed ("Unlike Charon, ..."), an
    item of a list ("Charon, Lance Reddick, Common") or a relative clause's ("a gun, which was played by X")."""
    first, second = (mention, claim) if mention.start < claim.start else (claim, mention)
    gap = doc.text[first.end:second.start]
    if is_possessive(doc.text, mention.end) or _RELATION_AFTER.match(doc.text, mention.end) \
            or not _A_MARK.search(gap) or _WHICH.search(gap) \
            or (_CLOSES_CLAUSE.match(doc.text, second.end) is None and not _role_apposed(doc, mention, first)) \
            or _VERB_BEFORE.search(doc.text, max(sentence_start, second.start - 30), second.start) \
            or _governed(doc, cues, sentence_start, first.start) \
            or _listed_on(doc, mention.end) or _listed_on(doc, claim.end):
        return False
    # (a relation right before the player is the player's: "the friend of her father (Norman Reedus)"; one closed
    # before a new conjunct describes the role: "Ares, Santino's mute bodyguard, and Ruby Rose")
    before = _NEW_CONJUNCT.split(doc.text[max(sentence_start, second.start - 30):second.start])[-1]
    return second is mention or not any(w.lower() in cues["relation-noun"] for w in _WORD.findall(before)[-3:])


# a role set off by a comma that opens an apposition, not a clause of its own ("Ares, Santino's mute bodyguard, and
# Ruby Rose makes her debut"; not "Caine, whom ...", "Ares, Cassian and ...")
_APPOSITION_OPENS = re.compile(r",[ \t]+(?!(?:who|whom|whose|which|that|and|or|but)\b)"
                               r"(?:(?-i:[a-z])|(?-i:[A-Z])[\w-]*['\u2019]s\b)")


def _role_apposed(doc: Document, mention: Mention, first: Mention | Claim) -> bool:
    """Whether the role comes first and a comma opens its apposition: its player may then go on with a verb of their
    own ("Ares, Santino's mute bodyguard, and Ruby Rose makes her debut")."""
    return first is mention and _APPOSITION_OPENS.match(doc.text, mention.end) is not None


def _own_role(mention: Mention, own: set[str]) -> str | None:
    """The role of ``own`` a mention names, when it names a role and no person."""
    if mention.mask & PERSON:
        return None
    return next((e.iri for e in mention.of_kind(CHARACTER) if e.iri in own), None)




# a fragment that opens a paragraph to name its topic: the name alone (after a bullet or a tree's branch, "`-- "), an
# entry's number, or a glossary's letter ("A is for", "B stands for", "C:"), or "On" (not a sentence: "I WANTED MORE
# CAINE")
# (or said aloud as a turn opens, after an interjection: "[00:09:12] CALLUM: Ah, Aurelio. John Leguizamo runs ...")
_TOPIC_BEFORE = re.compile(r"[ \t*_#>\u2022`|\u2500-\u257f-]*(?:\d{1,3}[.)][ \t]+"
                           r"|(?-i:[A-Z])[ \t]+(?:is|stands)[ \t]+for[ \t]+|(?-i:[A-Z])[ \t]*[:\u2014\u2013-][ \t]*"
                           r"|(?:On|About)[ \t]+|(?:ah|oh|and|now|right|okay|ok|here['\u2019]s|enter)[ \t]*[,!]?[ \t]+"
                           r")?"
                           r"(?:the[ \t]+)?", re.IGNORECASE)
# a transcript's turn opening before the fragment: its time stamp and its speaker's name
_TURN_OPENING = re.compile(r"[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?[A-Za-z][\w .'-]{0,30}:[ \t]*")
# ... after the role, maybe its description set off: "Viggo Tarasov, head of the New York syndicate. Played by ..."
_TOPIC_AFTER = re.compile(r"[ \t*_]*(?:(?:,|--|[\u2014\u2013]|[ \t]-)[ \t]*[^\n]{1,160}?)?[.:][ \t]*")


def _topic_before(doc: Document, sentence_start: int, own: set[str]) -> tuple[Mention, str] | None:
    """The player's own role, when the sentence before theirs opens the paragraph as a short fragment naming that role
    and no other player, maybe with its description, as a glossary's, a list's or a family tree's entry does: "A is
    for Aurelio. John Leguizamo runs the chop shop", "Francis. Kevin Nash, the wrestler, is the bouncer", "Viggo
    Tarasov, head of the New York syndicate. Played by Michael Nyqvist"."""
    if sentence_start == 0:
        return None
    start, end = doc.sentence(sentence_start - 1)
    if start and doc.text[start - 1] != "\n" and not _TURN_OPENING.fullmatch(doc.text, doc.line(start)[0], start):
        return None
    turn = _TURN_OPENING.match(doc.text, start, end)
    start = turn.end() if turn else start
    mentions = doc.mentions_between(start, end)
    # (the description names no player: "John's former employer" is a role's possessive)
    if not mentions or mentions[0].mask & PERSON or any(m.mask & PERSON and not m.mask & CHARACTER
                                                         for m in mentions[1:]) \
            or not _TOPIC_BEFORE.fullmatch(doc.text, start, mentions[0].start) \
            or not _TOPIC_AFTER.fullmatch(doc.text, mentions[0].end, end):
        return None
    iri = _own_role(mentions[0], own)
    return (mentions[0], iri) if iri is not None else None


def _entry_around(doc: Document, claim: Claim) -> tuple[int, int] | None:
    """The short paragraph of two lines or more around the player, when it names no other player of the work."""
    reach = 2 * _SENTENCE_REACH  # (a longer paragraph is no entry: look no further, so a long review stays linear)
    low = max(0, claim.start - reach)
    # (paragraphs as the view has them: a genealogy file's record lines between blanked ones are one entry)
    start = max((m.end() for m in PARAGRAPH_BREAK.finditer(doc.folded, low, claim.start)), default=low)
    after = PARAGRAPH_BREAK.search(doc.folded, claim.end, claim.end + reach)
    end = after.start() if after else min(len(doc.text), claim.end + reach)
    if (start == low and low > 0) or (after is None and end < len(doc.text)) or end - start > reach \
            or "\n" not in doc.text[start:end].strip() or any(
            e.iri in doc.film_cast and e.iri != claim.actor_iri
            for m in doc.mentions_between(start, end) if not m.mask & CHARACTER for e in m.of_kind(PERSON)):
        return None
    return start, end


def _listed_on(doc: Document, end: int) -> bool:
    """Whether a list of names goes on after ``end`` ("Charon, Lance Reddick, Common", "Keanu Reeves, John Wick and
    dogs"): its next item is a name of the reference."""
    listed = _LIST_GOES_ON.match(doc.text, end)
    if listed is None:
        return False
    after = listed.end() - 1 if doc.text[listed.end() - 1].isupper() else listed.end()
    item = doc.by_start.get(after) or (doc.by_start.get(after + 4) if doc.text.startswith("the ", after) else None)
    # (not a possessive, which opens an apposition: "Ares, Santino's mute bodyguard")
    return item is not None and not is_possessive(doc.text, item.end)


def _free_role_beside(claim: Claim, doc: Document, cues: Cues, film_roles: frozenset[str],
                      taken: set[str]) -> tuple[Mention, str] | None:
    line_start, line_end = doc.line(claim.start)
    # a paragraph on one line is read a sentence at a time: its other sentences' names are not beside this one
    sentence_start, sentence_end = doc.sentence(claim.start)
    line_start, line_end = max(line_start, sentence_start), min(line_end, sentence_end)
    on_line = doc.mentions_between(line_start, line_end)
    people = [m for m in on_line if m.mask & PERSON and not m.mask & CHARACTER]
    if len(people) > _MAX_PEOPLE_ON_LINE:
        return None  # a line of many names: which role is whose cannot be told from nearness
    found: list[tuple[Mention, str]] = []
    for mention in on_line:
        if mention.mask & PERSON or not mention.mask & CHARACTER or is_possessive(doc.text, mention.end):
            continue  # "Rina Sawayama — Koji's daughter Akira": a role named as another's
        iri = next((e.iri for e in mention.of_kind(CHARACTER) if e.iri in film_roles and e.iri not in taken), None)
        if iri is None:
            continue
        low, high = (mention.end, claim.start) if mention.end <= claim.start else (claim.end, mention.start)
        gap = doc.text[low:high]
        if high - low > _REACH or not _SET_OFF.match(doc.text, low) or _SENTENCE_END.search(gap) \
                or len(words := _WORD.findall(gap)) > _MAX_GAP_WORDS \
                or _gap_is_a_clause(words, cues, role_after=mention.start > claim.start) \
                or any(low <= p.start < high for p in people) \
                or _governed(doc, cues, line_start, min(mention.start, claim.start)) \
                or _LIST_GOES_ON.match(doc.text, max(mention.end, claim.end)):
            continue  # "Colin Woodell, Winston, and Mel Gibson all shout": items of a list, not a pair
        found.append((mention, iri))
    return found[0] if len(found) == 1 else None


def _gap_is_a_clause(words: list[str], cues: Cues, role_after: bool) -> bool:
    """Whether a word of the gap makes it a clause (:func:`_not_layout`), read with its neighbours: a participle after
    an article is an adjective ("Akira, a blazing Rina Sawayama"), and a relation right before the role describes that
    role ("Rina Sawayama — his daughter Akira", "Michael Nyqvist, crime boss Viggo Tarasov")."""
    for i, word in enumerate(words):
        if not _not_layout(word, cues):
            continue
        after_article = i > 0 and words[i - 1].lower() in ("a", "an", "the") and _VERB_FORM.search(word) is not None
        describes_role = role_after and i == len(words) - 1 and word.lower() in cues["relation-noun"]
        if not (after_article or describes_role):
            return True
    return False


def _not_layout(word: str, cues: Cues) -> bool:
    """A word that makes the gap a clause, not layout: a word that ends a description, a relation ("the friend of
    her father (X)": the bracket is the father's), or a verb form."""
    lower = word.lower()
    return lower in cues["description-stop"] or lower in cues["relation-noun"] or lower in _CLAUSE_VERBS \
        or _VERB_FORM.search(word) is not None


_LAST_WORD = re.compile(r"([A-Za-z']+)\W*\Z")


def _governed(doc: Document, cues: Cues, line_start: int, first: int) -> bool:
    """Whether the first of the two names is the object of a word before it ("After Wick, John Leguizamo ...",
    "Unlike Keanu Reeves, Winston ..."): a preposition or conjunction of the description-stop list."""
    word = _LAST_WORD.search(doc.text, max(line_start, first - 20), first)
    return word is not None and word.group(1).lower() in cues["description-stop"]


_SENTENCE_REACH = 300  # characters of a sentence read around the player, at most (a rant may be one sentence)


def _free_role_in_sentence(claim: Claim, doc: Document, cues: Cues, film_roles: frozenset[str],
                           taken: set[str]) -> tuple[Mention, str] | None:
    """The one free role of the reviewed work in the player's sentence, when the sentence names no one else."""
    sentence_start, sentence_end = doc.sentence(claim.start)
    start, end = max(sentence_start, claim.start - _SENTENCE_REACH), min(sentence_end, claim.end + _SENTENCE_REACH)
    mentions = doc.mentions_between(start, end)
    people = {e.iri for m in mentions if m.mask & PERSON and not m.mask & CHARACTER for e in m.of_kind(PERSON)}
    if people != {claim.actor_iri}:
        return None
    roles = [(m, e.iri) for m in mentions if m.mask & CHARACTER and not m.mask & PERSON
             for e in m.of_kind(CHARACTER)[:1]]
    if len({iri for _, iri in roles}) != 1:
        return None  # no role, or two: which one is the player's cannot be told
    mention, iri = roles[0]
    if iri not in film_roles or iri in taken or not _joined_in_sentence(claim, mention, doc, cues, sentence_start):
        return None
    return mention, iri


def _own_role_in_sentence(claim: Claim, doc: Document, taken: set[str],
                          withheld: AbstractSet[tuple[str, str, int]]) -> tuple[Mention, str] | None:
    """The player's own role in the reviewed work, as the reference has it, named anywhere in their sentence, however
    the sentence joins the two ("Willem Dafoe lends his craggy features to Marcus", "Ian McShane is back behind
    Winston's desk"): a sentence about a player that names their role speaks of them in it. A name that is also a
    work's ("John Wick") is not read as the role unless the sentence calls it one ("the role of John Wick"), nor a
    link a rule read in the sentence and a filter dropped ("Ian McShane played Winston in the first two films",
    reviewing the third)."""
    own = {character for actor, character in doc.film_performances if actor == claim.actor_iri} - taken
    if not own:
        return None
    sentence_start, sentence_end = doc.sentence(claim.start)
    start, end = max(sentence_start, claim.start - _SENTENCE_REACH), min(sentence_end, claim.end + _SENTENCE_REACH)
    for mention in doc.mentions_between(start, end):
        iri = _own_role(mention, own)
        if iri is not None and (not mention.mask & WORK or _ROLE_OF.search(doc.text, max(0, mention.start - 20),
                                                                          mention.start)) \
                and (claim.actor_iri, iri, sentence_start) not in withheld:
            return mention, iri
    return None


# a name that is also a work's, said to be a role: "The role of John Wick remains vested in Keanu Reeves"
_ROLE_OF = re.compile(r"\b(?:role|part|character)\s+of\s+(?:the\s+)?\Z", re.IGNORECASE)


def _joined_in_sentence(claim: Claim, mention: Mention, doc: Document, cues: Cues, sentence_start: int) -> bool:
    """Whether the player and the role each stand in a phrase of their own, set off by marks, not as a verb's subject
    or object: the role first and the player closing a clause ("The lead is Eve ..., and the whole thing rests on
    Ana de Armas.", "Miles, ex-army, runs the dojo (Hubert Point-Du Jour)"), or the player first and the role after a
    mark ("Lance Reddick, who we lost last year — Charon at the front desk"); not "Keanu Reeves fights Caine",
    "Winston gives Keanu Reeves a dog" or "Pine, the friend of her father (Norman Reedus)"."""
    if _governed(doc, cues, sentence_start, claim.start) or is_possessive(doc.text, mention.end) \
            or _governed(doc, cues, sentence_start, mention.start) or _RELATION_AFTER.match(doc.text, mention.end) \
            or _LIST_GOES_ON.match(doc.text, mention.end):
        return False
    if _ROLE_AS_OBJECT.search(doc.text, max(sentence_start, mention.start - 30), mention.start):
        return False  # the role as a verb's object: "The woman guarding Santino is Ruby Rose", "who shoots Santino"
    if mention.start < claim.start:
        before = doc.text[max(sentence_start, claim.start - 30):claim.start]
        return _CLOSES_CLAUSE.match(doc.text, claim.end) is not None and not _OBJECT_OF_VERB.search(before) \
            and not any(w.lower() in cues["relation-noun"] for w in _WORD.findall(before)[-3:])
    return _AFTER_A_MARK.search(doc.text, max(sentence_start, mention.start - 6), mention.start) is not None \
        and _SET_OFF.match(doc.text, claim.end) is not None


# what closes the player's clause: a mark or the sentence's end ("rests on Ana de Armas.", "(Hubert Point-Du Jour)")
# ... or a conjunction opening a clause of the player's own ("is John Leguizamo and he is only in it a bit")
_CLOSES_CLAUSE = re.compile(r"[ \t]*(?:[.,;:!?)\u2014\u2013]|-{1,2}[ \t]|\n|\Z)"
                            r"|[ \t]+(?:and|but)[ \t]+(?:he|she|they)\b", re.IGNORECASE)
# ... and what makes the player the object of a verb in the role's clause ("hires Ruby Rose", "says Ian McShane")
_OBJECT_OF_VERB = re.compile(r"\b(?!(?:is|was|by|on|as)\b)(?-i:[a-z]+)[ \t]+(?:(?:back|the|a|an|[a-z]+er)[ \t]+)?\Z")
_ROLE_AS_OBJECT = re.compile(ROLE_AS_OBJECT + r"(?:the[ \t]+)?\Z")  # (the role's own article after the verb)
_AFTER_A_MARK = re.compile(r"(?:[,:(\u2014\u2013]|-{1,2})[ \t]*(?:the[ \t]+)?\Z")


# a role named as the other end of a relation: "Winston's brother", "Winston, whose brother"
_RELATION_AFTER = re.compile(r"\s*,\s+whose\b")
