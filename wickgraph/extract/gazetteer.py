"""Names and aliases of works, people and characters from the reference graph, as a phrase lookup.

Matching works on word tokens rather than one huge regex alternation: every alias is
indexed by its first folded token, so a review costs one dict lookup per word. Tokens
split at hyphens and stop before a possessive "'s", so "Wiseman-directed" and
"McShane's" still find "Len Wiseman" and "Ian McShane".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from itertools import accumulate, takewhile

from ..reference import Reference, default_reference
from .folding import fold
from .layout_words import CLOCK, SENDER, STAMP
from .misspellings import FuzzyPeople
from .namecase import (
    closes_line_in_capitals,
    fills_a_cell,
    heads_line_in_capitals,
    introduced_in_capitals,
    is_lowercase_style,
    written_as_form,
)
from .nameforms import (
    TRAILING_INITIAL,
    described_forms,
    initialled_forms,
    initials,
    inverted_forms,
    is_abbreviation_stop,
    is_initials,
    joined_forms,
    numbered_forms,
    short_forms,
    strip_note,
    surname_initials,
)
from .spoken import is_dictated

__all__ = ["CHARACTER", "PERSON", "QUOTE_MARKS", "WORK", "Entry", "Gazetteer", "Mention", "get_gazetteer"]

PERSON, CHARACTER, WORK = 1, 2, 4

_TOKEN = re.compile(r"[^\W_]+(?:'(?!s\b)[^\W_]+)*")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")  # split() keeps the words: gap, word, gap, ..., gap
# a numbered title's number word that counts something else after it ("Keanu is John Wick one more time", "two times
# over"; not "John Wick One"), or its digit that opens a score line or a range ("WICK 3-2 D'ANTONIO", "John Wick 1-3")
_ENDS_IN_NUMBER_WORD = re.compile(r"\s(?:one|two|three|four|five)\Z", re.IGNORECASE)
_COUNTED_ON = re.compile(r"\s+(?:(?:more|last|final)\s+)?times?\b", re.IGNORECASE)
_SCORE_OR_RANGE_ON = re.compile(r"[-\u2013]\d{1,2}(?!\d)")
# what may stand between the words of a name: a space, a dot or a hyphen, and a line break where verse or a narrow
# column cuts a name in two ("Viggo, played by Michael⏎Nyqvist"); the name must go on in the next line's first word
# ... but not before the number opening a table's next row or an item ("1   Michael Nyqvist", " 2 | X", "2. X")
_ROW_NUMBER_AFTER_BREAK = re.compile(r"[ \t]*\n[ \t]*\d+(?:[ \t]{2,}|\t|[ \t]*\||[.)][ \t])")
_JOINER = re.compile(r"[ \t]*[:.\-]?[ \t]*\Z|[ \t]+-[ \t]+\Z|[ \t]*\n[ \t]*\Z|'\Z")  # (' before a possessive s)


def _sentence_ends_between(text: str, word: str, stop: int) -> bool:
    """Whether a full stop and a space after ``word`` (ending at ``stop``) end its sentence, as the document's
    sentences read it ("Line 3: Keanu. Reeves, of course, ..."), not an abbreviation's ("Mr. Nobody") or an
    initial's ("K. Reeves")."""
    return len(word) >= 3 and text.startswith(". ", stop) and not is_abbreviation_stop(text, stop)


# Title words that make a poor name on their own ("Mr. Nobody" is not "Mr.").
_TITLE_WORDS = {"the", "mr", "ms", "mrs", "miss", "uncle", "detective", "dr", "young", "old"}
# The hotel shares the series' short title; "the Continental" in a film review is the hotel.
_HOTEL_LIKE = {"the continental", "continental"}


