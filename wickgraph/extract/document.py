"""A review's text as the rules and filters read it: mentions, sentences, lines and placeholder views.

In a *view* every gazetteer name is replaced, character for character, by a placeholder of its
kind (a private-use start character, then continuation characters), so a pattern can treat a
whole name as one atom while offsets stay those of the text.
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise

from .. import regexcache
from .casing import lowering_is_exact
from .gazetteer import CHARACTER, PERSON, WORK, Mention
from .layout_words import MATCHING_DOTS
from .nameforms import INITIALLED, is_abbreviation_stop
from .spoken import is_telegram
from .textscan import Keywords

__all__ = ["FORM_OF_ADDRESS", "PLACEHOLDER_CONT", "PLACEHOLDER_START", "Document"]

PLACEHOLDER_START, PLACEHOLDER_CONT = 0xE010, 0xE020
_START, _CONT = PLACEHOLDER_START, PLACEHOLDER_CONT

# The one character whose str.lower() depends on its neighbours (a word-final capital sigma becomes "ς")
_CONTEXT_CASED = "\u03a3"
# skip_to_start: the engine jumps to the few characters where a sentence can end
_SENTENCE_END = regexcache.compile(r"[.!?]+[\"')\]]*(?=\s)|\n", skip_to_start=True)


# A run-on "sentence" this long is clauses strung on semicolons (a rant, a one-paragraph post): each is a sentence
# (a short "X; Y" stays one sentence: splitting every sentence at its semicolons cost a false alarm on a read set)
_RUN_ON = 250
_SEMICOLON = re.compile(r";(?=\s)")
# Speech transcribed without punctuation ("okay so um it's directed by X and he was a stunt guy so keanu is john")
# marks where one utterance ends and the next begins with a discourse marker, or with "and"/"but" before a new
# subject. A run-on with hardly any punctuation is split there, so an "if" or a "not" in one utterance does not
# reach a claim in the next.
_UNPUNCTUATED = 30  # words per punctuation mark, at least: written run-ons have their commas
_UTTERANCE_START = re.compile(r"(?<=\s)(?:(?:okay|ok|alright|anyway|anyways|oh\s+and)\b|so\s+(?!(?:much|many|far|long|"
                              r"that|called|to|good|bad|great|well|fun|cool|dumb|dry|funny|close)\b)|(?:and|but)\s+(?:"
                              r"then\b|(?:i|he|she|they|we|you|it|that|this|there)(?:['\u2019]\w+)?\s|"
                              r"(?:uh+|um+|erm)\b))", re.IGNORECASE)
_AND_THEN_A_NAME = re.compile(r"(?<=\s)(?:and|but)\s+", re.IGNORECASE)
# A written run-on strings its clauses on commas and dashes ("..., and it still rips, chad stahelski directed it"):
# a comma or dash before a new subject (a pronoun, or one of the people named, after an optional "and"/"but"/"so")
# starts a clause, unless the clause before it is a subordinate one ("if they make a fifth, keanu is back as john").
# A name followed by "as", a comma or "and" is a list's next item ("introducing A as B, C as D and ..."), no subject.
_COMMA_THEN = re.compile(r"(?:[,\u2013\u2014]|\s--?)\s+(?:(?:and|but|so)\s+)?", re.IGNORECASE)  # (" - ": a dash)
_SUBJECT_PRONOUN = re.compile(r"(?:i|he|she|they|we|you|it|there)(?:['\u2019]\w+)?\s", re.IGNORECASE)
_LIST_ITEM_AFTER = re.compile(r"\s*(?:[,;:()&]|(?:and|or|as)\b|\Z)", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\W*(?:(?:and|but|so|or)\s+)?(?:if|unless|whether|when|whenever|once|though|although|"
                          r"even\s+if|as\s+long\s+as|because|since|while)\b", re.IGNORECASE)


def _run_ons_split(folded: str, bounds: list[int], people: dict[int, int]) -> list[int]:
    """``bounds`` with a sentence bound after each semicolon of a sentence longer than :data:`_RUN_ON` characters
    (outside brackets) and before each of its clauses that follow a comma or dash (:func:`_comma_clauses`), and
    before each utterance's start in a sentence that is unpunctuated speech: a discourse marker, or "and"/"but"
    before a new subject (a pronoun, a filler, or one of the ``people`` named)."""
    split = [bounds[0]]
    for start, end in pairwise(bounds):
        if end - start > _RUN_ON:
            split += [m.end() for m in _SEMICOLON.finditer(folded, start, end) if not _in_brackets(folded, m.start())]
            split += _comma_clauses(folded, start, end, people)
        # (words counted by their spaces: the test runs on every sentence)
        if end - start > _UNPUNCTUATED * 2 and folded.count(" ", start, end) >= _UNPUNCTUATED * (
                1 + sum(map(folded.count, ",;:", (start,) * 3, (end,) * 3))):
            split += [m.start() for m in _UTTERANCE_START.finditer(folded, start, end)]
            split += [m.start() for m in _AND_THEN_A_NAME.finditer(folded, start, end) if m.end() in people]
        split.append(end)
    return sorted(set(split))


def _comma_clauses(folded: str, start: int, end: int, people: dict[int, int]) -> list[int]:
    """Where the clauses of a written run-on that follow a comma or dash start (:data:`_COMMA_THEN`); ``people``
    maps the start of each person's name to its end."""
    starts, clause = [], start
    for match in _COMMA_THEN.finditer(folded, start, end):
        at = match.end()
        subject = _SUBJECT_PRONOUN.match(folded, at) if at not in people else \
            not _LIST_ITEM_AFTER.match(folded, people[at])
        if subject and not _in_brackets(folded, match.start()) \
                and not _SUBORDINATE.match(folded, clause, at):
            starts.append(at)
            clause = at
    return starts


