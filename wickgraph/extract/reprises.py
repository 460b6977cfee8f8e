"""Which cast candidates state a reprise: a cue in the claim's own words ("returns as", "is Y again", "Winston's
still X"), right after the role (", back for a flashback", "as ever"), fronted before the clause ("Once again, X
plays Y"), or an announcement or label over the players ("Some familiar faces return.", "Returning:").
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import pairwise

from . import casing
from .casing import lowercase_twin
from .document import Document
from .entrynotes import cue_within, note_says_reprise
from .gapwords import cue_phrases
from .gazetteer import CHARACTER, PERSON, WORK, Mention
from .links import Cues, default_cues, gap_words, is_possessive, only_layout
from .patterns import FIRST_WORK, Candidate

__all__ = ["ACTOR_RETURNS", "AGAIN_AFTER", "COMPANY_ASIDE_OPENING", "mark_reprises", "reprise_cue", "returning_actors",
           "source_after"]

_CLAUSE_BREAK = re.compile(r"[,;:()\u2014]|\s(?:and|but|while)\s")  # compiled once: read for every candidate

# "Keanu Reeves, John Wick for the fourth time": an apposition that names the role taken up again (in its paragraph:
# "Returning faces:" opening the next one is no cue to a list's last row); blanked markup may come before the comma
# ("[[The Bowery King|Bowery King]], back from Chapter 2"); maybe said of both pairs of a list ("X's A and Y's B, both
# reprising their roles"), or returned from an earlier work (not "returned from the dead")
AGAIN_AFTER = re.compile(
    r"(?:[ \t]*,?(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:both|all|each) )?(?:again|once more|once again|yet again|as before|"
    r"like before|one more time|returning|back from|reprising|reprised from|as ever|as always|"
    r"(?:one|a) (?:last|final) time|"
    r"returned from (?:the )?(?:first|second|third|fourth|earlier|previous|original|last|john wick|chapter|parabellum)"
    r"\b|"
    # the role brought along from an earlier work: "X's Bowery King, carried over from Chapter 2"
    r"(?:carried|brought|held) over from|brought back from|"
    # the role taken up again by a participle after it: "as John Wick, resuming the role from the 2014 film"
    r"(?:resuming|repeating|taking up|picking up) (?:the|his|her|their) (?:role|part)|"
    # ... or with the particle after it: "picking the part up again", "taking his role back up"
    r"(?:picking|taking) (?:the|his|her|their) (?:role|part) (?:back )?up\b|"
    r"a (?:role|part) (?:he|she|they) (?:first )?(?:played|took on|created)|"
    r"for (?:the|a) (?:second|third|fourth|fifth|sixth|umpteenth|\w+th) time|"
    # the player's turns counted after the role, ending its phrase: "Keanu = Wick, 3rd time", "Charon, his third
    # outing" (not "second time I saw it")
    r"(?:(?:his|her|their|a|the)\s+)?(?:second|third|fourth|fifth|sixth|\d(?:nd|rd|th))\s+"
    r"(?:time|outing|turn|round|go-round|stint|go)(?=\s*(?:[.,;:!?)\n]|\Z|\s+(?:in|as|playing|on)\b))|"
    # "as he has since 2014", "as she was in the first three films": the role held before
    r"(?:just |exactly )?as (?:he|she|they) (?:has|have|had|did|was|were)(?: done| been)? "
    r"(?:since (?:19|20)\d\d|since the (?:first|original|start|beginning)|in the (?:first|earlier|other|previous)))"
    r"|,\s*back(?!\s+(?:in|then|when)\b)"  # "Marcus, back for a flashback" (not "back in the day")
    # ... or said after an apposition's comma: "X, as Y, is also back"
    r"|,\s*(?:is|was|are|were)\s+(?:also\s+|again\s+)?back(?!\s+(?:in|then|when|to|on)\b))\b",
    re.IGNORECASE)


def mark_reprises(doc: Document, candidates: list[Candidate], cues: Cues | None = None) -> None:
    """A cast candidate with a role becomes a reprise when its clause says so, wherever the cue stands:
    "Keanu Reeves is John Wick again", "Ian McShane is Winston once more"."""
    cues = cues or default_cues()
    roles = [c for c in candidates if c.type == "cast" and "character" in c.parts]
    announced = _Announcements(doc, cues) if roles else None
    for candidate in roles:
        if candidate.reprise:
            continue
        assert announced is not None
        role_end = candidate.parts["character"][0][1]
        if reprise_cue(doc, cues, candidate.start, candidate.end) or announced.before(candidate.start) \
                or (role_end <= candidate.start and _tail_cue(doc, cues, role_end)) \
                or _relative_return(doc, candidate) \
                or _RETURNING_BEFORE.search(doc.text, max(0, candidate.start - 30), candidate.start) \
                or any(_FRONTED_AGAIN.match(doc.folded, at, candidate.start)
                       for at in _openings(doc, candidate.start)) \
                or _so_too(doc, cues, candidate.start) or _NEXT_SAYS_AGAIN.match(doc.text, doc.sentence(
                    max(candidate.end - 1, candidate.start))[1]) or _PRONOUN_RETURNS.match(doc.text, candidate.end) \
                or (_entry_opens(doc, candidate.start) and _names_alone(doc, cues, candidate)
                    and note_says_reprise(doc, cues, candidate.end) is not None):
            candidate.reprise = True
    # "Ian McShane (Winston) and Lance Reddick (Charon) return": pairs joined as a list share the verb after
    # the last one ("X's A and Y's B are back"; not a pair with a verb of its own: "X plays A, and Y's B returns")
    by_start = sorted(roles, key=lambda c: c.start)
    shared: set[int] = set()  # pairs whose reprise is the verb after the list's last pair (a chain of any length)
    for first, then in reversed(list(pairwise(by_start))):
        if then.reprise and not first.reprise and _LIST_JOIN.fullmatch(doc.text, first.end, then.start) \
                and (_names_alone(doc, cues, first) or _verbless(doc, first) or "possessive" in first.rule) \
                and (id(then) in shared or _tail_cue(doc, cues, then.end) or _cue_after_role(doc, cues, then)):
            first.reprise = True
            shared.add(id(first))
    # "Ian McShane returns as Winston and Lance Reddick as Charon": the second pair leaves the verb out
    for first, then in pairwise(by_start):
        if first.reprise and not then.reprise and _LIST_JOIN.fullmatch(doc.text, first.end, then.start) \
                and _verbless(doc, then):
            then.reprise = True


# what may open a line before a list entry whose note may say the return: a list's mark or number, a label ("NPC:
# John Wick (Keanu Reeves) - HP 60, back in the suit")
_ENTRY_OPENING = re.compile(r"[ \t]*(?:(?:[-*+\u2022\u00b7\u25aa\u25b8>#]+|\d{1,3}[.)])[ \t]*)?"
                            r"(?:[A-Za-z]{2,12}[ \t]*:[ \t]*)?")
_ENTRY_REACH = 24  # characters of the line before the entry, at most (a mark and a short label)


def _entry_opens(doc: Document, start: int) -> bool:
    """Whether a list entry opens its line at ``start``, after a list's mark or a short label at most."""
    line_start = doc.line(start)[0]
    return start - line_start <= _ENTRY_REACH and _ENTRY_OPENING.fullmatch(doc.text, line_start, start) is not None