@dataclass(frozen=True)
class Entry:
    """One name form of one entity."""

    kind: int            # PERSON, CHARACTER or WORK
    iri: str | None      # None for a known wrong name (a character's pre-release name)
    form: str            # the alias as written in the reference
    is_label: bool       # the entity's main name (full name for people)
    weak: bool = False   # a work alias that is also a character or place name ("John Wick", "Caine")
    describes: bool = False  # says what a character is instead of naming them ("Eve's father", "the concierge")


@dataclass(frozen=True)
class Mention:
    """A span of the review's text that names one or more entities."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    @cached_property
    def mask(self) -> int:  # read for every mention by every view and filter: computed once
        mask = 0
        for entry in self.entries:
            mask |= entry.kind
        return mask

    def of_kind(self, kind: int) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]


class _Node:
    """A step of the name-form trie: the forms that go on with the next word, and those that end here."""

    __slots__ = ("entries", "next")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.entries: list[Entry] = []


class Gazetteer:
    """Phrase lookup over every name form in the reference."""

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self._trie: dict[str, _Node] = {}  # first folded token -> the name forms that start with it
        table: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        character_keys: set[tuple[str, ...]] = set()

        def add(name: str, entry: Entry) -> None:
            key = _key(name)
            if key and not any((e.kind, e.iri) == (entry.kind, entry.iri) for e in table[key]):
                table[key].append(entry)

        inverted: set[tuple[str, ...]] = set()
        kept_back = surname_initials(person.name for person in reference.people.values())
        for person in reference.people.values():
            add(person.name, Entry(PERSON, person.iri, person.name, True))
            for form in joined_forms(person.name):  # "#KeanuReeves", "@IanMcShane": hashtags and handles
                add(form, Entry(PERSON, person.iri, form, False))
            # "K. Reeves" (programmes, small print), "Anjelica H.", "Larry Fishburne" (a first name's everyday form)
            for form in [*initialled_forms(person.name), *kept_back.get(person.name, []), *short_forms(person.name)]:
                add(form, Entry(PERSON, person.iri, form, False))
            for form in initials(person.name):  # "KR": text-speak (kept only beside another name of theirs)
                add(form, Entry(PERSON, person.iri, form, False))
            for form in inverted_forms(person.name):  # "Reeves, Keanu": catalogues, credits lists, CSV sheets
                add(form, Entry(PERSON, person.iri, form, True))
                inverted.add(_key(form))
            for alias in person.aliases:
                add(alias, Entry(PERSON, person.iri, alias, False))
        for character in reference.characters.values():
            forms = [strip_note(character.name), *character.names]
            # "#JohnWick"; "J. Wick", "V. Tarasov": a note-taker's shorthand (not "the", "Ms." or "Uncle" cut short)
            titled = forms[0].split()[0].lower().strip(".") in _TITLE_WORDS or not forms[0][:1].isupper()
            for form in [*joined_forms(forms[0]), *([] if titled else initialled_forms(forms[0]))]:
                add(form, Entry(CHARACTER, character.iri, form, False))
            for i, form in enumerate(forms):
                add(form, Entry(CHARACTER, character.iri, form, i == 0, describes=_describes(form)))
                character_keys.add(_key(form))
                words = form.split()
                if len(words) > 1 and words[0].lower().strip(".") not in _TITLE_WORDS and words[0][:1].isupper() \
                        and not _POSSESSIVE_S.search(words[0]):  # "Eve's father" gives no name "Eve's"
                    add(words[0], Entry(CHARACTER, character.iri, words[0], False))
                if len(words) == 2 and words[0].lower() != "the":  # "Tarasov, Viggo", "Perkins, Ms.": a dossier
                    for inverted_form in inverted_forms(form):
                        add(inverted_form, Entry(CHARACTER, character.iri, inverted_form, False))
                        inverted.add(_key(inverted_form))
                elif len(words) == 2 and words[0].lower() == "the":  # "Clancy Brown's Harbinger"
                    add(words[1], Entry(CHARACTER, character.iri, form, False))
            for wrong in character.wrong_names:
                add(wrong, Entry(CHARACTER, None, wrong, True))
        # a player's first name alone, as colleagues and fans say it ("Laurence is back as the King"): only a first
        # name no other person of the reference has and that names no character (kept only beside the full name)
        firsts = Counter(person.name.split()[0] for person in reference.people.values() if " " in person.name)
        for person in reference.people.values():
            first = person.name.split()[0]
            if " " in person.name and firsts[first] == 1 and len(first) >= 3 and _key(first) not in table:
                add(first, Entry(PERSON, person.iri, first, False))
        for work in reference.works.values():
            for name in work.names:
                key = _key(name)
                weak = key in character_keys or " ".join(key) in _HOTEL_LIKE or \
                    normalize_key(name) == normalize_key(reference.franchise_name)
                add(name, Entry(WORK, work.iri, name, name == work.title, weak))
            for name in numbered_forms(work.names):
                add(name, Entry(WORK, work.iri, name, False))
            for name in [*work.names, *numbered_forms(work.names)]:
                for joined in joined_forms(name):  # "#JohnWick4", "#JohnWickChapter4"
                    add(joined, Entry(WORK, work.iri, joined, False, _key(name) in character_keys))
        # what a character is, said for their name: a post at a place is a name of its own ("plays the Rome
        # Continental's manager"); a relation to someone ("plays Viggo's son") is read only where a stated role names
        # nobody, so a description beside the name ("Nogi, Eve's trainer") stays apart from it
        names_of = {name: [n for n in (c.name, *c.names) if n != name]
                    for c in reference.characters.values() for name in (c.name, *c.names)}
        described: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for character in reference.characters.values():
            relations, posts = described_forms(character.description, lambda name: names_of.get(name, []))
            for form in relations + posts:
                described[_key(form)].append(character.iri)
            for form in posts:
                add(form, Entry(CHARACTER, character.iri, form, False, describes=True))
        self._described = dict(described)
        self._fuzzy = FuzzyPeople((_key(p.name), p.iri, p.name) for p in reference.people.values())
        self._table = dict(table)
        for key, entries in table.items():
            # a catalogue-order form joins its first two words by a comma ("Reeves, Keanu") or a space ("Reeves Keanu")
            for joiner in (",", "") if key in inverted else ("",):
                node = self._trie.setdefault(key[0], _Node())
                for step, word in enumerate(key[1:]):
                    node = node.next.setdefault(joiner + word if step == 0 else word, _Node())
                node.entries = entries

    def lookup(self, name: str, kind: int | None = None) -> list[Entry]:
        """Entries whose name form is exactly ``name`` (ignoring case, accents and punctuation)."""
        entries = self._table.get(_key(name), [])
        return [e for e in entries if kind is None or e.kind == kind]

    def described_as(self, words: str) -> list[str]:
        """The characters whose fact-sheet description ``words`` says ("Viggo's son", "the Rome Continental's
        manager", "manager of the Rome Continental"), a leading article aside."""
        key = _key(words)
        found = self._described.get(key, [])
        if not found and key[:1] in (("the",), ("a",)):
            found = self._described.get(key[1:], [])
        return found

    def find(self, text: str, folded: str | None = None) -> list[Mention]:
        """Every longest, non-overlapping name mention in ``text`` (offsets into ``text``).

        ``folded`` is ``fold(text)`` when the caller has it already.
        """
        folded = folded if folded is not None else fold(text)
        lower = folded.lower()
        if len(lower) != len(folded):  # a few characters lower-case to two; keep offsets exact
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)
        # one pass gives the words and, from the lengths of the pieces between them, their offsets
        pieces = _TOKEN_SPLIT.split(lower)
        ends = list(accumulate(map(len, pieces)))
        words = pieces[1::2]
        starts, stops = ends[0:-1:2], ends[1::2]  # a word starts where the gap before it ends
        # a review typed in lower case, or voice-typed, where capitals fall wherever the software put them
        lowercase_style = is_lowercase_style(text, len(words)) or is_dictated(text)
        one_case = _OneCaseLines(folded)  # in the layout view, where a hard-wrapped sentence is one line
        trie = self._trie
        could_match = self._fuzzy.could_match
        mentions: list[Mention] = []
        count = len(words)
        i = 0
        # (a line typed or transcribed in lower case among others, a voicemail's under its header, is heard too)
        heard = lowercase_style or any(line.islower() and len(line) > _HEARD_LINE for line in text.split("\n"))
        for at in self._fuzzy.openings(words, trie, heard=heard):
            if at < i:
                continue  # inside the name found before
            i = at
            node = trie.get(words[i])
            matched = 0
            if node is not None:
                # the name forms that match here, shortest first: a form's words joined only by light punctuation
                found = [(1, node.entries)] if node.entries else []
                j = i + 1
                catalogue_order = False
                while node.next and j < count:
                    step = node.next.get(words[j]) if _JOINER.match(folded, stops[j - 1], starts[j]) \
                        and not _ROW_NUMBER_AFTER_BREAK.match(folded, stops[j - 1]) \
                        and not _sentence_ends_between(folded, words[j - 1], stops[j - 1]) else None
                    if step is None and j == i + 1 and _COMMA.fullmatch(folded, stops[i], starts[j]):
                        step = node.next.get("," + words[j])  # "Reeves, Keanu": a name in catalogue order
                        catalogue_order = step is not None
                    if step is None:
                        break
                    node = step
                    j += 1
                    if node.entries:
                        entries = node.entries
                        if catalogue_order and _NEXT_NAME.match(text, stops[j - 1]):
                            # "after Wick, John Leguizamo ...": the given name opens the next name
                            entries = [e for e in entries if e.kind != CHARACTER]
                        if entries:
                            found.append((j - i, entries))
                for n, entries in reversed(found):  # the longest name first
                    start, end = starts[i], stops[i + n - 1]
                    surface = text[start:end]
                    if (_COUNTED_ON.match(text, end) and _ENDS_IN_NUMBER_WORD.search(surface)) \
                            or (surface[-1:].isdigit() and _SCORE_OR_RANGE_ON.match(text, end)):
                        entries = [e for e in entries if e.kind != WORK]  # "is John Wick one more time": no title
                    after = text[end:end + 1]
                    kept = tuple(e for e in entries
                                 if written_as_form(surface, e.form, e.kind == PERSON, n, lowercase_style, after)
                                 or _role_title(text, start, e)
                                 or (e.kind in (WORK, CHARACTER) and heads_line_in_capitals(text, start, end))
                                 # a cast table in capitals: "COMMON ...... Cassian", "| COMMON | Cassian |"
                                 or fills_a_cell(text, start, end)
                                 or closes_line_in_capitals(text, start, end)
                                 or (e.kind == CHARACTER and introduced_in_capitals(text, start, end))
                                 or (e.kind == CHARACTER and (_in_quotes(text, start, end)
                                                              or _alone_in_brackets(text, start, end)))
                                 # a cast list in capitals: "COMMON (Cassian)", a one-word name before its role
                                 or (e.kind == PERSON and _ROLE_IN_BRACKETS.match(text, end) is not None))
                    if not kept and one_case.at(start):  # "COMMON AS CASSIAN": case means nothing here
                        kept = tuple(e for e in entries if not (e.kind == PERSON and is_initials(e.form)))
                    if kept:
                        if text.startswith(".", end) and any(TRAILING_INITIAL.fullmatch(e.form) for e in kept):
                            end += 1  # "Reeves, K.", "Anjelica H.": the initial's full stop is the name's
                        mentions.append(Mention(start, end, kept))
                        matched = n
                        break
            if matched <= 1 and i + 1 < count and could_match(words[i], words[i + 1]):
                person = self._fuzzy.match(words[i], words[i + 1], text, (starts[i], stops[i]),
                                           (starts[i + 1], stops[i + 1]),
                                           _always if lowercase_style else partial(one_case.at, starts[i]))
                if person is not None:  # "Keanu Reaves" is one misspelt name, not "Keanu" and a stranger
                    if matched:
                        mentions.pop()
                    mentions.append(Mention(starts[i], stops[i + 1], (Entry(PERSON, *person, True),)))
                    matched = 2
            if matched <= 2 and i + 2 < count and text[starts[i + 2]:starts[i + 2] + 1].isupper() \
                    and (person := self._fuzzy.third_word(words[i], words[i + 1], words[i + 2])) is not None \
                    and text[stops[i]:starts[i + 1]] == " " and text[stops[i + 1]:starts[i + 2]] == " ":
                if matched:  # "Asia Kate Dillion": one misspelt name, not "Asia Kate" and a stranger
                    mentions.pop()
                mentions.append(Mention(starts[i], stops[i + 2], (Entry(PERSON, *person, True),)))
                matched = 3
            # (in a text all in lower case, a first name spelt as heard too: "lawrence fish burn")
            first = words[i] if words[i] in self._fuzzy.first_names else self._fuzzy.heard_first(words[i]) \
                if heard and not matched and i + 2 < count and len(words[i]) >= 4 \
                and (lowercase_style or one_case.at(starts[i])) else None
            if matched <= 1 and i + 2 < count and first is not None:
                spaced = takewhile(lambda j: text[stops[j - 1]:starts[j]] == " ", range(i + 1, min(i + 4, count)))
                split = self._fuzzy.split_surname(first, [words[j] for j in spaced])
                if split is not None:  # "ian mick shane": a dictated surname heard as two words or three
                    if matched:
                        mentions.pop()
                    mentions.append(Mention(starts[i], stops[i + split[1]], (Entry(PERSON, *split[0], True),)))
                    matched = split[1] + 1
            i += matched or 1
        return [m for i, m in enumerate(mentions) if not _beside_its_name(text, mentions, i)]