_MADE_SEPARATORS = frozenset(";\t|-:")
_PUNCTUATION = re.compile(r"[.,;:!?]")


class Document:
    """A review's text with its name mentions, reviewed work, sentences and placeholder views."""

    def __init__(self, text: str, folded: str, mentions: list[Mention], film: str | None,
                 film_performances: frozenset[tuple[str, str]] = frozenset(),
                 film_credits: dict[str, frozenset[str]] | None = None, film_number: int | None = None,
                 other_works_years: frozenset[int] = frozenset(), known_jobs: dict[str, str] | None = None,
                 film_year: int | None = None, film_kind: str | None = None) -> None:
        self.text = text
        self.film_performances = film_performances  # (actor, character) pairs the reference has in the work
        # the reviewed film's place in the series (3 for Parabellum): "the third film" is then the reviewed one
        self.film_number = film_number
        self.film_roles = frozenset(character for _, character in film_performances)  # its characters
        self.film_credits = film_credits or {}  # "director"/"writer" -> people credited on the reviewed work
        self.film_cast = frozenset(actor for actor, _ in film_performances)  # the actors it casts
        self.film_crew = frozenset().union(*self.film_credits.values())  # its directors and writers
        # who the reference knows for one job only, franchise-wide, and as no actor: "director" or "writer"
        self.known_jobs = dict(known_jobs or {})
        self.known_crew = {person: job for person, job in self.known_jobs.items()  # ... of them, the work's own
                           if person in self.film_credits.get(job, ())}
        self.film_year = film_year  # the reviewed work's release year, when the reference has one
        self.film_kind = film_kind  # "film", "tv_series" or "video_game", when the reference has the work
        self.other_works_years = other_works_years  # release years of the franchise's other works, not its own
        self.folded = folded
        self.mentions = mentions
        self.film = film
        self.by_start = {m.start: m for m in mentions}
        self._mention_starts: list[int] | None = None
        self._people: list[Mention] | None = None
        self._telegraphic: bool | None = None
        self.lower = folded.lower()
        self._blanks: _Blanks | None = None  # layout around names, the same in every view: found once
        self._views: dict[int, str] = {}
        self._lower_views: dict[int, str | None] = {}
        self._case_exact: bool | None = None
        self._windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        self._keywords = Keywords(self.lower)
        self.verdicts: dict[tuple[str, int, int], bool] = {}  # (filter id, scope's start and end) -> drops?
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._bounds = [0]
        # sentences are read in the layout view: a subtitle cue's timing between two halves of a sentence is layout
        # (nor does an initial's full stop inside a name: "K. Reeves = J. Wick")
        initials = {m.start + i for m in mentions if INITIALLED.match(text, m.start, m.end)
                    for i, c in enumerate(text[m.start:m.end]) if c == "."}
        for match in _SENTENCE_END.finditer(folded):
            if not is_abbreviation_stop(folded, match.start()) and not _in_brackets(folded, match.start()) \
                    and match.start() not in initials:
                self._bounds.append(match.end())
        # a matching exercise's two columns are two lists: "Common •          • Ares"
        dots = [found.start() + 1 for found in MATCHING_DOTS.finditer(folded)]
        if dots:  # (most reviews have none: their bounds stay as found, in order)
            self._bounds = sorted({*self._bounds, *dots})
        self._bounds.append(len(text))
        self._bounds = _run_ons_split(folded, self._bounds, {m.start: m.end for m in mentions if m.mask & PERSON})

    def gap(self, start: int, end: int) -> str:
        """``text[start:end]`` with what the layout view blanks read as spaces (the line breaks it joins in a
        hard-wrapped sentence, a speaker's "uh", markup) and the separators it makes of markup read as separators:
        the words between two mentions, as the rules see them."""
        gap = self.text[start:end]
        view = self.folded[start:end]
        if gap == view:
            return gap
        # (a separator the view made of markup is read as the separator: "<li>" as ";", "<td>" as a tab)
        return "".join(" " if seen == " " else seen if seen in _MADE_SEPARATORS and seen != char else char
                       for char, seen in zip(gap, view, strict=True))

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in ``[start, end)``, found by bisection (a review may hold a million)."""
        if self._mention_starts is None:
            self._mention_starts = [m.start for m in self.mentions]
        low = bisect.bisect_left(self._mention_starts, start)
        high = bisect.bisect_left(self._mention_starts, end, low)
        return self.mentions[low:high]

    @property
    def people(self) -> list[Mention]:
        """The mentions that name a person and no role or work, in order (found once)."""
        if self._people is None:
            self._people = [m for m in self.mentions if m.mask & PERSON and not m.mask & (CHARACTER | WORK)]
        return self._people

    @property
    def telegraphic(self) -> bool:
        """Whether the review is a telegram or runs on with hardly any punctuation, as speech transcribed does, so
        that names stand side by side with no word of linking (found once)."""
        if self._telegraphic is None:
            self._telegraphic = is_telegram(self.text) or \
                len(self.text.split()) > _UNPUNCTUATED * (1 + len(_PUNCTUATION.findall(self.text)))
        return self._telegraphic

    @property
    def blanks(self) -> _Blanks:
        """The quotation marks around role names and the forms of address before people's names (:func:`_blanks`)."""
        if self._blanks is None:
            self._blanks = _blanks(self.folded, self.mentions)
        return self._blanks

    def view(self, mask: int) -> str:
        """The text with every mention of a kind in ``mask`` replaced by its placeholder."""
        view = self._views.get(mask)
        if view is None:
            view = self._views[mask] = _placeholders(self.folded, self.mentions, mask, self.blanks)
        return view

    def windows(self, needs: tuple[str, ...]) -> list[tuple[int, int]]:
        """The lines holding one of ``needs`` (merged, in order); the whole text when ``needs`` is empty.

        Rules match within a line, so a rule need not look at lines without its keywords.
        """
        if not needs:
            return [(0, len(self.text))]
        found = self._windows.get(needs)
        if found is None:
            found = self._windows[needs] = self._keywords.lines_holding(needs)
        return found

    def lower_view(self, mask: int) -> str | None:
        """:meth:`view` in lower case, or None when lower-casing would move offsets."""
        if mask not in self._lower_views:
            if mask not in self._views and len(self.lower) == len(self.folded) and _CONTEXT_CASED not in self.folded:
                # lower-casing is then character by character and leaves placeholders alone, so the placeholders
                # can go straight into the lower-cased text (one lower() per review, not one per kind mask)
                lowered = _placeholders(self.lower, self.mentions, mask, self.blanks)
            else:  # one lower() in C when the view is there already, rather than placing every mention again
                lowered = self.view(mask).lower()
            self._lower_views[mask] = lowered if len(lowered) == len(self.text) else None
        return self._lower_views[mask]

    def twin_view(self, mask: int) -> str | None:
        """:meth:`lower_view`, when a lower-case twin finds over it what its case-blind pattern finds over
        :meth:`view` (:func:`wickgraph.extract.casing.lowering_is_exact`); else None."""
        if self._case_exact is None:
            self._case_exact = lowering_is_exact(self.folded, self.lower)
        return self.lower_view(mask) if self._case_exact else None

    def sentence(self, position: int) -> tuple[int, int]:
        """Start and end of the sentence (or line) holding ``position``."""
        i = bisect.bisect_right(self._bounds, position) - 1
        start = self._bounds[max(i, 0)]
        end = self._bounds[i + 1] if i + 1 < len(self._bounds) else len(self.text)
        return start, end

    def line(self, position: int) -> tuple[int, int]:
        """Start and end of the line holding ``position`` (found by bisection: lines may be megabytes long)."""
        i = bisect.bisect_right(self._line_starts, position) - 1
        start = self._line_starts[i]
        end = self._line_starts[i + 1] - 1 if i + 1 < len(self._line_starts) else len(self.text)
        return start, end

    def work_at(self, start: int) -> str | None:
        """The work named by the mention starting at ``start``: the reviewed film if it is a candidate."""
        mention = self.by_start.get(start)
        if mention is None:
            return None
        works = [e.iri for e in mention.of_kind(WORK)]
        if self.film in works:
            return self.film
        return works[0] if works else None

    def their_work(self, person: Mention, title: Mention) -> bool:
        """Whether a title after a person's possessive is their work, not a part they play: they direct or write
        the reviewed work ("Len Wiseman's Ballerina"), the title has its year in brackets ("Keanu Reeves's John Wick
        (2014)"), or it names a work and a role they do not play in the reviewed one ("Ana de Armas' Ballerina",
        reviewing Parabellum)."""
        if _YEAR_IN_BRACKETS.match(self.text, title.end) is not None \
                or any(entry.iri in self.film_crew for entry in person.of_kind(PERSON)):
            return True
        return bool(title.mask & WORK) and not any((actor.iri, role.iri) in self.film_performances
                                                   for actor in person.of_kind(PERSON)
                                                   for role in title.of_kind(CHARACTER))