def _names_alone(doc: Document, cues: Cues, candidate: Candidate) -> bool:
    """Whether a pairing is a list entry's names joined by layout alone ("The Bowery King (Laurence Fishburne)"), not
    a clause ("Donnie Yen plays Caine"), so that the sentence after it is its note."""
    (actor_start, actor_end), (role_start, role_end) = candidate.parts["actor"][0], candidate.parts["character"][0]
    gap = doc.text[min(actor_end, role_end):max(actor_start, role_start)]
    return only_layout(gap, cues)


ACTOR_RETURNS = "reprise-actor-returns"
# what may follow a return said of an actor: the clause's end, where from, for what, how, or in what ("returns,
# limping", "returns from Chapter 2", "is back for round three", "back in the suit"); not an object ("returns the
# favour"), a place ("to action") or a time ("back in 2014"); the role itself as the place ("returns to the role",
# "returning to his part", "back to the fold", "returning to the black suit")
_RETURN_GOES_ON = (r"(?=\s*(?:[,.;:!?)\u2014\u2013]|\Z|(?:from|for|after|once|again|here|too|as\s+well|with|\w+ly)\b"
                   r"|to\s+(?:the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:role|part|character|fold|suit)\b"
                   r"|in\s+(?:the|his|her|their|that)\s+(?!day\b)))")  # "back in the black suit", not "back in the day"
_RETURN_AFTER_ACTOR = re.compile(
    r"(?:\s+(?:is|was|are|were)(?:\s+(?:both|all|\w+ly))?\s+back|\s+(?:(?:both|all|\w+ly)\s+)?"
    r"(?:returns?|returned|comes?\s+back|came\s+back|reappears?)|\s*,\s*(?:back|returning))" + _RETURN_GOES_ON
    # the role taken up again, named only as the actor's ("reprises her role", "is reprising his pigeon-fancier"),
    # a list's "reprised their roles", a confirmed one: "were confirmed to be reprising their roles"
    + r"|\s*,?\s+(?:(?:also|all|both)\s+)?(?:(?:is|was|are|were)\s+(?:(?:also\s+)?confirmed(?:\s+in\s+[^,.;\n]{1,20}?)?"
      r"\s+to\s+be\s+)?)?(?:reprises?|reprising|reprised|resumes?|resuming|resumed)\s+(?:the|his|her|their)\s+"
      r"(?:(?:iconic|signature|old|famous|familiar|best-known)\s+)?(?:role|part|character|(?-i:[a-z])[\w-]+)s?\b"
    + r"|\s*,\s*(?:once\s+again|once\s+more|yet\s+again|(?:here\s+)?one\s+(?:last|final)\s+time)\b", re.IGNORECASE)
