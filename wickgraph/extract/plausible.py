"""Which name mentions to believe: a surname or first name alone names a person only when the review or the work
supports it, and a known name next to another first name or surname is somebody else."""

from __future__ import annotations

import re
from collections import Counter

from ..reference import Reference, normalize_name
from .gazetteer import CHARACTER, PERSON, WORK, Entry, Mention
from .links import default_cues
from .nameforms import is_initials, is_stance_adverb

__all__ = ["keep_plausible"]

_FRANCHISE_NOUN = re.compile(r"['\u2019]?s?\s*-?\s*(?:franchise|series|saga|universe|films|movies|world|verse|"
                             r"cinematic|canon|mythology|lore)\b", re.IGNORECASE)


_OTHER_SURNAME = re.compile(r" (?-i:[A-Z][a-z]+)\b")
# "Steve Reeves as the Elder": a capitalised word before a known surname is another person's first name, unless it
# is a word that can stand before a name (cue lists before-a-name, honorific, person-describer: "Poor Reeves",
# "Enter Reeves", "Mr Reeves", "Newcomer Novak")
_OTHER_FIRST_NAME = re.compile(r"(?<![\w'.-])(?-i:[A-Z][a-z]{2,}) \Z")


def keep_plausible(text: str, mentions: list[Mention], reference: Reference, film: str | None) -> list[Mention]:
    """Drop surname-only or first-name-only person matches that neither the review nor the work supports (a bare
    first name, "Laurence", only beside the full name)."""
    named_in_full = {e.iri for m in mentions for e in m.entries if e.kind == PERSON and e.is_label}
    # "KR" stands for Keanu Reeves only where the review also spells him some other way ("keanu", "Reeves")
    spelt = {e.iri for m in mentions for e in m.entries if e.kind == PERSON and not is_initials(e.form)}
    # a franchise regular's surname alone names them in any review of the franchise, even of a work they are not
    # in ("Reeves lends his voice to Wick" in a review of Hex)
    related = reference.people_of(film) | reference.regulars | reference.falsely_credited(film)
    kept = []
    starts = {m.start for m in mentions}
    by_start = {m.start: m for m in mentions}
    played_here = set(reference.cast_of(film))
    roles_here = {role for _, role in played_here}
    participants = _repeated_labels(text) if ":" in text else []
    for mention in mentions:
        if mention.mask == CHARACTER and any(start <= mention.start < end for start, end in participants):
            continue  # "BIG LOU:" opening three picks of a draft board: a participant's name, not the role Lou
        if mention.mask == CHARACTER and _strangers_first_name(text, mention, starts):
            continue  # "John Turturro": a character's first name opening a name the reference does not know
        if mention.mask == CHARACTER and _modifies_a_relation(text, mention):
            continue  # "Winston's elder brother": a word of a role's name, in lower case, describing a relation
        if mention.mask & WORK and mention.mask & CHARACTER and _TITLE_LINE.match(text, mention.end) \
                and _opens_line(text, mention.start):
            # "Ballerina · 2025" opening a line: a tile's or a heading's title with its year, not the role
            mention = Mention(mention.start, mention.end, tuple(e for e in mention.entries if e.kind != CHARACTER))
        if mention.mask & (WORK | CHARACTER) and (noun := _FRANCHISE_NOUN.match(text, mention.end)):
            # "the John Wick universe", "the John Wick films": the franchise, not the first film, and not its hero
            # unless the noun is his ("John Wick's world")
            kinds = (WORK,) if noun.group().lstrip()[:1] in ("'", "\u2019") else (WORK, CHARACTER)
            mention = Mention(mention.start, mention.end, tuple(e for e in mention.entries if e.kind not in kinds))
            if not mention.entries:
                continue
        # "Keanu Ramirez": a first name followed by a surname that is not the known one is someone else, and
        # "Steve Reeves" a surname after another first name
        other_surname = _OTHER_SURNAME.match(text, mention.end, mention.end + 30) is not None
        first_name = _first_name_before(text, mention.start)
        entries = tuple(e for e in mention.entries if not (e.kind == PERSON and is_initials(e.form) and (
            e.iri not in spelt or e.iri not in related)) and not (
            _first_name_only(e, reference) and e.iri not in named_in_full
            and not _own_role_follows(text, mention, e, by_start, played_here)) and not (
            e.kind == PERSON and not e.is_label and " " not in e.form.strip() and not _joined_name(e, reference)
            and (other_surname or (e.iri not in named_in_full and e.iri not in related)
                 or (first_name is not None and e.iri in reference.people
                     and normalize_name(reference.people[e.iri].name).split()[0] != first_name))))
        # "Zero (Donnie Yen) ... Yen is Chapter 4": the surname of someone the text names in full is theirs, not a
        # namesake role the reviewed work does not have (the Continental's Yen)
        if any(e.kind == PERSON and not e.is_label and e.iri in named_in_full for e in entries):
            entries = tuple(e for e in entries if e.kind != CHARACTER or e.iri in roles_here) or entries
        if entries:
            kept.append(Mention(mention.start, mention.end, entries) if entries != mention.entries else mention)
    return _with_epithets(text, kept)


# a title's year as a field after it: "Ballerina · 2025", "Ballerina (2025)", "Ballerina, 2025"
_TITLE_LINE = re.compile(r"[ \t]*(?:[\u00b7|\u2022,\u2013\u2014-][ \t]*|\()(?:19|20)\d\d\b")
_LINE_OPENING = re.compile(r"(?:\A|\n)[ \t*#>\u2022-]*\Z")  # only a list's or a heading's marks before it