_YEAR_IN_BRACKETS = re.compile(r"\s*\(\s*(?:19|20)\d\d\s*[,;)]")


def _placeholders(folded: str, mentions: list[Mention], mask: int, blanks: _Blanks) -> str:
    """``folded`` with the mentions of a kind in ``mask`` replaced by placeholders, joined from the slices
    between them (a list of every character of a long text costs far more); the layout around a name that
    ``blanks`` holds is written as spaces."""
    quoted, addressed = blanks
    pieces: list[str] = []
    done = 0  # the text before this offset is in pieces
    for mention in mentions:
        bits = mention.mask & mask
        if not bits:
            continue
        if mention.start < done:  # overlapping mentions (the gazetteer gives none): the later one wins
            chars = list(folded)
            for other in mentions:
                if other.mask & mask:
                    chars[other.start:other.end] = _placeholder(other.mask & mask, other.end - other.start)
            return "".join(chars)
        layout_start = mention.start - 1 if bits == CHARACTER and mention.start in quoted else \
            addressed.get(mention.start, mention.start) if bits & PERSON else mention.start
        layout_start = max(layout_start, done)
        pieces.append(folded[done:layout_start] + " " * (mention.start - layout_start))
        pieces.append(_placeholder(bits, mention.end - mention.start))
        done = mention.end
        if layout_start < mention.start and bits == CHARACTER and mention.start in quoted:
            pieces.append(" ")  # the closing quotation mark
            done += 1
    pieces.append(folded[done:])
    return "".join(pieces)