# "Back again is X", "Returning is X": the verb before its subject
_RETURN_BEFORE_ACTOR = re.compile(r"(?:^|(?<=[.!?\n]))[ \t]*(?:back(?:\s+again)?|returning|also\s+back)"
                                  r"\s+(?:is|are)\s+\Z", re.IGNORECASE | re.MULTILINE)


def returning_actors(doc: Document) -> list[Candidate]:
    """Reprise candidates for an actor whose return is said without the role ("Ian McShane is back", "Lance
    Reddick, here one last time", "Back again is X"): the role is resolved later, from the reference, as the one
    the actor plays both here and in an earlier work; none found, the return makes no claim."""
    found: list[Candidate] = []
    for actor in doc.mentions:
        if not actor.mask & PERSON or actor.mask & (CHARACTER | WORK):
            continue
        after = _RETURN_AFTER_ACTOR.match(doc.text, actor.end) or _back_at_own_roles(doc, actor)
        before = None if after else _RETURN_BEFORE_ACTOR.search(doc.text, max(0, actor.start - 30), actor.start)
        if after or before:
            start, end = (actor.start, after.end()) if after else (before.start(), actor.end)  # type: ignore[union-attr]
            players = [(actor.start, actor.end)]
            while after and (previous := _listed_before(doc, players[0][0])) is not None:
                players.insert(0, (previous.start, previous.end))  # "A and B are back": the list returns
            start = min(start, players[0][0])
            parts = {"actor": players}
            source = _FROM_WORK.match(doc.text, end)
            work = doc.by_start.get(source.end()) if source else None
            if work is not None and work.mask & WORK:  # "returns from Chapter 2": the work the role comes from
                parts["from_film"] = [(work.start, work.end)]
                end = work.end
            found.append(Candidate(ACTOR_RETURNS, "cast", start, end, reprise=True, parts=parts))
    return found


# back in a place the role owns: "Ian McShane is back behind Winston's desk", "X returns to Charon's front desk"
_BACK_AT = re.compile(r"\s+(?:is|was|are|were)\s+back|\s+(?:returns?|returned|comes?\s+back|came\s+back)",
                      re.IGNORECASE)
_AT_PLACE = re.compile(r"\s+(?:at|behind|in|inside|into|on|to)\s+\Z", re.IGNORECASE)


def _back_at_own_roles(doc: Document, actor: Mention) -> re.Match[str] | None:
    """The return said of ``actor`` when it is to a place of the role the actor plays in the reviewed work, named by its
    possessive: "Ian McShane is back behind Winston's desk" (not "X is back at Santino's party")."""
    back = _BACK_AT.match(doc.text, actor.end)
    if back is None:
        return None
    owner = next(iter(doc.mentions_between(back.end(), min(len(doc.text), back.end() + 20))), None)
    if owner is None or not owner.mask & CHARACTER or not _AT_PLACE.fullmatch(doc.text, back.end(), owner.start) \
            or not is_possessive(doc.text, owner.end):
        return None
    own = any((a.iri, r.iri) in doc.film_performances for a in actor.of_kind(PERSON) for r in owner.of_kind(CHARACTER))
    return back if own else None


def _listed_before(doc: Document, position: int) -> Mention | None:
    """The actor listed just before ``position`` ("A, B and C"), if any."""
    joiner = _LIST_BEFORE.search(doc.text, max(0, position - 8), position)
    if joiner is None:
        return None
    earlier = doc.mentions_between(max(0, joiner.start() - 60), joiner.start())
    last = earlier[-1] if earlier else None
    return last if last is not None and last.end == joiner.start() and last.mask & PERSON \
        and not last.mask & (CHARACTER | WORK) else None


_LIST_BEFORE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\Z")
_FROM_WORK = re.compile(r"\s+from\s+(?:the\s+)?", re.IGNORECASE)
# the work a return comes from, a few words after the claim: "The Bowery King (X), returning from John Wick (2014)",
# "Winston (X) carries over from John Wick", "X returns as Y from the original John Wick", "back from the first film"
_SOURCE_AFTER = re.compile(r"[ \t,)]*(?:[a-z-]+[ \t]+){0,3}?from[ \t]+(?P<the>the[ \t]+)?(?:(?:original|very)[ \t]+)?",
                           re.IGNORECASE)


