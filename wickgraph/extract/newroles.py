"""Roles the reference does not know, kept as stated: a capitalised name after a naming cue ("Peter Serafinowicz is
a sommelier called Bartholomew", "as Ms. Parker"), in the bracket after a player ("X (the Tailor)") and, in a sentence
typed in lower case, a word or two after "as" or "plays" ("ana de armas plays rooney"). Their claims carry an
unreconciled character, so a wrong role reads ``contradicted`` or ``unknown``, never a silent ``supported``."""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Document
from .gazetteer import CHARACTER, PERSON, WORK, Mention
from .links import Cues, forward_link, gap_words, is_possessive
from .pairs import WINDOW, in_open_bracket
from .patterns import HONORIFIC, Candidate
from .verse import verse_breaks

__all__ = ["NOT_NAMES", "cues_unknown_role", "lowercase_role", "new_name_at", "new_role", "trade_role"]

# (words that open a sentence or a line of verse, never a name: "So Rome must be the price")
NOT_NAMES = frozenset({"The", "A", "An", "He", "She", "It", "They", "His", "Her", "Their", "I", "We", "You", "And",
                        "But", "In", "On", "At", "For", "With", "This", "That", "Mr", "Ms", "Mrs", "Dr", "Chapter",
                        "So", "Or", "Nor", "Yet", "Then", "Now", "Thus", "If", "When", "While", "As", "Of", "To",
                        "From", "By", "Though", "Till", "Until", "Where", "Whose", "Whom"})

# a form of address opens the name and belongs to it ("as Ms. Parker", "as Madame Lin")
_NEW_NAME = re.compile(rf"(?-i:(?:{HONORIFIC}\.?[ ](?=[A-Z]))?[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b"
                       r"(?!['\u2019]|[ -](?-i:[A-Z]))")
_BILLED = re.compile(r"\b(?:credited|billed|listed|known|styled|signed)(?:\s+\w+){0,2}\Z")  # ("known back then as")
# what a naming cue names when it is a work, not a person: "it was originally called Scorn", "his draft, named X",
# "(it was still called Scorn when it sold)"
_TITLED = re.compile(r"\b(?:it|this|that|draft|script|screenplay|title|film|movie|project|story|book|game|show)"
                     r"(?:\s+(?:is|was|had\s+been|has\s+been|were|originally|first|once|initially|provisionally|still"
                     r"|then|later|briefly|eventually))*\Z")
# "as" opening a fixed phrase, not a part played: "as part of", "as well as", "as far as", "as soon as"
_AS_PHRASES = frozenset({"part", "well", "far", "soon", "long", "much", "many", "if", "though", "usual", "ever",
                         "always", "such", "opposed", "per", "of"})
# a preposition after "plays", which says where or with whom, not whom: "plays in the Rome section"
_WHERE_PLAYED = frozenset({"in", "on", "at", "for", "with", "opposite", "alongside", "against", "under", "into", "to",
                           "around", "through", "inside", "across", "off", "beside"})
# a verb right after the name "as" introduces: its clause compares ("as Romans would", "as Caesar did")
_COMPARED = re.compile(r"[ \t]+(?:would|will|did|does|do|had|has|have|could|can|might|may|must|should|shall)\b")
_NAMING_CUES = frozenset({"as", "plays", "playing", "portrays", "portraying", "voices", "voicing", "called", "named"})


# where a role's name ends its phrase (not an adjective before a noun: "plays Russian roulette")
_PHRASE_END = r"\s*(?:[,.;:!?)\n]|\Z)|\s+(?:and|but|who|in|from|with|again|too|while|for|as|to|lol)\b"
_ENDS_PHRASE = re.compile(_PHRASE_END)


def new_name_at(doc: Document, at: int) -> tuple[int, int] | None:
    """The span of a name the reference does not know that starts at ``at`` and ends its phrase ("She plays Athena,
    ..."; not "He plays Russian roulette"), if one does."""
    name = _NEW_NAME.match(doc.text, at)
    if name is None or at in doc.by_start or name.group().split()[0] in NOT_NAMES \
            or not _ENDS_PHRASE.match(doc.text, name.end()):
        return None
    return name.span()