_Blanks = tuple[frozenset[int], dict[int, int]]
_QUOTES = {'"': '"', "\u201c": "\u201d", "\u2018": "\u2019"}
FORM_OF_ADDRESS = regexcache.compile(r"(?<![\w.])(?:mr|mrs|ms|miss|mx|dr|sir|dame|mister)\.?[ \t]+", re.IGNORECASE)
"""A form of address before a person's name ("Mr. ", "Miss "), which is not part of the name."""
_ADDRESS_BEFORE = regexcache.compile(FORM_OF_ADDRESS.pattern + r"\Z", re.IGNORECASE)  # ending where a name starts
_ADDRESS_ENDS = frozenset(".rsxeRSXE")  # the last character of "Mr.", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame"...


def _blanks(folded: str, mentions: list[Mention]) -> _Blanks:
    """Layout around names, found once per review: the starts of names that stand alone between a pair of
    quotation marks ('as "Mr. Nobody"', read like a role's capitals), and, per start of a person's name, where
    a form of address before it begins ("whom Mr. Hiroyuki Sanada plays")."""
    quoted: set[int] = set()
    previous_end = 0
    for mention in mentions:
        start, end = mention.start, mention.end
        if start > previous_end and end < len(folded) and _QUOTES.get(folded[start - 1]) == folded[end]:
            quoted.add(start)
        previous_end = end
    addressed: dict[int, int] = {}
    previous_end = 0
    for mention in mentions:
        # the letter before the space that ends a form of address is a cheap test before the search
        if mention.mask & PERSON and folded[mention.start - 2:mention.start - 1] in _ADDRESS_ENDS:
            address = _ADDRESS_BEFORE.search(folded, max(previous_end, mention.start - 8), mention.start)
            if address is not None:
                addressed[mention.start] = address.start()
        previous_end = mention.end
    return frozenset(quoted), addressed