def source_after(doc: Document, end: int) -> tuple[int, int] | None:
    """The span of the work named as where a return comes from, just after ``end``: a work's name (which may hold
    the article: "The Continental") or the first one said by its place ("the first film")."""
    found = _SOURCE_AFTER.match(doc.text, end)
    if found is None:
        return None
    for at in (found.start("the"), found.end()) if found["the"] else (found.end(),):
        work = doc.by_start.get(at)
        if work is not None and work.mask & WORK:
            return work.start, work.end
    first = FIRST_WORK.match(doc.text, found.end())
    return first.span() if first else None


# "Reeves is back as John Wick, but so is Ian McShane's Winston": the pair after "so is" shares the return before it
_SO_TOO = re.compile(r"\bso\s+(?:is|are|does|do|did|was|were)\s+\Z", re.IGNORECASE)


def _so_too(doc: Document, cues: Cues, start: int) -> bool:
    """Whether "so is" opens the pair at ``start`` after a clause of its sentence that states a return."""
    so = _SO_TOO.search(doc.text, max(0, start - 12), start)
    sentence_start = doc.sentence(start)[0]
    return so is not None and cue_within(_TEMPORAL_BACK.sub(" ", doc.text[sentence_start:so.start()]), cues)


def _cue_after_role(doc: Document, cues: Cues, candidate: Candidate) -> bool:
    """Whether the candidate's own words after its role say the return: "Lance Reddick's Charon are back"."""
    roles = candidate.parts.get("character", [])
    return bool(roles) and cue_within(doc.text[roles[-1][1]:candidate.end], cues)


def _relative_return(doc: Document, candidate: Candidate) -> bool:
    """"played by X, who is back": a relative clause on the actor (or one whose verb only an actor does,
    "reprising") says the role is taken up again."""
    match = _RELATIVE_RETURN.match(doc.text, candidate.end)
    if match is None:
        return False
    actors = candidate.parts.get("actor", [])
    return match.group().lower().endswith("reprising") or (
        bool(actors) and not doc.text[actors[-1][1]:candidate.end].strip(" )"))


# (a describing word may open the next pair: "Ian McShane's Winston and the late Lance Reddick's Charon are back")
_LIST_JOIN = re.compile(r"\)?\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+(?:late|great|legendary|mighty)\s+)?")


# an aside about the company the actor keeps, up to the person it names: its cue is the reunion's ("X, teamed
# with Reeves once more, is Y"), and that person is not the subject after it
COMPANY_ASIDE_OPENING = r",\s+(?:[a-z][\w'-]*\s+){0,3}?(?:with|alongside|opposite|against|beside|besides|unlike)\s+"
_COMPANY_ASIDE = re.compile(COMPANY_ASIDE_OPENING + r"[^,.;:!?\n]{1,80},")


def reprise_cue(doc: Document, cues: Cues, start: int, end: int) -> bool:
    """A reprise cue inside the evidence ("returns as", "regresa como" in the view), or right after the role ("is Y
    again"), not anywhere in a long clause ("Caine (a sly, blind X) is a retired killer pulled back in")."""
    evidence = _COMPANY_ASIDE.sub(", ", _RETURNS_GAINED.sub(" ", _TEMPORAL_BACK.sub(" ", doc.folded[start:end])))
    if "front" in doc.lower and _has_card_fronts(doc.text):
        evidence = _CARD_BACK.sub(" ", evidence)
    return cue_within(evidence, cues) or _tail_cue(doc, cues, end) \
        or _STILL_LINK.search(doc.text, start, end) is not None \
        or _AGAIN_PLAYED_BY.search(doc.text, max(0, start - 40), start) is not None


# the passive's agent given again, right before the pairing: "Subject, once more played by Keanu Reeves as Wick"
_AGAIN_PLAYED_BY = re.compile(r"\b(?:once\s+(?:more|again)|(?:yet\s+)?again)\s+(?:played|portrayed)\s+by\s+\Z", re.I)


# a card's back as the label of its answer ("FRONT: Viggo? / BACK: Michael Nyqvist", "BACK (Ollie): ..."): no return
_CARD_FRONT = re.compile(r"\bfront[ \t]*:", re.IGNORECASE)
_CARD_BACK = re.compile(r"\bback(?:[ \t]*\([^()\n]{0,30}\))?[ \t]*:", re.IGNORECASE)


@lru_cache(maxsize=2)
def _has_card_fronts(text: str) -> bool:
    """Whether ``text`` labels cards' fronts, so that a "BACK:" label is a card's (read once per text)."""
    return _CARD_FRONT.search(text) is not None