def _opens_a_verse_line(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a line of verse that goes on from the line before (its capital is the
    line's, not a name's)."""
    newline = text.rfind("\n", 0, at)
    return newline >= 0 and not text[newline + 1:at].strip() and any(
        start <= newline < end for start, end in verse_breaks(text))


# a casting cue and a capitalised name right after the actor: the role the cue names ("as the Tailor", "plays Lemmy")
# (a name that ends its phrase: not a describing word, "as the Russian crime boss Viggo", "the Red Circle bouncer")
_CUE_THEN_NAME = re.compile(r"\s*,?\s*(?:as|plays|playing|portrays|portraying|voices|voicing)\s+(?:the\s+)?"
                            r"(?P<name>(?-i:[A-Z])[\w'\u2019-]+)(?:\s+(?-i:[A-Z])[\w'\u2019-]+)?\s*[,.;:!?)]",
                            re.IGNORECASE)


def cues_unknown_role(doc: Document, start: int, end: int) -> bool:
    """Whether ``doc.text[start:end]`` opens with a casting cue and a name the reference does not know: a role of its
    own before any known one after it ("as the Tailor, fitting John")."""
    cued = _CUE_THEN_NAME.match(doc.text, start, end)
    return cued is not None and cued["name"] not in NOT_NAMES and cued.start("name") not in doc.by_start


def new_role(doc: Document, cues: Cues, actor: Mention, sentence_end: int) -> Candidate | None:
    """A stated role the reference does not know ("Peter Serafinowicz is a sommelier called Bartholomew"),
    kept as an unreconciled character so its claim cannot pass as a silent 'supported'."""
    end = min(sentence_end, actor.end + WINDOW)
    bracketed = in_open_bracket(doc.text, actor.start, max(0, actor.start - WINDOW))
    for name in _NEW_NAME.finditer(doc.text, actor.end, end):
        if not doc.folded[name.start():name.end()].strip():
            continue  # a name taken back, blank in the view ("as Sonia [sic, SOFIA]")
        known = doc.by_start.get(name.start())
        if known is not None and is_possessive(doc.text, known.end):
            continue  # "as Winston's butler, Bartholomew": a description
        if known is not None or name.group().split()[0] in NOT_NAMES:
            return None  # a known name comes first: the mention pairing above has decided
        if _opens_a_verse_line(doc.text, name.start()):
            return None  # a verse line's own capital ("cold as winter glass,⏎Came to audit ..."), not a name's
        gap = doc.gap(actor.end, name.start())
        if bracketed and ")" in gap:
            return None  # "Helen (that's Bridget Moynahan) leaves a beagle called Daisy": nothing after the bracket
        bracket = _BRACKETED_ROLE.fullmatch(doc.text, actor.end, name.start())
        if bracket is not None and doc.text.startswith(")", name.end()):
            # "Peter Serafinowicz (the Tailor)": a cast list's bracket after the player names the part (a lower-case
            # article: "(The Matrix)" is a title)
            role = (bracket.start("the"), name.end())
            return Candidate("pair-new-role", "cast", actor.start, name.end() + 1,
                             parts={"actor": [(actor.start, actor.end)], "character": [role]})
        words = [w for w in gap_words(gap) if w not in (",", "(")]
        cue = max((i for i, w in enumerate(words) if w in _NAMING_CUES), default=None)
        if cue is None or not forward_link(gap, cues) or len(words) - cue > 4:
            return None
        if words[cue] == "as" and cue + 1 < len(words) and words[cue + 1] in _AS_PHRASES:
            return None  # "put out in 2019 as part of the John Wick franchise": a phrase, not a role's cue
        if words[cue] in ("plays", "playing") and cue + 1 < len(words) and words[cue + 1] in _WHERE_PLAYED:
            return None  # "the woman Katie McGrath plays in the Peacock show": where she plays, not whom
        if words[cue] == "as" and _COMPARED.match(doc.text, name.end()):
            return None  # "as Romans would have it": a clause of comparison, whose subject the name is
        if words[cue] == "as" and _BILLED.search(" ".join(words[:cue])):
            return None  # "credited then as Larry Fishburne": the name a person was billed under, not a role
        if words[cue] in ("called", "named") and (len(words) - cue > 1 or _TITLED.search(" ".join(words[:cue]))):
            return None  # "(it was originally called Scorn": a title; "named in some early Italian ...": no name
        return Candidate("pair-new-role", "cast", actor.start, name.end(),
                         parts={"actor": [(actor.start, actor.end)], "character": [name.span()]})
    return None


# the bracket after a player that opens on a role's article, in lower case
_BRACKETED_ROLE = re.compile(r"[ \t]*\([ \t]*(?P<the>the)[ \t]+")


# "ana de armas plays rooney": in a sentence typed in lower case a role's name has no capital to show it
_LOWER_ROLE = re.compile(r"\s+(?:(?:is|was)\s+)?(?:(?:back|again|also|still|now|here)\s+)?"
                         r"(?:as|plays|playing|played|portrays|portraying|voices|voicing)\s+"
                         r"(?P<role>[a-z][a-z'-]{2,}(?:\s+[a-z][a-z'-]{2,})?)(?=" + _PHRASE_END + ")")
_NOT_A_NAME_ENDING = re.compile(r"(?:ly|ing|ed|ous|ful|ive|less|est|ish)\Z")


def lowercase_role(doc: Document, cues: Cues, actor: Mention) -> Candidate | None:
    """A role named after "as" or "plays" in a sentence typed in lower case, one or two words that are not a name
    the reference knows and not a word that follows those cues as English (``cues.json``: lowercase-non-name)."""
    sentence_start, sentence_end = doc.sentence(actor.start)
    # the sentence around the pair (a window of it: a review on one unpunctuated line stays linear)
    around = doc.folded[max(sentence_start, actor.start - WINDOW):min(sentence_end, actor.end + 2 * WINDOW)]
    if not around.islower():
        return None
    match = _LOWER_ROLE.match(doc.view(PERSON | CHARACTER | WORK), actor.end, sentence_end)
    if match is None or doc.text[match.end():match.end() + 3].strip().startswith("as"):
        return None  # "plays it as cool as ever": a comparison
    words = match.group("role").split()
    if any(w in cues["lowercase-non-name"] or _NOT_A_NAME_ENDING.search(w) for w in words):
        return None
    return Candidate("pair-lowercase-role", "cast", actor.start, match.end(),
                     parts={"actor": [(actor.start, actor.end)], "character": [match.span("role")]})


# "Peter Serafinowicz plays the tailor": a trade after a naming cue (cue list trade-title), at most two words before
# it; not a possessive ("the doctor's patient") nor the head of an "of" ("the doctor of the family")
@lru_cache(maxsize=4)
def _trade_role(trades: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r",?\s+(?:(?:is|was)\s+|(?:turns|turned|shows|showed|pops|popped)\s+up\s+)?"
                      r"(?:(?:back|again|also|still|now|here)\s+)?(?:as|plays|playing|played|portrays|portraying)\s+"
                      rf"(?P<role>the\s+(?:[a-z][\w'-]*\s+){{0,2}}?(?:{'|'.join(sorted(trades))}))\b"
                      r"(?!['\u2019]|\s+of\b|-)")


def trade_role(doc: Document, cues: Cues, actor: Mention) -> Candidate | None:
    """A role named by a trade the reference does not give ("plays the tailor"), for a player whose role in the work
    the reference names by a title ("The Sommelier"): kept as stated, so a wrong trade reads ``contradicted``."""
    match = _trade_role(cues["trade-title"]).match(doc.view(PERSON | CHARACTER | WORK), actor.end)
    if match is None:
        return None
    players = {e.iri for e in actor.of_kind(PERSON)}
    roles = [role for player, role in doc.film_performances if player in players]
    # the reference's titled roles have an identifier that opens with the article ("character/the-sommelier")
    if not roles or not all(role.rsplit("/", 1)[-1].startswith("the-") for role in roles):
        return None
    return Candidate("pair-trade-role", "cast", actor.start, match.end("role"),
                     parts={"actor": [(actor.start, actor.end)], "character": [match.span("role")]})
