"""The written forms of a name besides the name itself: catalogue order ("Reeves, Keanu"), an initial ("K. Reeves"),
hashtags ("#KeanuReeves"), the everyday short form of a first name ("Larry Fishburne"), the shorthands of a
numbered film ("JW 4", "Chapter Four") and what a character is, said instead of their name ("Viggo's son")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

__all__ = ["INITIALLED", "TRAILING_INITIAL", "close_spelling", "described_forms", "initialled_forms", "initials",
           "inverted_forms", "is_abbreviation_stop", "is_initials", "is_stance_adverb", "joined_forms",
           "numbered_forms", "short_forms", "sound_key", "strip_note", "surname_initials"]


def strip_note(name: str) -> str:
    """A character's credited name without the sheet's note in brackets."""
    # "Priest (Viggo's vault)" is credited as "Priest": the brackets disambiguate the sheet, not the film.
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


_PARTICLES = frozenset({"de", "da", "del", "della", "van", "von", "der", "la", "le", "di", "du"})


INITIALLED = re.compile(r"(?:[A-Z]\.|(?![AI]\s)[A-Z])\s+(?:(?:" + "|".join(sorted(_PARTICLES)) + r")\s+)?[A-Z]")
"""How an initialled name is written: "K. Reeves", "A. de Armas", or with no full stop as scorecards and small-print
credits write it ("D Leitch"; not after "A" or "I", which are words: "A Tarasov henchman")."""


def initialled_forms(name: str) -> list[str]:
    """The first name cut to its initial: "K. Reeves", "A. de Armas" (a single name has none); and every given
    name of a longer name: "A. K. Dillon"."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isalpha():
        return []
    forms = [f"{words[0][0]}. {' '.join(words[1:])}"]
    given = words[:-1]
    if len(given) >= 2 and all(w[:1].isupper() and w.isalpha() for w in given):
        forms.append(" ".join(f"{w[0]}." for w in given) + f" {words[-1]}")
    return forms


def surname_initials(names: Iterable[str]) -> dict[str, list[str]]:
    """For each of ``names``, its form with the surname cut to the initial, as an informal post keeps it back
    ("Anjelica H."), where no other of them shares its first name and that initial ("Peter S." names nobody)."""
    keys = {name: (words[0].lower(), words[-1][0].lower())
            for name in names if len(words := name.split()) > 1 and words[0][:1].isalpha()}
    counts = Counter(keys.values())
    return {name: [f"{name.split()[0]} {name.split()[-1][0]}."] for name, key in keys.items() if counts[key] == 1}


# the everyday short forms of given names, as fans, chats and old billings write them ("Larry Fishburne", his billing
# until 1993; "Mike Nyqvist"); only forms no other given name shares
_SHORT_FORMS = {"laurence": ("Larry",), "lawrence": ("Larry",), "michael": ("Mike",), "christopher": ("Chris",),
                "william": ("Bill", "Will"), "robert": ("Rob", "Bob"), "richard": ("Rick",), "thomas": ("Tom",),
                "daniel": ("Dan", "Danny"), "jonathan": ("Jon",), "alexander": ("Alex",), "anthony": ("Tony",),
                "benjamin": ("Ben",), "samuel": ("Sam",), "katherine": ("Kate",), "catherine": ("Cathy",),
                "elizabeth": ("Liz",), "jennifer": ("Jen",), "gabriel": ("Gabe",), "matthew": ("Matt",)}


def short_forms(name: str) -> list[str]:
    """The name with its first name in an everyday short form: "Larry Fishburne" for Laurence Fishburne."""
    words = name.split()
    if len(words) < 2:
        return []
    return [" ".join([short, *words[1:]]) for short in _SHORT_FORMS.get(words[0].lower(), ())]


def initials(name: str) -> list[str]:
    """A name of two or three capitalised words cut to its capitals, as text-speak writes it: "KR", "DY"; a surname's
    inner capital too ("IMS" for Ian McShane, beside "IM")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return []
    firsts, capitals = "".join(w[0] for w in words), "".join(c for c in name if c.isupper())
    return [firsts] if capitals == firsts or len(capitals) > 3 else [firsts, capitals]


def is_initials(form: str) -> bool:
    """Whether ``form`` is a name's :func:`initials`."""
    return 2 <= len(form) <= 3 and form.isalpha() and form.isupper()