# "back" of time ("back in 2014", "way back") or a noun ("the back page", "the back row") says no return
_TEMPORAL_BACK = re.compile(r"\b(?:way\s+)?back\s+(?:in\s+(?:19|20)\d\d|then|when|in\s+the\s+day)\b|\bway\s+back\b|"
                            r"\b(?:the|a|its|his|her)\s+back\b(?!\s+(?:again|for|from|as|in\s+the\s+(?:role|suit|part))\b)",
                            re.IGNORECASE)
# "returns" as a noun of gains, not the verb: "delivers outstanding returns as Viggo", "strong returns"
_RETURNS_GAINED = re.compile(r"\b(?:(?:deliver|post|yield|generate|bring|show|earn|produce)(?:s|ed|ing)?\s+"
                             r"(?:(?-i:[a-z])[\w-]*\s+){0,2}?|(?:strong|big|huge|solid|healthy|decent|modest|record|diminishing|"
                             r"outstanding|excellent|impressive|massive|net|gross)\s+)returns\b", re.IGNORECASE)

_BARE_AS = re.compile(r"\s*,?\s*as\s", re.IGNORECASE)


def _verbless(doc: Document, candidate: Candidate) -> bool:
    """Whether the pair says "X as Y" and nothing more: "as" right after the actor, no verb of its own."""
    actors = candidate.parts.get("actor", [])
    return len(actors) == 1 and _BARE_AS.match(doc.text, actors[0][1], candidate.end) is not None


def _tail_cue(doc: Document, cues: Cues, end: int) -> bool:
    """A reprise cue right after the role: "is Y again", "X (Y) returns for a fourth time" (after the bracket
    that closes the role). Read in the view, where a cue of another language is English ("Y otra vez")."""
    view = doc.folded
    if view[end:end + 1] == ")":
        end += 1
    if AGAIN_AFTER.match(view, end) is not None or _WHO_RETURNS.match(view, end) is not None:
        return True
    apposition = _APPOSITION.match(view, end)  # "X is Winston, the owner of the hotel, again"
    if apposition is not None:  # only a cue right after it: what follows may be another clause ("..., back to work")
        return AGAIN_AFTER.match(view, apposition.end() - 1) is not None
    note = _BRACKET_NOTE.match(view, end)  # "Ian McShane \u2192 Winston (returns, more menacing)"
    if note is not None:
        end = note.start(1)
    words = gap_words(view[end:_clause_end(doc, end) if note is None else note.end(1)])
    phrase = f" {' '.join(words[:5])} "
    if _KEEPS_SOMETHING_ELSE.match(phrase):
        return False  # "The Harbinger (X) keeps the barometer steady": the plot's verb, not the part kept
    if _NEGATED_TAIL.match(phrase) or _SPECULATED_TAIL.match(f" {' '.join(words)} "):
        return False  # "Sofia (Halle Berry) - not back until later": the return denied, or only wondered about
    phrase = _BACK_AS_PARTICLE.sub(" ", phrase)  # "VIGGO (X) to take back his car": the plot's verb, not a return
    phrase = _REUNION.sub(" ", _ACTION_COUNTED.sub(" ", phrase))
    phrase = _TEMPORAL_BACK.sub(" ", phrase)  # "X's Marcus back in 2014": a time gone by, not a return
    tail = phrase.split()
    return any(w in cues["reprise-cue"] for w in tail) or cue_phrases(cues["reprise-cue"]).search(phrase) is not None


# a bracketed note right after the role, whose first words may say it is taken up again: "Winston (returns, ...)"
_BRACKET_NOTE = re.compile(r"[ \t]*\([ \t]*([^(),;\n]{1,40})")
# "back" as the particle of a verb of the plot ("to take back his car", "wins back the marker"), not a return
_BACK_AS_PARTICLE = re.compile(r"(?<= )(?:take|takes|took|taking|get|gets|got|getting|win|wins|won|winning|pay|pays|"
                               r"paid|paying|fight|fights|fought|fighting|hold|holds|held|holding|give|gives|gave|"
                               r"giving|buy|buys|bought|steal|steals|stole|stealing|claw|claws|clawed) back(?= )"
                               # (or any action's object, then back: "Charon (X) slides a gold coin back", "X's
                               # Viggo would send it back")
                               r"|(?<= )[a-z]+s (?:a|an|the|his|her|their|its) (?:[a-z]+ ){0,2}back(?= )"
                               r"|(?<= )[a-z]+ (?:it|this|that) back(?= )")
# an action counted ("Winston (X) fires four times", "knocks twice"): the times the character does it, not the
# actor's turns in the part (a verb of appearing keeps them: "appears for the fourth time", "returns twice")
_ACTION_COUNTED = re.compile(r"(?<= )(?!(?:is|was|has|appears|returns|shows|turns|pops|comes|steps|reappears)\b)"
                             r"[a-z]+s (?:[a-z]+ ){0,2}?(?:twice|(?:two|three|four|five|six|seven|\d+) times)(?= )")