def _opens_line(text: str, start: int) -> bool:
    """Whether ``start`` opens its line, after a list's or a heading's marks at most (read in the 40 characters
    before it: a long line stays linear)."""
    return _LINE_OPENING.search(text, max(0, start - 40), start) is not None


# a label opening a line (after a list's number or bullet), maybe with a note in brackets: "2.4  BIG LOU:",
# "- Frankie:", "Miles (captain):"
_LINE_LABEL = re.compile(r"^[ \t]*(?:[-*\u2022>]+[ \t]*|\d{1,3}(?:\.\d{1,3})*[.)]?[ \t]+)?"
                         r"(?P<label>[^\W\d_][\w'.\u2019 -]{0,30}?)[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*:", re.MULTILINE)


def _repeated_labels(text: str) -> list[tuple[int, int]]:
    """The spans of line labels that open two lines or more: a participant's name on their turns or picks, not a
    role's (a cast list names each role once)."""
    labels = [(match.group("label").casefold(), match.span("label")) for match in _LINE_LABEL.finditer(text)]
    counts = Counter(label for label, _ in labels)
    return [span for label, span in labels if counts[label] >= 2]


_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")


def _modifies_a_relation(text: str, mention: Mention) -> bool:
    """Whether a role's name written in lower case is followed by a relation noun it describes ("his elder brother",
    "the elder sister"): an adjective, not the role ("the Elder")."""
    if not text[mention.start:mention.end].islower():
        return False
    following = _NEXT_WORD.match(text, mention.end)
    return following is not None and following.group(1) in default_cues()["relation-noun"]


def _strangers_first_name(text: str, mention: Mention, starts: set[int]) -> bool:
    """Whether a one-word character alias ("John", "Sofia") is followed by a capitalised word that opens no known
    name: the first name of somebody the reference does not know."""
    return " " not in text[mention.start:mention.end].strip() and all(not e.is_label for e in mention.entries) \
        and _OTHER_SURNAME.match(text, mention.end) is not None and mention.end + 1 not in starts


# what joins a first name to the role that confirms it: "Halle's Sofia", "Laurence came back as the Bowery King",
# "Asia, our Adjudicator", "Halle plays Sofia", "Halle = Sofia"
_TO_OWN_ROLE = re.compile(r"['\u2019]s?\s+|\s+(?:(?:came|comes|is|was)\s+back\s+|returns\s+|returned\s+)?as\s+"
                          r"|\s*,\s+(?:our|your)\s+|(?P<casting>\s+(?:plays|played|portrays|portrayed|is|was)\s+|\s*=\s*)")
_ARTICLE = re.compile(r"the\s+", re.IGNORECASE)


def _own_role_follows(text: str, mention: Mention, entry: Entry, by_start: dict[int, Mention],
                      played_here: set[tuple[str, str]]) -> bool:
    """Whether a first name alone is joined to a role its namesake plays in the reviewed work, which confirms whom the
    first name means; or cast by a verb in a role of the reviewed work it does not play, its namesake being in it
    ("Halle plays the Adjudicator" is Halle Berry's claim, a wrong one; "Laurence came back as Winston" no one's)."""
    joint = _TO_OWN_ROLE.match(text, mention.end)
    if joint is None:
        return False
    article = _ARTICLE.match(text, joint.end())
    role = by_start.get(joint.end()) or (by_start.get(article.end()) if article is not None else None)
    if role is None:
        return False
    if any((entry.iri, c.iri) in played_here for c in role.of_kind(CHARACTER)):
        return True
    roles_here = {role for _, role in played_here}
    return joint["casting"] is not None and any(actor == entry.iri for actor, _ in played_here) \
        and any(c.iri in roles_here for c in role.of_kind(CHARACTER))


def _first_name_only(entry: Entry, reference: Reference) -> bool:
    """Whether ``entry`` is a person's first name alone ("Laurence"), not an alias of theirs ("Keanu")."""
    person = reference.people.get(entry.iri or "")
    return entry.kind == PERSON and person is not None and " " in person.name \
        and entry.form == person.name.split()[0] and entry.form not in person.aliases


def _with_epithets(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Charlie the cleaner", "Viggo, the Pakhan": a character's name and another of its names side by side are one
    mention of it (the whole phrase is the role the review names)."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous is not None and mention.mask == CHARACTER and previous.mask == CHARACTER \
                and text[previous.end:mention.start] in (" ", ", ") \
                and text[mention.start:mention.start + 4].lower() == "the " \
                and {e.iri for e in previous.entries} & {e.iri for e in mention.entries}:
            joined[-1] = Mention(previous.start, mention.end, previous.entries)
            continue
        joined.append(mention)
    return joined


def _first_name_before(text: str, start: int) -> str | None:
    """The capitalised word right before ``start`` when it reads as a first name (not "Poor", "Mr", "Newcomer",
    "Obviously")."""
    before = _OTHER_FIRST_NAME.search(text, max(0, start - 20), start)
    if before is None:
        return None
    word = before.group().strip().lower()
    cues = default_cues()
    if word in cues["before-a-name"] or word in cues["honorific"] or word in cues["person-describer"] \
            or is_stance_adverb(word):
        return None
    return normalize_name(word)


def _joined_name(entry: Entry, reference: Reference) -> bool:
    """Whether ``entry`` is a person's whole name written as one word ("michaelfinch", "#MichaelFinch"): as telling
    as the name itself, not a surname alone."""
    person = reference.people.get(entry.iri or "")
    return person is not None and " " in person.name and normalize_name(entry.form) == \
        normalize_name(person.name).replace(" ", "")