TRAILING_INITIAL = re.compile(r"[^,]+,? [A-Z]\.")
"""A name that ends in an initial: in catalogue order, the first name cut to it ("Reeves, K."), or the surname kept
back ("Anjelica H."); its full stop is what tells the initial "A." or "I." from a word ("Allen, A." but not "McShane,
I think")."""


def inverted_forms(name: str) -> list[str]:
    """The catalogue order of a person's name: "Reeves, Keanu", and with an initial, "Reeves, K." as a parts list or
    a bibliography writes it; "de Armas, Ana" and "Armas, Ana de"."""
    words = name.split()
    if len(words) < 2:
        return []
    forms = [f"{words[-1]}, {' '.join(words[:-1])}"]
    if words[0][:1].isalpha() and words[0][:1].isupper():
        forms.append(f"{words[-1]}, {words[0][0]}.")
    first_particle = next((i for i, w in enumerate(words[1:-1], 1) if w.lower() in _PARTICLES), None)
    if first_particle is not None:
        forms.append(f"{' '.join(words[first_particle:])}, {' '.join(words[:first_particle])}")
    return forms


_NUMBER_WORDS = {"1": ("one", "first"), "2": ("two", "second"), "3": ("three", "third"), "4": ("four", "fourth"),
                 "5": ("five", "fifth")}
_NUMBERED = re.compile(r"John Wick (\d)\Z")


def numbered_forms(names: tuple[str, ...]) -> list[str]:
    """Shorthands of a numbered film: "Wick 4", "JW 4", "Chapter Four", "the fourth John Wick", a note's "Ch. 4"."""
    forms: list[str] = []
    for name in names:
        match = _NUMBERED.match(name)
        if match is None:
            continue
        digit = match.group(1)
        word, ordinal = _NUMBER_WORDS[digit]
        forms += [f"Wick {digit}", f"JW {digit}", f"JW-{digit}", f"Chapter {word}", f"John Wick {word}",
                  f"John Wick Chapter {word}", f"John Wick Part {word}", f"{ordinal} John Wick",
                  f"Wick Chapter {digit}", f"John Wick Chapter {digit}", f"Ch. {digit}", f"Ch {digit}",
                  f"Chap. {digit}"]
    return forms


def joined_forms(name: str) -> list[str]:
    """A name of several words written as one, as hashtags and handles write it ("KeanuReeves", "JohnWick4")."""
    words = re.findall(r"[A-Za-z0-9\u00c0-\u024f]+", name)
    joined = "".join(w[:1].upper() + w[1:] for w in words)
    return [joined] if len(words) > 1 and len(joined) >= 6 else []


_SOUND_CODES = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"), "l": "4",
                **dict.fromkeys("mn", "5"), "r": "6"}


def sound_key(word: str) -> str:
    """The Soundex key of a lower-case word ("byrne" and "burn" are both B650): how a name is heard, which a
    transcript or a dictation spells as it hears it ("Gabriel Burn", "Kiana Reeves")."""
    key, last = word[:1].upper(), _SOUND_CODES.get(word[:1], "")
    for char in word[1:]:
        code = _SOUND_CODES.get(char, "")
        if code and code != last:
            key += code
        if char not in "hw":  # h and w do not part two letters of one sound; a vowel does
            last = code
    return (key + "000")[:4]


def close_spelling(a: str, b: str, limit: int | None = None) -> bool:
    """Edit distance at most ``limit`` (default 1, 2 for words of 8 letters or more, or the same sound), same first
    letter (or "c" for "k")."""
    if {a[:1], b[:1]} == {"c", "k"}:  # a hard c and a k sound alike: a transcript's "coal stad" is Kolstad
        a, b = "k" + a[1:], "k" + b[1:]
    if a[:1] != b[:1] or len(b) < 4 or abs(len(a) - len(b)) > 2:
        return False
    if limit is None and sound_key(a) == sound_key(b):
        return True  # a name written as heard: "Burn" for "Byrne", "Kiana" for "Keanu"
    limit = limit if limit is not None else 2 if min(len(a), len(b)) >= 8 else 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