_REUNION = re.compile(r"(?<= )(?:together again|back together|again together)(?= )")  # its players, not a return
# a tail that opens with a negation denies the return it names: "not back until later", "never returns", "no longer"
_NEGATED_TAIL = re.compile(r" (?:-+ |\u2014 |\u2013 )?(?:not|never|no|nor|isn't|isnt|doesn't|doesnt|won't|wont)\b")
# a return wondered about, or in a work to come: "X's Cassian could turn up again", "back in a later chapter"
_SPECULATED_TAIL = re.compile(r" (?:could|might|may)\b|.*\b(?:in|for) (?:a|an|some) (?:later|future|subsequent|"
                              r"eventual|upcoming) (?:chapter|film|movie|entry|instal?lment|sequel|part|one)\b")
# "keeps" says a return only of the part itself: "X keeps his role", not "Y (X) keeps the desk"
_KEEPS_SOMETHING_ELSE = re.compile(r" keeps? (?!(?:his|her|their|the) (?:role|part|job|mantle|suit)\b)")


_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|their)\s+[^,.;:!?()\n]{1,50},", re.IGNORECASE)
# "the Bowery King, who comes back from the second chapter": the role's own relative clause says it returns from an
# earlier film (not the plot's returns: "who is back for revenge", "who comes back from the dead")
# "Winston, who returns from the first film", "Ian McShane's Winston, who once again presides over the hotel"
_WHO_RETURNS = re.compile(r",\s+who\s+(?:(?:\w+ly\s+)?"
                          r"(?:returns|returned|comes\s+back|came\s+back|is\s+back|was\s+back)\s+"
                          r"(?:from|after)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last|previous|earlier|original)\s+)?"
                          r"(?:film|chapter|movie|one|instal?lment|entry|sequel|part)\b"
                          r"|(?:once\s+again|once\s+more|yet\s+again|again)\b)", re.IGNORECASE)
# "Winston's still Ian McShane", "Keanu Reeves still plays John": the link itself says the casting carries on
_STILL_LINK = re.compile(r"(?:\b(?:is|was|remains)|['\u2019]s)\s+still\s+(?:the\s+)?(?=(?-i:[A-Z]))"
                         r"|\bstill\s+(?:plays|playing|as|played\s+by|portrayed\s+by)\b", re.IGNORECASE)


# "Some familiar faces return." / "The old gang is back:": an announcement whose players follow it.
# (found by its core, then the sentence opening checked before it: a pattern that opens with "(?:^|(?<=...))" is
# tried at every character of the text)
_ANNOUNCEMENT = re.compile(r"\b(?:familiar|old|usual|returning|beloved)\s+"
                           r"(?P<noun>[a-z]+)\s+(?:(?:all|also)\s+)?(?:return|returns|are\s+back|is\s+back|come\s+back|"
                           r"are\s+returning|turn\s+up\s+again|show\s+up\s+again)\b[^.!?:\n]{0,40}[.!:]", re.IGNORECASE)
_ANNOUNCEMENT_TWIN = lowercase_twin(_ANNOUNCEMENT)
_ANNOUNCEMENT_OPENING = re.compile(r"(?:^|(?<=[.!?:\n]))[ \t\-*#]*(?:(?:some|a\s+few|several|plenty\s+of|lots\s+of|"
                                   r"all|the|our|a\s+handful\s+of)\s+)*(?:of\s+the\s+)?\Z",
                                   re.IGNORECASE | re.MULTILINE)
# "Back again: X as Y and Z as W" / "Also returning: X as Y" / "the returning staff — Winston (X)": a label that names
# the returning players (a bare "Back:" is the back of a trivia card or a page, not players coming back)
# "The old guard is back too: X as Y", "Back from earlier chapters: X as Y" (its subject a few words at most, opening a
# line, a sentence or a chat message: "dex_m: the OGs back too: ...")
_RETURNING_LABEL = re.compile(r"\b(?:also\s+)?(?:returning|"
                              r"(?:also\s+|they['\u2019]re\s+)back|back\s+again|back\s+for\s+more|"
                              r"(?:(?:is|are)\s+)?back\s+(?:too|as\s+well|from\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)|"
                              r"returning\s+(?:cast|players|faces|staff|crew|regulars)|familiar\s+faces)"
                              r"(?:[ \t*_]*:|[ \t]*[\u2014\u2013][ \t]|[ \t]+-{1,2}[ \t])", re.IGNORECASE)
