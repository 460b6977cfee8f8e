"""Claims a later sentence corrects: "The Elder is played by X. Correction: the Elder is played by Y", a chat's reply
"no, mcshane is winston" to "ian mcshane is charon", "It opened in 2015. Let me correct myself: it opened in 2014".

A phrase taken back inside its own sentence ("Nogi - sorry, I mean Lena") is blanked in the view already
(:func:`wickgraph.extract.spoken.retraction_spans`); this reads a correction that restates a whole claim in the next
sentence, and drops the earlier claim it contradicts: the same player in another role, the same role with another
player, another year, another person in the same credit.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from .claims import Claim
from .document import Document
from .layout_words import SENDER, STAMP
from .markup import SUPERSCRIPT_DIGITS

__all__ = ["correction_spans", "without_corrected", "without_refuted_by_review"]

# A footnote's mark: "[2]", superscript digits, asterisks, daggers
_NOTE_MARK = rf"\[\d{{1,2}}\]|[{SUPERSCRIPT_DIGITS}]+|\*{{1,4}}|\u2020|\u2021"
# A sentence (or a chat message, after its sender) that opens by correcting what was said before it
# (or a note that does, under a footnote's mark: "\u00b9 Correction: it opened in 2014, not 2015"; or a marker's
# note in square brackets, right after the statement: "released in 2015 [T: no - it opened in 2014]")
_OPENER = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\[))(?:(?P<mark>{_NOTE_MARK})[ \t]*)?[ \t>*-]*(?:{STAMP}[ \t]*)?"
                     rf"(?:{SENDER}[ \t]*:[ \t]+)?"
                     r"(?:correction|erratum|i\s+stand\s+corrected|(?:let\s+me|i\s+must|i\s+should)\s+correct\s+"
                     r"(?:myself|that)|(?:(?:the|this)\s+)?[\w-]+(?:\s+[\w-]+)?\s+corrects\s+(?:itself|himself|herself|"
                     r"themselves)|(?:ignore|forget|disregard)\s+what\s+i\s+(?:said|wrote)|strike\s+that|i\s+mixed\s+up"
                     r"|my\s+mistake|scratch\s+(?:that|what\s+i\s+(?:said|wrote)|the\s+[^:.\n]{1,40}?\b(?:bit|part|line))"
                     r"|(?P<reply>no|nope|nah|wrong|actually))\b[\s,:;!.\u2014\u2013-]*",
                     re.IGNORECASE | re.MULTILINE)
# A role split between two players by age ("the older Winston", "young Eve") which the reference may file under one
# name: the two are no other values of one slot
_AGED = re.compile(r"\b(?:young|younger|old|older|elderly|child|kid|little|grown|grown-up|adult|teen|teenage|baby|"
                   r"junior|senior)\b", re.IGNORECASE)
_AGE_REACH = 12
_ROLE_TYPES = ("cast", "reprise")
_CREDIT_TYPES = ("director", "writer")
# a credit said to be one person's: "directed by X alone", "only X is credited", "X and no one else", "the script to
# himself", "sole writer"
_SOLE = re.compile(r"\b(?:alone|only|solely|sole|solo|single-handedly|(?:no|not)[ \t]+(?:one|anyone|anybody|nobody)"
                   r"[ \t]+else|nobody[ \t]+else|(?:by|to)[ \t]+(?:him|her|them)sel(?:f|ves))\b", re.IGNORECASE)
_CREDIT_WORD = re.compile(r"\b(?:direct|helm|lens|camera|chair|writ|wrote|script|screenplay|story|credit)",
                          re.IGNORECASE)
_REACH = 400  # how far back a correction looks for the claim it corrects (the sentence or message before)
# ... unless it names the earlier part it corrects: "Correction to the Lisbon card", "Ignore what I said on the Rome
# card", "Scratch the Tangier card's bit about the Elder", "what I wrote above"
_BACK_REFERENCE = re.compile(r"\b(?:card|post|entry|letter|note|message|page|section|paragraph|above|earlier|"
                             r"yesterday|last\s+time)\b[^:\n]{0,80}:", re.IGNORECASE)

# ... or one below it, on a page that shows a thread newest first: "Correction to a post way down the thread:", or
# "Correction to my post from earlier:" under a header that says the posts run newest first
_DOWN_THE_PAGE = re.compile(r"\b(?:below|further\s+down|(?:way\s+)?down\s+(?:there|(?:the|this)\s+(?:thread|page)))\b",
                            re.IGNORECASE)
_NEWEST_FIRST = re.compile(r"\bnewest\s*(?:first|\u2192|->|to\s+oldest)|\breverse[ -]chronological", re.IGNORECASE)


def without_corrected(claims: list[Claim], doc: Document, voices: Sequence[int] = ()) -> list[Claim]:
    """``claims`` without those a correcting sentence after them contradicts, in the same voice: in a thread or a
    transcript (``voices`` are the starts of its posts or turns), a reply's "No, X is Y" corrects another voice's
    claim without taking it back."""
    text = doc.text
    openers = [m for m in _OPENER.finditer(text) if m.end() > m.start()]
    if not openers:
        return claims
    dropped: set[int] = set()
    for opener in openers:
        _, sentence_end = doc.sentence(opener.end())
        # a reply's "no" or "actually" corrects a role only: a credit or a year said after it may add to the one before
        # (not in a marker's bracketed note, which answers the statement it follows: "in 2015 [T: no - 2014]")
        replied = opener["reply"] and text[opener.start() - 1:opener.start()] != "["
        correcting = [c for c in claims if opener.end() <= c.start < sentence_end
                      and not (replied and c.type not in ("cast", "reprise"))]
        if not correcting and not replied:
            # a correction that first names what it corrects, then restates it: "CORRECTION: The 07:20 item had
            # Dafoe's part wrong. Dafoe's character is Marcus."
            following = _next_sentence(doc, sentence_end)
            correcting = [c for c in claims if following[0] <= c.start < following[1]]
        back = _BACK_REFERENCE.search(doc.text, opener.start(), min(sentence_end, opener.start() + 120))
        corrected = [(0 if back else max(0, opener.start() - _REACH), opener.start())]
        if _DOWN_THE_PAGE.search(doc.text, opener.start(), min(sentence_end, opener.start() + 120)) \
                or (back and _NEWEST_FIRST.search(doc.text, 0, _REACH)):
            corrected = [(sentence_end, len(doc.text))]  # a thread shown newest first: what it corrects is below
        if opener["mark"]:
            corrected.append(_marked_sentence(doc, opener["mark"], opener.start()))
        for index, earlier in enumerate(claims):
            if any(start <= earlier.start and earlier.end <= end for start, end in corrected) \
                    and _same_voice(voices, earlier.start, opener.start()) \
                    and any(_contradicts(c, earlier) for c in correcting):
                dropped.add(index)
    return [c for i, c in enumerate(claims) if i not in dropped]


def correction_spans(doc: Document) -> list[tuple[int, int]]:
    """Where a correction restates what it corrects: from an opener that corrects ("CORRECTION:", "let me correct
    myself", a reply's "no, ...") to the end of the sentence after it ("CORRECTION: we attached the wrong name to
    Claudia Gerini. She plays Gianna D'Antonio")."""
    spans = []
    for opener in _OPENER.finditer(doc.text):
        if opener.end() > opener.start():
            _, sentence_end = doc.sentence(opener.end())
            spans.append((opener.end(), _next_sentence(doc, sentence_end)[1]))
    return spans


def without_refuted_by_review(claims: list[Claim], doc: Document, voices: Sequence[int] = (),
                              others: Sequence[tuple[int, int]] = ()) -> list[Claim]:
    """``claims`` without a role, a year or a credit the reference contradicts where the review states the
    reference's own fact for the same player, role or year in another sentence, or the credit as one person's alone.

    A review that says "Reddick is Charon" does not also hold that Lance Reddick plays Winston, nor one that says
    "Stahelski alone is credited" that David Leitch co-directed: a wrong fact beside the right one is someone else's
    (a quiz's wrong option, a friend's guess). In one sentence the two are one writer's ("Nyqvist (Viggo Tarasov) and
    Allen (Viggo) are father and son"). In a thread or a transcript, where ``voices`` are the starts of its posts or
    turns, each voice's facts are its own: a poster's wrong role stays a claim of the thread when a reply corrects it.
    A credit said to be one person's in ``others`` (someone else's words: "> The script is Derek Kolstad alone.")
    refutes nothing.
    """
    text = doc.text
    credited = [c for c in claims if c.type in _CREDIT_TYPES and c.status == "supported"]
    # (a credit said to be one person's when the review credits two is no fact the review holds: "Kolstad wrote it
    # alone, surely" answered by "the screenplay is by Kolstad and Hatten")
    sole = [(c, sentence) for c in credited if sum(other.type == c.type for other in credited) == 1
            and (sentence := _said_alone(c, doc, others)) is not None]
    stated = [c for c in claims if c.status == "supported" and c.type not in _CREDIT_TYPES and not _aged(c, text)]

    def refuted(claim: Claim) -> bool:
        sentence = doc.sentence(claim.start)
        return claim.status == "contradicted" and not _aged(claim, text) and (
            any(_other_value(right, claim) and doc.sentence(right.start) != sentence
                and _same_voice(voices, right.start, claim.start) for right in stated)
            or any(_other_value(right, claim) and said != sentence and _same_voice(voices, said[0], claim.start)
                   for right, said in sole))
    return [c for c in claims if not refuted(c)]


def _same_voice(voices: Sequence[int], one: int, other: int) -> bool:
    """Whether two positions stand in the same post of a thread or turn of a transcript (``voices``: where each
    starts; empty for a text of one voice)."""
    return bisect.bisect_right(voices, one) == bisect.bisect_right(voices, other)


def _said_alone(credit: Claim, doc: Document, others: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The sentence that names the credited person with a job and says the credit is theirs alone ("Only Stahelski
    is credited as director", "the script is Kolstad's and no one else's"), if one does."""
    for mention in doc.people:
        if any(entry.iri == credit.person_iri for entry in mention.entries) \
                and not any(start <= mention.start < end for start, end in others):
            start, end = doc.sentence(mention.start)
            if _SOLE.search(doc.text, start, end) and _CREDIT_WORD.search(doc.text, start, end):
                return start, end
    return None


def _aged(claim: Claim, text: str) -> bool:
    """Whether a role is named with an age, in its evidence or just before it ("the younger Charon is X")."""
    return claim.type in _ROLE_TYPES and _AGED.search(text, max(0, claim.start - _AGE_REACH), claim.end) is not None


def _other_value(right: Claim, wrong: Claim) -> bool:
    """Whether ``right`` fills the slot of ``wrong`` with another value: the player's other role, the role's other
    player, another year."""
    if right.type in _ROLE_TYPES and wrong.type in _ROLE_TYPES:
        return _contradicts(replace(right, type=wrong.type), wrong)
    if right.type == wrong.type == "release_year":
        return right.year != wrong.year
    return right.type == wrong.type and right.type in _CREDIT_TYPES and right.person_iri != wrong.person_iri


def _next_sentence(doc: Document, end: int) -> tuple[int, int]:
    """The sentence after the one that ends at ``end`` (an empty span at the text's end)."""
    start = end
    while start < len(doc.text) and doc.text[start].isspace():
        start += 1
    return doc.sentence(start) if start < len(doc.text) else (start, start)


def _marked_sentence(doc: Document, mark: str, note_start: int) -> tuple[int, int]:
    """The sentence whose words carry a note's ``mark`` ("the 2015 sleeper\u00b9") before the note, or an empty span."""
    # the mark right after a word or its punctuation, and not part of a longer mark
    body = re.compile(rf"(?<=[\w.,;:!?)\]\"'\u2019\u201d]){re.escape(mark)}(?![\w*{SUPERSCRIPT_DIGITS}])").search(
        doc.text, 0, note_start)
    return doc.sentence(body.start() - 1) if body else (0, 0)  # (a mark after a full stop ends its sentence)


def _contradicts(later: Claim, earlier: Claim) -> bool:
    if later.type != earlier.type or later.type == "rating":
        return False
    if later.type in ("cast", "reprise"):
        same_player = _key(later.actor_iri, later.actor) == _key(earlier.actor_iri, earlier.actor)
        same_role = _key(later.character_iri, later.character) == _key(earlier.character_iri, earlier.character)
        return same_player != same_role and later.character is not None and earlier.character is not None
    if later.type == "release_year":
        return later.year != earlier.year
    return _key(later.person_iri, later.person) != _key(earlier.person_iri, earlier.person)


def _key(iri: str | None, name: str | None) -> str:
    return iri or (name or "").lower().removeprefix("the ").strip()