# A description's clause: "Santino's mute enforcer", "Gianna D'Antonio's head of security", "Eve's trainer at the
# Ruska Roma" (whose, then what) or "Manager of the Rome Continental", "1970s manager of the New York Continental"
# (a post, then the place it is held at)
_PLACE_WORD = r"(?:at|in|on|from|who|for)\b"
_OWNED = re.compile(rf"(?P<owner>(?:The )?[A-Z][\w'-]*(?: [A-Z][\w'-]*)*)'s "
                    rf"(?P<noun>[a-z][\w/-]*(?: (?!{_PLACE_WORD})[a-z][\w-]*)*)(?: {_PLACE_WORD}.*)?")
_HEAD_OF = re.compile(r"(?:\d{4}s )?(?P<noun>[A-Za-z][a-z-]*(?: [a-z-]+)?) of the (?P<owner>[A-Z][\w'-]*"
                      r"(?: [A-Z][\w'-]*)*)(?: (?:in|at|who|and|based)\b.*)?")
# words that only describe the relation: "Santino's mute enforcer" is also "Santino's enforcer"
_DESCRIBING = frozenset({"mute", "older", "younger", "elder", "big", "little", "young", "long-lost", "late", "loyal",
                         "trusted", "top", "chief", "former"})


def described_forms(description: str, names_of: Callable[[str], list[str]]) -> tuple[list[str], list[str]]:
    """What a review may call a character instead of their name, from the fact sheet's description of them: the
    relation to someone ("Viggo's son", "Gianna's head of security"), and the post and its place ("the manager of the
    Rome Continental", "the Rome Continental's manager", "the Rome Continental manager"). ``names_of`` gives the other
    names of a character the description names ("Gianna" for "Gianna D'Antonio")."""
    relations: list[str] = []
    posts: list[str] = []
    for clause in re.split(r"[.;(,]", description):
        clause = clause.strip()
        if (owned := _OWNED.fullmatch(clause)) is not None:
            owner = owned["owner"].removeprefix("The ")
            nouns = [noun.strip() for noun in owned["noun"].split("/")]
            nouns += [" ".join(words[1:]) for words in (noun.split() for noun in nouns)
                      if len(words) > 1 and words[0] in _DESCRIBING]
            relations += [f"{who}'s {noun}" for who in dict.fromkeys([owner, *names_of(owner)]) for noun in nouns]
        elif (head := _HEAD_OF.fullmatch(clause)) is not None:
            noun, owner = head["noun"].lower(), head["owner"]
            posts += [f"{noun} of the {owner}", f"the {owner}'s {noun}", f"the {owner} {noun}"]
    return relations, posts


_TITLE_BEFORE = re.compile(r"(?:^|\s)(Mr|Ms|Mrs|Dr|St|vs|Jr|Sr|No|feat|Ch|Chap|Pt|Vol|[Ii]\.e|[Ee]\.g|a\.k\.a|viz|cf)$")
_NUMBER_AFTER = re.compile(r"\.[ \t]*\d")
_BEFORE_A_NUMBER = frozenset({"No", "Ch", "Chap", "Pt", "Vol"})


def is_abbreviation_stop(text: str, position: int) -> bool:
    """Whether the full stop at ``position`` is a title's or an abbreviation's, which ends no sentence: "Mr. Nobody",
    "Dr. Smith", "vs. the Marquis", "No. 1", "i.e. Riccardo Scamarcio" ("No. Young Charon is ..." is the answer "No."
    and a new sentence)."""
    title = _TITLE_BEFORE.search(text, max(0, position - 6), position) if text[position:position + 1] == "." else None
    # ("No", and a part's "Ch." or "Vol.", only before a number: "Ch. 4 recasts the Elder")
    return title is not None and (title.group(1) not in _BEFORE_A_NUMBER
                                  or _NUMBER_AFTER.match(text, position) is not None)


# a stance adverb in -ly, seven letters or more, as a sentence opens with it before a surname ("Obviously McShane is
# Winston", "Naturally Reeves plays him"): no first name, for first names in -ly are short ("Emily", "Kelly",
# "Holly") or end in -erly ("Beverly", "Kimberly")
_STANCE_ADVERB = re.compile(r"[A-Za-z]{5,}(?<![Ee]r)ly")


def is_stance_adverb(word: str) -> bool:
    """Whether ``word`` is an adverb in -ly that can open a sentence before a name ("Obviously", "Naturally")."""
    return _STANCE_ADVERB.fullmatch(word) is not None