_RETURNING_LABEL_TWIN = lowercase_twin(_RETURNING_LABEL)
_LABEL_OPENING = re.compile(r"(?:^|(?<=[.!?:\n]))[ \t\-*#_]*(?:the[ \t]+)?"
                            r"(?:(?!(?:not|no|never|nobody|none|nor)\b)[\w'-]+[ \t]+){0,2}\Z",
                            re.MULTILINE | re.IGNORECASE)
# "Returning favourites X (Y), Z (W) ...", "Returning faces include X as Y": a group of the cue list returning-group,
# as the subject its players follow
_RETURNING_SUBJECT = re.compile(r"\breturning\s+(?P<noun>[a-z]+)(?:\s+(?:include|includes|are))?(?=[ \t]+(?-i:[A-Z]))",
                                re.IGNORECASE)
# where a clause opens inside a sentence: after a semicolon, a colon or a dash, or a comma and a conjunction
_CLAUSE_OPENING = re.compile(r"(?:[;:\u2014\u2013]|\s-{1,2}|,\s*(?:and|but|while|so)\b)\s*", re.IGNORECASE)


def _openings(doc: Document, position: int) -> tuple[int, ...]:
    """Where what leads up to ``position`` may open: its sentence's start ("Once more: X plays Y"), and the last
    clause opening after it ("The second chapter of the tale; again X is Y", "It is long, and again X plays Y")."""
    start = doc.sentence(position)[0]
    clause = start
    for opening in _CLAUSE_OPENING.finditer(doc.folded, start, position):
        clause = opening.end()
    return (start,) if clause == start else (start, clause)


# "Once again, Ian McShane plays Winston", "Reprising his role, X is Y", "As in the first two films, X plays Y",
# "Back in the black suit: X as Y": a reprise said by an adverbial fronted before the clause
# "Again Ian McShane as Winston", "Like in first film, X plays Y", "Same as before, X ...": the comma may be missing
# after a bare adverb, "like" stands for "as", and the verb may come before its subject ("Back is X as Y")
_FRONTED_AGAIN = re.compile(
    r"[ \t\-*#>\"']*(?:"
    r"(?:once\s+again|once\s+more|yet\s+again|again|for\s+(?:the|a)\s+(?:second|third|fourth|fifth|sixth|\w+th)\s+time)"
    r"\s*[,:]?"
    r"|(?:(?:also\s+)?(?:back|again)|(?:is|are)\s+(?:again|back))(?:\s+(?:is|are|comes|come|also|too))*"  # inverted
    # a verb before its subject after a fronted adverbial, as in German: "In New York comes back X as Y", "Then comes
    # back X as Y", "In the main role there is again X like Y"
    r"|(?:(?:then|also|and|here|now)\s+|(?:in|at|on)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+)?"
    r"(?:(?:comes|come|came)\s+(?:back|again)|returns|returned|there\s+(?:is|are)\s+(?:again|back))"
    r"(?:\s+(?:also|too|again))*"
    r"|(?:(?:same\s+)?(?:as|like)\s+(?:before|ever|always|usual)"
    r"|(?:just\s+|same\s+)?(?:as|like)\s+in\s+(?:the\s+)?(?:first|previous|earlier|other|last)\b[^,:;.\n]{0,30}"
    # "Back in the suit, X plays Y"; a place named is the scene's: "Back in New York, X's Y runs the switchboard"
    r"|reprising\s+(?:his|her|their)\s+(?:role|part)"
    r"|back\s+(?:again|in\s+(?!(?:19|20)\d\d\b|the\s+day\b|(?:the\s+)?(?-i:[A-Z]))[^,:;.\n]{1,30})|returning)\s*[,:]"
    # "Returning from Chapter 2, X's Y ...", "Back from the first film, X plays Y"
    r"|(?:returning|back|coming\s+back)\s+from\s+[^,:;.\n]{1,40}?\s*[,:]"
    r"|returning\s+(?:as|to\s+(?:the\s+)?(?:role|part)\s+of)"  # "Returning as Winston is X": the role fronted too
    # "Again in this film, X plays Y": the work itself named as one more round ("Also in this part" may only add)
    r"|again\s+in\s+(?:this|the\s+new)\s+(?:part|film|movie|one|chapter|sequel|instal?lment|episode)\s*,?"
    r")\s+\Z", re.IGNORECASE)
# "Keanu Reeves is John Wick. This is his third time in the role.": the next sentence counts the player's turns
_NEXT_SAYS_AGAIN = re.compile(r"\s*(?:this|it|that)(?:['\u2019]s|\s+is|\s+was|\s+marks)\s+(?:his|her|their)\s+"
                              r"(?:second|third|fourth|fifth|sixth|\d+(?:nd|rd|th))\s+(?:time|turn|outing|go|film|stint)"
                              r"\s+(?:in|as|with)\s+(?:the|that|this)\s+(?:role|part|character)\b", re.IGNORECASE)