def _describes(form: str) -> bool:
    """Whether a character's alias says what they are rather than naming them: all in lower case ("the concierge")
    or a relation to someone ("Eve's father")."""
    return form.islower() or _POSSESSIVE_S.search(form) is not None


_POSSESSIVE_S = re.compile(r"\w['\u2019]s\b")
# between a name and a description in apposition: "the Director, the formidable head of the Ruska Roma", "Julius
# (manager of the Rome Continental)"; and between a description and the name: "Eve's father, Javier"
_APPOSED_BEFORE = re.compile(r"\s*[,(\-]\s*(?:(?:the|a|an|its|their|his|her)\s+)?(?:[a-z-]+\s+){0,2}\Z")
_APPOSED_AFTER = re.compile(r"\s*(?:[,(:\-]\s*)?\Z")


def _beside_its_name(text: str, mentions: list[Mention], i: int) -> bool:
    """Whether mention ``i`` describes a character in apposition to a name of theirs: the name says who it is."""
    mention = mentions[i]
    if not all(e.describes for e in mention.entries):
        return False
    iris = {e.iri for e in mention.entries}
    before = mentions[i - 1] if i else None
    after = mentions[i + 1] if i + 1 < len(mentions) else None
    return (before is not None and any(e.iri in iris for e in before.of_kind(CHARACTER))
            and _APPOSED_BEFORE.match(text, before.end, mention.start) is not None) \
        or (after is not None and any(e.iri in iris for e in after.of_kind(CHARACTER))
            and _APPOSED_AFTER.match(text, mention.end, after.start) is not None)


