"""An actor joined to a role named in another clause or sentence: "Santino shows up. X plays him", "Ana de Armas
leads it. She plays Eve", "Cassian comes after John. That's Common", and a letter's "you" ("Dear Mr Reeves, ...
You came back as John Wick")."""

from __future__ import annotations

import re

from .document import Document
from .gazetteer import CHARACTER, PERSON, Mention
from .links import Cues, is_possessive
from .newroles import new_name_at
from .pairs import WINDOW, is_role, role_candidate
from .patterns import Candidate
from .performance import endowed_pronoun

__all__ = ["addressed_claims", "identified_role", "pronoun_role", "subject_pronoun_role"]

# (typed without the apostrophe too, as chats and texts do: "thats ruby rose", "hes marcus", "shes the Director")
_THAT_IS = re.compile(r"(?:^|[\s\u2014\u2013(-])(?:that['\u2019]?s|that is|(?:he|she)['\u2019]s|(?:he|she) is|"
                      r"that would be|that['\u2019]d be|that was|"
                      r"it['\u2019]s|it is|this is)\s+\Z", re.IGNORECASE)
# a belief of the speaker's about who it was ("I thought that was X", "we assumed it was X"): held then, not now
_BELIEVED = re.compile(r"\b(?:i|we)\s+(?:\w+\s+)?(?:thought|assumed|figured|guessed|presumed)\s+"
                       r"(?:that['\u2019]s|that\s+(?:is|was)|it\s+(?:is|was)|it['\u2019]s)\s+\Z", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
_AFTER_A_SENTENCE = re.compile(r"(?<=\w)[.!][\"')\]\u201d]*[ \t]+\Z")  # a word's full stop, not dot leaders
_NAME_ENDS_SENTENCE = re.compile(r"[ \t]*(?:[.!](?:\s|$)|\n|$)")


def identified_role(doc: Document, mentions: list[Mention], index: int) -> Candidate | None:
    """"The Adjudicator makes her entrance — that's Katie McGrath", "Cormac. That is Mel Gibson": an actor
    named as the one behind the role just mentioned, in this sentence or as the subject of the one before
    ("Cassian fights John. That's Common": Cassian)."""
    actor = mentions[index]
    before = doc.gap(max(0, actor.start - 20), actor.start)  # (as the view reads it: "That's #AlfieAllen", "*X*")
    # a sentence that is the name alone names the one behind the sentence before: "a guy called Mr. Nobody.
    # Shamier Anderson. He has a dog."
    alone = _AFTER_A_SENTENCE.search(before) is not None and _NAME_ENDS_SENTENCE.match(doc.text, actor.end) is not None
    if not alone and not _THAT_IS.search(before):
        return None
    if _BELIEVED.search(doc.text, max(0, actor.start - 40), actor.start):
        return None  # "i thought that was peter stormare": a belief the speaker takes back, not who it is
    roles: list[Mention] = []
    for position in range(index - 1, max(-1, index - 6), -1):
        other = mentions[position]
        if actor.start - other.end > 120 or (other.mask & PERSON and not other.mask & CHARACTER):
            break
        gap = doc.text[other.end:actor.start]
        if "\n\n" in gap or len(_SENTENCE_STOP.findall(gap)) > 1:
            break
        if _CLOSED_ASIDE.search(gap):
            continue  # a role inside the aside of the role before it: "the Elder (guy John walks to) — that's X"
        if is_role(doc, other):
            if not _SENTENCE_STOP.search(gap) and not alone:  # the role of this very sentence: "Santino, that's X"
                return _role_pair(other, actor)
            roles.append(other)
    # the sentence before: its one role whose player is still to be named ("Keanu Reeves is back. Cassian fights
    # John. That's Common": Cassian); with two such roles, which one is meant cannot be told
    new = [r for r in roles if not _player_named_before(doc, r, mentions[:index])]
    if len(new) > 1:  # "Readers asked who plays the Elder, whom John meets in the desert. That is X": the one asked
        new = [r for r in new if _WHO_PLAYS.search(doc.text, max(0, r.start - 24), r.start)]
    return _role_pair(new[0], actor) if len(new) == 1 else None


# the rest of a bracketed aside, closed before what follows: the mention before it is inside the aside
_CLOSED_ASIDE = re.compile(r"\A[^()\n]*\)")
_WHO_PLAYS = re.compile(r"\bwho\s+(?:plays|played|portrays|portrayed|voices|voiced|is\s+playing)\s+(?:the\s+)?\Z",
                        re.IGNORECASE)


def _player_named_before(doc: Document, role: Mention, earlier: list[Mention]) -> bool:
    characters = {e.iri for e in role.of_kind(CHARACTER)}
    players = {actor for actor, character in doc.film_performances if character in characters}
    return any(e.iri in players for m in earlier for e in m.of_kind(PERSON))


def _role_pair(role: Mention, actor: Mention) -> Candidate:
    return Candidate("pair-role", "cast", role.start, actor.end,
                     parts={"actor": [(actor.start, actor.end)], "character": [(role.start, role.end)]})


# "She plays Eve", "He's Caine", "He returns as Winston", and the possessive "His Zero, the sushi-chef assassin, ..."
# (his part, as "Mark Dacascos's Zero"), "His character Caine is blind", "Her role, Akira, ...",
# "His character is Santino"
_PLAYS = re.compile(r"\b(?:plays|portrays|voices|playing)\b", re.IGNORECASE)
_HE_SHE = re.compile(r"(?:(?:he|she)(?:\s+(?:\w+ly\s+|also\s+|now\s+)?(?:plays|portrays|voices|is playing|is|"
                     # (or comes in as it: "He returns as Winston", "She appears as Sofia", "He turns up as Zero")
                     r"(?:returns|comes\s+back|appears|turns\s+up|shows\s+up|stars|reappears)\s+as)"
                     r"|['\u2019]?s)|(?:his|her)(?:\s+(?:character|role|part)(?:\s*,|\s+(?:is|was))?)?)\s+"
                     r"(?:(?:again|once more|still|back as|now"
                     # "he's in it as Aurelio", "she is in this one as Helen"
                     r"|in\s+(?:it|this(?:\s+one)?|the\s+(?:film|movie|sequel))\s+as)\s+)?"
                     r"(?P<appos>the\s+(?:[\w-]+\s+)?[\w-]+,\s+)?", re.IGNORECASE)  # "He plays the son, Iosef"


def subject_pronoun_role(doc: Document, mentions: list[Mention], index: int) -> Candidate | None:
    """"Ana de Armas leads it. She plays Eve" / "Is Anjelica Huston back? She is! She's the Director again":
    the one actor of a sentence, and the role a he/she names in one of the next two sentences."""
    actor = mentions[index]
    sentence_start, sentence_end = doc.sentence(actor.start)
    if is_possessive(doc.text, actor.end):
        return None
    others = [m.start for m in mentions[max(0, index - 6):index + 8] if m is not actor and m.mask & PERSON
              and not m.mask & CHARACTER and sentence_start <= m.start < sentence_end]
    # "Keanu Reeves is back and he plays John Wick", "Donnie Yen stars; he plays Caine": a later clause of the same
    # sentence with no other actor named before it, then each of the next two sentences when the sentence names one
    # actor only
    joint = _NEXT_CLAUSE.search(doc.text, actor.end, min(sentence_end, actor.end + WINDOW))
    starts = [(joint.end(), True)] if joint is not None and not any(o < joint.end() for o in others) else []
    if others:
        return _pronoun_names_role(doc, mentions, index, starts[:1], actor)
    position = sentence_end
    for _ in range(2):
        start = position + len(doc.text[position:position + 3]) - len(doc.text[position:position + 3].lstrip())
        aside = _BRACKETED_SENTENCES.match(doc.text, start)
        if aside is not None:  # "Donnie Yen. (Ip Man himself! Sorry.) He's Caine": an aside in brackets is no sentence
            if any(aside.start() <= m.start < aside.end() and m.mask & PERSON and not _same_person(m, actor)
                   for m in mentions[index + 1:index + 12]):
                break  # unless it names somebody else: "Keanu Reeves. (Donnie Yen too.) He plays Caine"
            start = aside.end()
        _, next_end = doc.sentence(min(start, len(doc.text) - 1))
        starts.append((start, False))
        if next_end <= position:
            break  # the end of the text
        position = next_end
    return _pronoun_names_role(doc, mentions, index, starts, actor)


# a word that opens a sentence before its subject, set off: "Fair, he's in it as Aurelio", "Yes - she plays Eve"
_INTERJECTION = re.compile(r"(?:fair|yes|yep|well|sure|right|true|indeed|oh|ok|okay|and|but|so)[ \t]*"
                           r"(?:,|[\u2014\u2013]|-{1,2})[ \t]*", re.IGNORECASE)


# one or more whole sentences in brackets, and the space after them
_BRACKETED_SENTENCES = re.compile(r"\([^()\n]{1,200}\)\s*")


def _same_person(mention: Mention, actor: Mention) -> bool:
    return bool({e.iri for e in mention.of_kind(PERSON)} & {e.iri for e in actor.of_kind(PERSON)})


def _pronoun_names_role(doc: Document, mentions: list[Mention], index: int, starts: list[tuple[int, bool]],
                        actor: Mention) -> Candidate | None:
    """The role a he/she names at the first of ``starts`` (clause or sentence starts) where one stands."""
    for start, same_sentence in starts:
        end = doc.sentence(min(start, len(doc.text) - 1))[1]
        if not same_sentence and any(start <= m.start < end and m.mask & PERSON and not m.mask & CHARACTER
                                     and not _same_person(m, actor) for m in mentions[index + 1:index + 12]):
            return None  # somebody else is named first (the actor named again, "DONNIE YEN.", is no one else)
        opening = _INTERJECTION.match(doc.folded, start)  # "Fair, he's in it as Aurelio"
        pronoun = _HE_SHE.match(doc.folded, opening.end() if opening else start)  # as the rules read it
        if pronoun is not None:
            # the role after the apposition ("He plays the son, Iosef"), or the apposition's own noun when it is the
            # role ("she's the Director, and what's more")
            at = {pronoun.end(), pronoun.start("appos") if pronoun.group("appos") else pronoun.end()}
            role = next((m for m in mentions[index + 1:index + 12] if m.start in at), None)
            if role is None and _PLAYS.search(pronoun.group()):
                # a role the reference does not know, kept to be flagged: "That's Ruby Rose. She plays Athena"
                named = new_name_at(doc, pronoun.end())
                if named is not None:
                    return Candidate("pair-pronoun", "cast", start, named[1],
                                     parts={"actor": [(actor.start, actor.end)], "character": [named]})
            if role is None or not is_role(doc, role):
                return None
            # the evidence is the clause or sentence that names the role; the actor's own may be a question
            return Candidate("pair-pronoun", "cast", start, role.end,
                             parts={"actor": [(actor.start, actor.end)], "character": [(role.start, role.end)]})
    return None


# (or a bracket: "Ian McShane runs it (he's Winston)")
# (or "his character"/"her role": "Hiroyuki Sanada runs the hotel; his character, Koji, is John's friend"; not a bare
# "his", which may be the character's own: "Keanu Reeves kills, and his Helen haunts him")
_NEXT_CLAUSE = re.compile(r"(?:(?:;|,?[ \t]+(?:and|but|so)|:|[ \t]+[\u2014\u2013-])[ \t]+|[ \t]+\()"
                          r"(?=(?:he|she)\b|(?:his|her)\s+(?:character|role|part)\b)", re.IGNORECASE)


_PASSIVE_PRONOUN = re.compile(r"\b(?:he|she|they)(?:['\u2019](?:s|re)|\s+(?:is|was|are|were))\s+(?:\w+ly\s+)?"
                              r"(?:played|portrayed|voiced)"
                              r"(?:,?\s+\w+){0,3},?\s+by\s+\Z", re.IGNORECASE)


# "X plays him" (or in a relative clause: "X, who plays him, ..."), and the role named by a noun: "X does this role",
# "X takes the part", "X returns to the role", "X fills the part" (the noun first: "plays the part" is not the
# pronoun "the")
_PLAYS_PRONOUN = re.compile(r"(?:\s*,\s*who\s+|\s+)(?:\w+\s+)?(?:(?:plays|play|played|does|do|did|takes|take|took|has|"
                            r"had|gets|got|is\s+in|was\s+in|reprises|reprised|returns\s+to|returned\s+to|steps\s+(?:back\s+)?into|"
                            r"slips\s+(?:back\s+)?into|inhabits|owns|"
                            # a verb of filling or winning the part: "X fills the part", "Y lands the role"
                            r"fills|filled|lands|landed|wins|won|nails|nailed|handles|handled|inherits|inherited|"
                            r"occupies|occupied)\s+"
                            r"(?P<noun>(?:this|that|the)\s+(?:role|part|character))\b(?!\s+of\b)|"
                            # "A rich boy named Iosef steals the car. Alfie Allen plays that boy": a demonstrative
                            # and a noun for a person point back like a pronoun
                            r"(?:plays|play|portrays|voices|is playing|played)\s+(?P<demonstrative>(?:this|that)\s+"
                            r"(?:[\w-]+\s+)?(?:boy|man|woman|girl|guy|kid|fellow|lady|villain|killer|assassin|"
                            r"gangster|thug|brat|heir|hitman|chef|bodyguard|boss))\b|"
                            # (not "plays them all", everybody)
                            r"(?:plays|play|portrays|voices|is playing|played)\s+(?P<pronoun>\w+)\b"
                            r"(?!\s+(?:all|both)\b))", re.IGNORECASE)

def pronoun_role(doc: Document, cues: Cues, mentions: list[Mention], index: int) -> Candidate | None:
    """"Santino wants his sister dead, and X plays him"; "The Elder waits in the desert. He is played by X";
    "Zero, the sushi chef who kills. X does this role"; "Gianna waits in Rome. X gives her a tragic dignity"."""
    actor = mentions[index]
    after = _PLAYS_PRONOUN.match(doc.folded[actor.end:actor.end + 40])
    endows = None if after else endowed_pronoun(doc.folded[actor.end:actor.end + 80])
    passive = _PASSIVE_PRONOUN.search(doc.folded, max(0, actor.start - 40), actor.start)
    names_role = endows is not None or (after is not None and (
        after.group("noun") is not None or after.group("demonstrative") is not None
        or (after.group("pronoun") or "").lower() in cues["pronoun-role"]))
    if passive is None and not names_role:
        return None
    sentence_start, _ = doc.sentence(actor.start)
    previous_start, _ = doc.sentence(max(sentence_start - 2, 0))
    first = index
    while first > 0 and mentions[first - 1].start >= previous_start:
        first -= 1
    roles = [m for m in mentions[first:index] if is_role(doc, m)]
    if not roles:
        return None
    # the character this sentence names first ("Santino wants his sister dead, and X plays him"), else the
    # one the sentence before introduces ("That's Caine, an old friend John must hunt. X plays him.")
    here = [m for m in roles if m.start >= sentence_start]
    # ... unless another of its characters is the player's own role here: "Wick calls on the Director, ..., and
    # Anjelica Huston plays her" (a pronoun's gender is not known to the reference; the cast is); so too in the
    # sentence before: "Santino has a helper called Ares. Ruby Rose plays her."
    own = [m for m in (here or roles) if _plays_here(doc, actor, m)]
    role = (own or here or roles)[0]
    if passive is not None:  # the evidence is the sentence that names the actor
        candidate = role_candidate(doc, cues, actor, role, passive.start(), actor.end)
        candidate.parts["character"] = [(role.start, role.end)]
        candidate.rule = "pair-pronoun"
        return candidate
    link = after or endows
    assert link is not None
    candidate = role_candidate(doc, cues, actor, role, actor.start, actor.end + link.end())
    candidate.parts["character"] = [(role.start, role.end)]
    candidate.rule = "pair-pronoun"
    return candidate


def _plays_here(doc: Document, actor: Mention, role: Mention) -> bool:
    return any((a.iri, r.iri) in doc.film_performances for a in actor.of_kind(PERSON) for r in role.of_kind(CHARACTER))


# "Dear Mr Reeves," / "Hello Keanu Reeves!": a letter's salutation, whose person the letter then calls "you"
_SALUTATION = re.compile(r"[ \t]*(?:dear|dearest|hi|hello|hey|to)\s+(?:(?:mr|mrs|ms|miss|dr|sir|mister)\.?\s+)?\Z",
                         re.IGNORECASE)
_SALUTATION_LINES = 12  # a salutation opens a letter: after its address block, date and subject line at most
# "You came back as John Wick", "you are Winston again", "you play the Director": "you" takes the role
_YOU_TAKE = re.compile(r"\byou\s+(?:(?:also|again|once\s+more|really|finally)\s+)?(?:(?:came|come)\s+back|returned|"
                       r"return|(?:are|were)\s+back|played|play|portrayed|portray|voiced|voice|are|were)\s+"
                       r"(?:(?:again|once\s+more)\s+)?(?:as\s+)?(?:the\s+)?\Z", re.IGNORECASE)


# "You directed it", "you wrote the script", "the two of you directed this one": "you" takes the credit
_YOU_CREDITED = re.compile(r"\byou\s+(?:(?:also|again|once\s+more|both|two)\s+)?"
                           r"(?:(?P<verb>directed|direct|helmed|co-directed|wrote|write|co-wrote|scripted|penned)\s+"
                           r"(?:it|this(?:\s+one)?|the\s+(?:film|movie|sequel|script|screenplay|whole\s+thing))\b|"
                           r"(?:shared|share|split)\s+(?:the\s+)?(?P<shared>screenplay|script|writing\s+credit|"
                           r"director['\u2019]s\s+chair|direction)\b)", re.IGNORECASE)
# "Common, you were Cassian", "Derek Kolstad and Shay Hatten, you wrote this one", "Chad Stahelski and David Leitch,
# the two of you directed this one": people called by name, then spoken to as "you" in the rest of the sentence
_VOCATIVE_OPENS = re.compile(r"(?:\A|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][\"\u201d]\s))[ \t]*\Z")
_VOCATIVE_JOIN = re.compile(r"\s*(?:,|,?\s+and|&)\s+\Z")
_YOU_FOLLOWS = re.compile(r"\s*,\s+(?:(?:the\s+two|both|all)\s+of\s+)?(?:you|your)\b", re.IGNORECASE)
# "your Viktor Tarasov is the sad heart of it": the addressee's role; "Marcus was yours"
_YOUR = re.compile(r"\byour\s+\Z", re.IGNORECASE)
_WAS_YOURS = re.compile(r"\s+(?:was|is)\s+(?:all\s+)?yours\b", re.IGNORECASE)


def _salutation_area(text: str) -> int:
    """Where the lines a letter's salutation may stand in end."""
    lines_start = 0
    for _ in range(_SALUTATION_LINES):
        lines_start = text.find("\n", lines_start) + 1
        if lines_start == 0:
            return len(text)
    return lines_start


def _salutation(doc: Document, mentions: list[Mention]) -> Mention | None:
    """The person or the role a letter's salutation calls in its first lines ("Dear Mr Reeves,", "Dear Marcus,")."""
    area = _salutation_area(doc.text)
    return next((m for m in mentions if m.start < area and (_a_person(m) or (is_role(doc, m) and not m.mask & PERSON))
                 and _SALUTATION.match(doc.text, doc.line(m.start)[0], m.start)), None)


def _a_person(mention: Mention) -> bool:
    """Whether ``mention`` names a person and no role."""
    return bool(mention.mask & PERSON and not mention.mask & CHARACTER)


_Addressed = tuple[list[Mention], int, int]  # who "you" is, and where


def _addressees(doc: Document, mentions: list[Mention], salutation: Mention | None) -> list[_Addressed]:
    """Who "you" is, and where: a letter's addressee from its salutation ("Dear Mr Reeves,") to its end, and people
    called by name at a sentence's opening ("Common, you were Cassian") to the sentence's end."""
    found: list[_Addressed] = []
    if salutation is not None and _a_person(salutation):
        found.append(([salutation], salutation.end, len(doc.text)))
    people = doc.people
    for i, first in enumerate(people):
        if not _VOCATIVE_OPENS.search(doc.text, max(0, first.start - 4), first.start):
            continue
        called = [first]
        for after in people[i + 1:i + 4]:
            if not _VOCATIVE_JOIN.fullmatch(doc.text, called[-1].end, after.start):
                break
            called.append(after)
        if _YOU_FOLLOWS.match(doc.text, called[-1].end):
            found.append((called, first.start, doc.sentence(first.start)[1]))
    return found


def addressed_claims(doc: Document, mentions: list[Mention]) -> list[Candidate]:
    """What the people spoken to did, as "you": a letter's addressee ("Dear Mr Reeves, ... You came back as John
    Wick", "Dear Mr Stahelski, ... you directed it") and people called by name ("Common, you were Cassian",
    "Michael Nyqvist, your Viktor Tarasov is the heart of it", "Willem Dafoe, Marcus was yours")."""
    found = []
    salutation = _salutation(doc, mentions)
    for called, start, end in _addressees(doc, mentions, salutation):
        spans = [(m.start, m.end) for m in called]
        vocative = start == called[0].start  # (the evidence then opens with the name)
        for role in mentions:
            if not start < role.start < end or not is_role(doc, role):
                continue
            sentence_start, _ = doc.sentence(role.start)
            reach = max(sentence_start, role.start - 60)
            you = _YOU_TAKE.search(doc.folded, reach, role.start) or _YOUR.search(doc.folded, reach, role.start)
            yours = _WAS_YOURS.match(doc.folded, role.end)
            if (you is not None or yours is not None) and len(called) == 1:
                opening = start if vocative else you.start() if you else role.start
                found.append(Candidate("pair-addressee", "cast", opening, yours.end() if yours else role.end,
                                       parts={"actor": spans, "character": [(role.start, role.end)]}))
        for credited in _YOU_CREDITED.finditer(doc.folded, start, end):
            verb = (credited["verb"] or credited["shared"]).lower()
            kind = "director" if "direct" in verb or "helm" in verb else "writer"
            found.append(Candidate("pair-addressee", kind, start if vocative else credited.start(), credited.end(),
                                   parts={"person": spans}))
    return found + _players_of_the_addressee(doc, salutation)


# a letter to a role: its player named as the one who plays "you" ("You're played by Willem Dafoe", "The woman who
# plays you, Ruby Rose", "Mark Dacascos plays you")
_PLAYS_YOU_BEFORE = re.compile(r"\b(?:you(?:['\u2019]re|\s+are|\s+were)\s+"
                               r"(?:played|portrayed|brought\s+to\s+life)\s+by|"
                               r"(?:man|woman|actor|actress|person|one|guy|lady|fellow)\s+(?:who\s+)?(?:plays|played|"
                               r"portrays|portrayed)\s+you(?:\s+here)?\s*(?:,|:|\u2014|-|\bis\b|\bwas\b)?)\s*\Z",
                               re.IGNORECASE)
_PLAYS_YOU_AFTER = re.compile(r"\s*(?:,\s*who\s+)?(?:plays|played|portrays|portrayed)\s+you\b", re.IGNORECASE)


def _players_of_the_addressee(doc: Document, addressee: Mention | None) -> list[Candidate]:
    """In a letter whose salutation calls a role ("Dear Marcus,"), the players named as playing "you"."""
    if addressee is None or _a_person(addressee):
        return []
    found = []
    for actor in doc.people:
        if actor.start <= addressee.end:
            continue
        before = _PLAYS_YOU_BEFORE.search(doc.folded, max(0, actor.start - 60), actor.start)
        after = _PLAYS_YOU_AFTER.match(doc.folded, actor.end)
        if before is not None or after is not None:
            found.append(Candidate("pair-addressee", "cast", before.start() if before else actor.start,
                                   after.end() if after else actor.end,
                                   parts={"actor": [(actor.start, actor.end)],
                                          "character": [(addressee.start, addressee.end)]}))
    return found
