"""Misspelt names of the reference's people: "Keanu Reaves", "Anjelica Houston", "Asia Kate Dillion".

The gazetteer asks here when a run of capitalised words is no known name form: a person whose name it nearly
spells is the person meant (:func:`~wickgraph.extract.nameforms.close_spelling` says how near is near enough).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from .nameforms import close_spelling, sound_key

__all__ = ["FuzzyPeople", "Person"]

Person = tuple[str, str]  # a person's IRI and name


class FuzzyPeople:
    """Misspelt full names ("Keanu Reaves", "Anjelica Houston"): two capitalised words, one of them a
    known person's first or last name and the other within a small edit distance of the rest."""

    def __init__(self, people: Iterable[tuple[tuple[str, ...], str, str]]) -> None:
        """``people``: each known person's name as word keys, their IRI and their name."""
        self._by_first: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        self._by_last: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        self._by_initials: dict[tuple[str, str], list[tuple[str, str, str, str]]] = defaultdict(list)
        self._by_first_two: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
        self._openers: tuple[Mapping[str, object], frozenset[str]] | None = None  # (trie, its keys and first names)
        self._first_sounds: dict[str, list[str]] | None = None  # first names by their sound, made when first asked
        for words, iri, name in people:
            if len(words) == 3:  # "Asia Kate Dillion": the first two words right, the surname misspelt
                self._by_first_two[(words[0], words[1])].append((words[2], iri, name))
            if len(words) == 2:  # the misspelt word must have four letters or more (see close_spelling)
                self._by_first[words[0]].append((words[1], iri, name))
                self._by_last[words[1]].append((words[0], iri, name))
                self._by_initials[(words[0][:1], words[1][:1])].append((words[0], words[1], iri, name))

    def openings(self, words: list[str], trie: Mapping[str, object], heard: bool = False) -> list[int]:
        """The indexes of ``words`` where a name form (a key of ``trie``) or a misspelt name (:meth:`could_match`)
        can start, in order: the only places a lookup can find anything (and, when ``heard``, a first name spelt as
        it sounds, :meth:`heard_first`)."""
        if self._openers is None or self._openers[0] is not trie:
            self._openers = (trie, frozenset(trie) | frozenset(self._by_first))
        openers, lasts, initials = self._openers[1], self._by_last, self._by_initials
        found = [i for i, word in enumerate(words) if word in openers]
        found += [i - 1 for i, word in enumerate(words) if word in lasts and i]
        lengths = list(map(len, words))
        found += [i for i in [i for i, n in enumerate(lengths[:-1]) if n >= 6] if lengths[i + 1] >= 5
                  and (words[i][:1], words[i + 1][:1]) in initials and words[i].isalpha()]
        if heard:
            found += [i for i, word in enumerate(words[:-2]) if len(word) >= 4 and word not in openers
                      and self.heard_first(word) is not None]
        return sorted(set(found))

    @property
    def first_names(self) -> dict[str, list[tuple[str, str, str]]]:
        return self._by_first

    def third_word(self, first: str, second: str, third: str) -> Person | None:
        """The person of a three-word name whose first two words are ``first`` and ``second`` and whose surname
        ``third`` nearly spells: "Asia Kate Dillion" is Asia Kate Dillon."""
        for last, iri, name in self._by_first_two.get((first, second), []):
            if last != third and close_spelling(last, third):
                return iri, name
        return None

    def split_surname(self, first: str, pieces: Sequence[str]) -> tuple[Person, int] | None:
        """The person whose first name is ``first`` and whose surname the first three or two of ``pieces`` (heard as
        several words) nearly spell or sound like, with how many pieces it took: "Ian Mick Shane" is Ian McShane,
        "Laurence Fish Burne" Laurence Fishburne, "john leg we zamo" John Leguizamo, "michael nick vist" Michael
        Nyqvist; a long surname within three edits, whatever its sound: "Chad Stall Helsky" is Chad Stahelski."""
        for n in (3, 2):
            if len(pieces) < n:
                continue
            joined = "".join(pieces[:n])
            # (a possessive said without its apostrophe: "ian mick shanes winston"; not "Lance Reddit as")
            heard = (joined, joined[:-1]) if pieces[n - 1].endswith("s") and len(pieces[n - 1]) >= 4 else (joined,)
            for spelt in heard:
                for last, iri, name in self._by_first.get(first, []):
                    # (a surname of five letters only when its halves spell it: "willem da foe" is Willem Dafoe)
                    if (last == spelt and len(last) >= 5) \
                            or (len(last) >= 6 and close_spelling(last, spelt, 2 if len(last) >= 7 else 1)) \
                            or (len(last) >= 6 and sound_key(last) == sound_key(spelt)
                                and close_spelling(last, spelt, 3 if len(last) >= 7 else 2)) \
                            or (len(last) >= 8 and close_spelling(last, spelt, 3)):
                        return (iri, name), n
        return None

    def heard_first(self, word: str) -> str | None:
        """The known first name that ``word`` spells as it sounds ("lawrence" for Laurence), if one does."""
        if self._first_sounds is None:
            self._first_sounds = defaultdict(list)
            for first in self._by_first:
                self._first_sounds[sound_key(first)].append(first)
        return next((first for first in self._first_sounds.get(sound_key(word), ()) if close_spelling(first, word)),
                    None)

    def could_match(self, first: str, second: str) -> bool:
        """A cheap test before :meth:`match`: a known first or last name, or two long words with known initials."""
        return first in self._by_first or second in self._by_last or (
            len(first) >= 6 and len(second) >= 5 and (first[:1], second[:1]) in self._by_initials
            and first.isalpha())

    def match(self, first: str, second: str, text: str, span1: tuple[int, int], span2: tuple[int, int],
              any_case: Callable[[], bool]) -> Person | None:
        """The person a misspelt two-word name stands for; ``any_case()`` says whether capitals mean nothing
        there (asked only when a word is not capitalised: it reads the line)."""
        if first not in self._by_first and second not in self._by_last:
            # both words misspelt ("Angelica Houston"): in each long word, same initials
            if len(first) < 6 or len(second) < 5 or (first[:1], second[:1]) not in self._by_initials:
                return None
            if not ((text[span1[0]:span1[0] + 1].isupper() and text[span2[0]:span2[0] + 1].isupper()) or any_case()) \
                    or text[span1[1]:span2[0]] != " ":
                return None
            # one slip, or the same sound, in each ("William Defoe" is Willem Dafoe, as a transcript hears him)
            for known_first, known_last, iri, name in self._by_initials[(first[:1], second[:1])]:
                if len(known_first) >= 5 and len(known_last) >= 5 and close_spelling(known_first, first) \
                        and close_spelling(known_last, second):
                    return iri, name
            return None
        if not ((text[span1[0]:span1[0] + 1].isupper() and text[span2[0]:span2[0] + 1].isupper()) or any_case()):
            return None
        if text[span1[1]:span2[0]] != " ":
            return None
        for other, iri, name in self._by_first.get(first, []):
            if other != second and close_spelling(other, second):
                return iri, name
        for other, iri, name in self._by_last.get(second, []):
            if other != first and close_spelling(other, first):
                return iri, name
        return None