def _placeholder(bits: int, length: int) -> str:
    return chr(_START + bits) + chr(_CONT + bits) * (length - 1)


def _in_brackets(text: str, position: int) -> bool:
    """Whether ``position`` is inside a short bracket on its line: "X (7'4"!! a real NBA center!!) who plays Y" is
    one sentence. A bracket that is a sentence of its own ends where it closes: "Enter X. (Who else?) She plays Y".
    A transcriber's doubt is a mark, no question: "Said Taghmaoui [?] is the Elder"; nor does a cry inside dashes end
    the sentence they set it in."""
    if text[position - 1:position + 2] == "[?]":
        return True
    if _DASH_CLOSE.match(text, position) and _DASH_OPEN.search(text, max(0, position - 64), position):
        return True  # an aside between dashes goes on after its cry: "Jerome Flynn -- Bronn! -- plays Berrada"
    before = text[max(0, position - 100):position]
    opened = before.rfind("(")
    if opened < 0 or ")" in before[opened:] or "\n" in before[opened:]:
        return False
    after = text[position:position + 100]
    closed = after.find(")")
    if closed < 0 or "\n" in after[:closed] or "(" in after[:closed]:
        return False
    return not (_ASIDE_CLOSE.match(after) and _SENTENCE_BEFORE.search(before[:opened]))


# a cry or a question that closes an aside between dashes, its sentence going on in lower case after the dash
# (the aside may hold more than one cry: "Jerome Flynn -- Bronn! From Thrones! -- plays the Elder")
_DASH_CLOSE = re.compile(r"[!?]+(?:[ \t]+[^\n.!?\u2014\u2013]{1,40}[!?]+)*[ \t]+(?:--?|\u2014|\u2013)[ \t]+(?-i:[a-z])")
_DASH_OPEN = re.compile(r"[ \t](?:--?|\u2014|\u2013)[ \t][^\n.!?\u2014\u2013]{1,60}"
                        r"(?:[!?]+[ \t]+[^\n.!?\u2014\u2013]{1,40})*\Z")
_ASIDE_CLOSE = re.compile(r"[.!?]+[\"']?\)")  # the aside's own end closes its bracket
_SENTENCE_BEFORE = re.compile(r"(?:[.!?][\"')\]]*|\A)[ \t]*\Z")