def normalize_key(name: str) -> tuple[str, ...]:
    """Token key of a name, as the index stores it."""
    return _key(name)


def _key(name: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _TOKEN.findall(fold(name)))


_COMMA = re.compile(r"[ \t]*,[ \t]*")
_NEXT_NAME = re.compile(r" (?-i:[A-Z])[\w'\u2019-]")
def _in_quotes(text: str, start: int, end: int) -> bool:
    """Whether the name stands alone in quotation marks: a role put in quotes is named in lower case too ("playing a
    \"sommelier\"", "as 'the ballerina'")."""
    return start > 0 and end < len(text) and text[start - 1] in _OPENING_QUOTES and text[end] in _CLOSING_QUOTES


def _alone_in_brackets(text: str, start: int, end: int) -> bool:
    """Whether the name stands alone in brackets, where a script or a storyboard writes a role in capitals after its
    player ("Ian McShane (WINSTON)")."""
    return start > 0 and end < len(text) and text[start - 1] == "(" and text[end] == ")"


_ROLE_IN_BRACKETS = re.compile(r"[ \t]*\((?-i:[A-Z])[\w .'\u2019-]{1,40}\)")
_OPENING_QUOTES, _CLOSING_QUOTES = "\"'\u201c\u2018", "\"'\u201d\u2019"