# "Ian McShane is Winston, and he's back from the first movie", "X plays Y; she returns from Parabellum": the next
# clause's pronoun says the player is back (not "he's back at the hotel" alone: the clause names an earlier work)
_PRONOUN_RETURNS = re.compile(r"\s*(?:,|;|\u2014|\u2013|\s-)\s*(?:and\s+|but\s+)?(?:he|she|they)"
                              r"(?:['\u2019]?s|\s+is|\s+are|\s+was|['\u2019]re)?\s+(?:also\s+)?"
                              r"(?:back|returning|returns|(?:reprising|resuming|repeating)"
                              r"(?:\s+(?:his|her|their|the)\s+(?:role|part))?)\s+(?:from|after)\s+"
                              r"(?:the\s+)?(?:first|original|previous|last|earlier|other|old|og|\d|(?-i:[A-Z]))",
                              re.IGNORECASE)
# "Winston, played by Ian McShane, who is back from the first movie": a relative clause on the pair says it
# (the clause follows the actor: "plays Eve, who is back for revenge" is the character's story)
_RELATIVE_RETURN = re.compile(r"\)?,?\s+(?:who|which)(?:\s+(?:is|was|are)|['\u2019]s)\s+"
                              r"(?:also\s+|once\s+(?:again|more)\s+)?(?:back|returning|reprising)\b", re.IGNORECASE)
# "The returning Ian McShane plays Winston", "a flashback brings back Willem Dafoe as Marcus"
# "the returning X", "the return of X", "brings back X", and a describer that says the player has been there before:
# "series veteran X", "franchise regular X"
_RETURNING_BEFORE = re.compile(r"\b(?:(?:the|a|an)\s+(?:returning|ever-returning|once-again)|"
                               r"(?:the|a)\s+(?:welcome\s+)?return\s+of|"
                               r"(?:brings?|brought|bringing)\s+back|"
                               r"(?:series|franchise|saga)\s+(?:veteran|regular|mainstay|stalwart)s?|"
                               # a list's head: "The returning cast includes A as X and B as Y", "Familiar faces: ..."
                               r"(?:returning|familiar)\s+(?:cast|players|faces|favou?rites|regulars)\s*"
                               r"(?:include[sd]?|are|were|:))\s+$",
                               re.IGNORECASE)
_ANNOUNCED_SPAN = 600  # characters after an announcement that it may cover, at most (its paragraph)


class _Announcements:
    """Announcements of returning players ("Some familiar faces return.") and "Returning:" labels in ``doc``, found
    once, so that asking about each cast candidate costs a bisection, not a search (a long review stays linear)."""

    def __init__(self, doc: Document, cues: Cues) -> None:
        self.doc = doc
        text, lower = doc.folded, doc.twin_view(0)
        self.announcements = [(opening.start(), m.end())
                              for m in casing.finditer(_ANNOUNCEMENT, _ANNOUNCEMENT_TWIN, text, lower, 0, len(text))
                              if m.group("noun").lower() in cues["returning-group"]
                              and (opening := _ANNOUNCEMENT_OPENING.search(text, max(0, m.start() - 60), m.start()))]
        self.labels = [(opening.start(), m.end())
                       for m in casing.finditer(_RETURNING_LABEL, _RETURNING_LABEL_TWIN, text, lower, 0, len(text))
                       if (opening := _LABEL_OPENING.search(text, max(0, m.start() - 30), m.start()))]
        self.subjects = [(m.start(), m.end()) for m in _RETURNING_SUBJECT.finditer(text)
                         if m.group("noun").lower() in cues["returning-group"]]

    def before(self, position: int) -> bool:
        """Whether an announcement stands before ``position`` in its paragraph (at most :data:`_ANNOUNCED_SPAN`
        back), a label on its line or a returning group as the subject of its sentence; all read in the layout view,
        where "**Returning:**" lost its markup."""
        text = self.doc.text
        reach = max(0, position - _ANNOUNCED_SPAN)
        window_start = max(text.rfind("\n\n", reach, position) + 1, reach)
        line_start = max(text.rfind("\n", reach, position) + 1, reach)  # a label covers its own line only
        return _within(self.announcements, window_start, position) or _within(self.labels, line_start, position) \
            or _within(self.subjects, self.doc.sentence(position)[0], position)


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the sorted, non-overlapping ``spans`` lies within ``[start, end]``."""
    index = bisect.bisect_left(spans, (start, 0))
    return index < len(spans) and spans[index][1] <= end


def _clause_end(doc: Document, position: int) -> int:
    _, sentence_end = doc.sentence(position)
    match = _CLAUSE_BREAK.search(doc.text, position, sentence_end)
    return match.start() if match else sentence_end