def _always() -> bool:
    return True


_HEARD_LINE = 40  # a line in lower case this long is typed or heard so, not a label


class _OneCaseLines:
    """Whether the line around a position is written in one case ("COMMON AS CASSIAN", "common as cassian"),
    where capitals carry no meaning; computed per line on demand."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[int, bool] = {}

    def at(self, position: int) -> bool:
        start = self.text.rfind("\n", max(0, position - 400), position) + 1
        if start == 0 and position > 400:  # a very long line: judge it in blocks of 400 characters
            start = position - position % 400
        if start not in self._lines:
            end = self.text.find("\n", start, start + 800)
            line = self.text[start:end if end >= 0 else start + 800]
            prefix = _MESSAGE_PREFIX.match(line)  # "[10:04 PM] marisa: ...": the message says it
            message = prefix is not None and ":" in prefix.group()
            line = line[prefix.end():] if prefix else line
            # a line in one case has only upper-case or only lower-case letters (str's own test, in C, first); a
            # lower-case line keeps its case when a word is stressed in capitals ("scamarcio as santino is SO good")
            self._lines[start] = (line.isupper() or line.islower()
                                  or (_STRESSED.search(line) is not None and _STRESSED.sub("", line).islower())
                                  or (message and _typed_in_lower_case(line))) \
                and len(_LETTERS.sub("", line)) >= 8 and len(line.split()) >= 3
        return self._lines[start] or _shouted_run(self.text, position)


def _typed_in_lower_case(message: str) -> bool:
    """A chat message or a text typed in lower case, where the phone capitalised a few names or "I" on its own
    ("so the bad guy viggo is Michael Nyquil ... alfie Allen and he plays iosef"): it opens in lower case and at
    most one word in eight is capitalised."""
    words = message.split()
    return len(words) >= 8 and words[0][:1].islower() and sum(word[:1].isupper() for word in words) * 8 <= len(words)


# three words or more in capitals in a row: "KEANU IS BACK AS JOHN and he looks tired" shouts part of a line
_SHOUTED_BEFORE = re.compile(r"(?:[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'.-]*[ \t,:;()\"]+){0,6}\Z")
_SHOUTED_AFTER = re.compile(r"[A-Z\u00c0-\u00de'.-]*(?:[ \t,:;()\"]+[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'.-]*){0,6}")


def _shouted_run(text: str, position: int) -> bool:
    """Whether the word at ``position`` stands in a run of three words or more written in capitals."""
    if not text[position:position + 2].isupper():
        return False  # the word itself is not in capitals
    before = _SHOUTED_BEFORE.search(text, max(0, position - 120), position)
    after = _SHOUTED_AFTER.match(text, position, position + 120)
    words = len((before.group() if before else "").split()) + len(after.group().split() if after else [])
    return words >= 3


_LETTERS = re.compile(r"[^a-zA-Z\u00c0-\u024f]+")
_STRESSED = re.compile(r"\b[A-Z]{2,}(?:['\u2019]?s)?\b")  # a word in capitals, or an acronym's plural: "OGs", "NPC's"
# a chat or log line's time stamp and sender, whose capitals ("PM", a user name) say nothing of the message's case (or
# the sender, then the time: "P 20:52: and michael nyqvist"; a notification's app, time and chat before the sender:
# "Messages · 20:52 · JW Night 🐶 · Sam: ..."; a voicemail's header: "▶ Dev · 11/14 · 9:02 PM · 1:12")
_MESSAGE_PREFIX = re.compile(r"\s*(?:(?:[^\n\u00b7|\u2022]{1,30}?[ \t]*[\u00b7|\u2022][ \t]*){2,5}"
                             rf"{SENDER}[ \t]*:\s+|[\u25b6\u25ba\u2022]?[ \t]*{SENDER}"
                             r"(?:[ \t]*[\u00b7|\u2022][ \t]*[\w/:.]+(?:[ \t][AaPp]\.?[Mm]\.?)?){2,5}\s+"
                             rf"|(?:\[[^\]\n]{{1,25}}\]\s*|{STAMP}\s*)?(?:{SENDER}(?:[ \t]+{CLOCK})?\s*:\s+)?"
                             rf"(?:>[ \t]*{SENDER}\s*:\s+)?)")  # and whom it quotes


_POSSESSED = re.compile(r"['\u2019]s?\s+(?:[a-z-]+\s+)?\Z")
# ... unless the possessive opens an apposition to the name before it: "Akira, the hotel's concierge," describes Akira,
# who is no Charon ("the concierge")
_APPOSED_TO_A_NAME = re.compile(r"(?-i:[A-Z])[\w'\u2019-]*,\s+(?:the|a|an)\s+[\w-]+['\u2019]s?\s+(?:[a-z-]+\s+)?\Z")


# quotation marks, plain, typographic, guillemets and East Asian title brackets (``fold`` makes the last two '"')
QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u300a\u300b\u300c\u300d\u300e\u300f")
_BRACKETED_NAME = re.compile(r"[ \t]*\((?-i:[A-Z])[\w'\u2019.-]+(?:[ ][\w'\u2019.-]+){0,3}\)")


def _role_title(text: str, start: int, entry: Entry) -> bool:
    """A role-title character ("The Sommelier", "The Elder") written as a common noun: "the sommelier", after a
    possessive name: "Franco Nero's courtly sommelier", or before its actor in brackets: "a ballerina (Unity
    Phelan)"."""
    if entry.kind != CHARACTER or not entry.form.lower().startswith("the "):
        return False
    if text[start:start + 4].lower() == "the " and text[start + 4:start + 5].isalpha():
        return True
    noun = entry.form[4:].strip()
    if _BRACKETED_NAME.match(text, start + len(noun)):
        return True  # "a ballerina (Unity Phelan)": the actor in brackets makes the noun their role
    if start and text[start - 1] in QUOTE_MARKS and text[start + len(noun):start + len(noun) + 1] in QUOTE_MARKS:
        return True  # its own “sommelier”, played by X: quotation marks make the noun a name
    # "Shamier Anderson's tracker, Mr. Nobody": the name that follows is the role, the noun describes it
    named_next = re.match(r",?\s+(?-i:[A-Z])", text[start + len(noun):start + len(noun) + 4]) is not None
    return " " not in noun and not named_next and _POSSESSED.search(text, max(0, start - 30), start) is not None \
        and _APPOSED_TO_A_NAME.search(text, max(0, start - 60), start) is None


@lru_cache(maxsize=8)
def _cached(reference_id: int) -> Gazetteer:  # keyed by id; the reference object is kept alive by _REFS
    return Gazetteer(_REFS[reference_id])


_REFS: dict[int, Reference] = {}


def get_gazetteer(reference: Reference | None = None) -> Gazetteer:
    """The gazetteer of ``reference`` (default: the project's reference graph), built once per process."""
    reference = reference or default_reference()
    _REFS.setdefault(id(reference), reference)
    return _cached(id(reference))
