"""The rules of :mod:`.patterns` run over a review: claim candidates from each claim rule's matches, their parts
(people, actors and characters, list items split, unknown names checked) and the mention rules' candidates (names,
years and the franchise's name read with the reference's help).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .document import FORM_OF_ADDRESS, Document
from .film import place_in_series
from .gazetteer import CHARACTER, PERSON, Mention
from .links import default_cues, in_relative_clause
from .nameforms import is_stance_adverb
from .patterns import FIRST_WORK, LIST_WORDS, NAME_PATTERN, Candidate, Rule, RuleSet, full_year

__all__ = ["run_rules"]


_LIST_SPLIT = re.compile(rf"\s*(?:,|;|&|\+|/|\b(?:{LIST_WORDS})\b)\s*(?:and\s+)?", re.IGNORECASE)  # ("Hatten/Finch")
_NAME_STOP = {"The", "A", "An", "He", "She", "It", "This", "That", "His", "Her", "Their", "They", "In", "And",
              "But", "I", "We", "You", "Who", "What", "When", "Where", "Why", "How", "Yes", "No", "Not", "So",
              "Also", "Even", "Still", "Then", "There", "Here", "If", "As", "At", "On", "For", "With", "From",
              "By", "To", "Of", "Or", "Nor", "One", "Some", "Mr", "Ms", "Mrs", "Dr", "Chapter", "Part", "Film",
              "Movie", "Series", "Season", "Episode", "Night", "Act", "Everyone", "Nobody", "Somebody", "Wait",
              "Okay", "OK", "Well", "Oh", "Ha", "Lol", "Honestly", "Sadly", "Thankfully", "Unfortunately",
              # the topics a page's title-case headings list ("Cast, Director, Release Date & Review")
              "Release", "Date", "Review", "Reviews", "Cast", "Plot", "Trailer", "Ending", "Runtime", "Budget",
              "Summary", "Rating", "Ratings", "Spoilers", "Explained", "Streaming", "Everything", "Box"}


_ARTICLE_BEFORE = re.compile(r"\b(?i:the|a|an|this|that|its|our|their|his|her)\s+"
                             r"(?P<adjectives>(?:[a-z][\w-]*\s+){0,2})\Z")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|into|on|across|through|near|inside|outside|around|via|over)\s+\Z",
                           re.IGNORECASE)


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(default_cues()["honorific"])


@cache
def _shouted_words() -> frozenset[str]:
    """Words that cannot be part of a name written in capitals: the cue lists' link and filler words."""
    cues = default_cues()
    return frozenset(w for name in ("role-cue", "role-filler", "description-stop", "reprise-cue", "strict-cue")
                     for w in cues[name]) | {w.lower() for w in _NAME_STOP}


# compiled once: these run for every candidate and list item
_POSSESSIVE_S = re.compile(r"['\u2019]s\b")
_POSSESSIVE_BEFORE = re.compile(r"['\u2019]s?[ \t]+\Z")
_LEADING_THE = re.compile(r"(?i)the\s+")
_LEADING_THE_WORD = re.compile(r"(?i)the\s+(?:[a-z-]+\s+)?")
_UNKNOWN_NAME = re.compile(NAME_PATTERN)


def _line_is_shouted(text: str, position: int) -> bool:
    """Whether the line holding ``position`` is written in capitals throughout (a headline, a shout)."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return line.isupper() and len(line.split()) >= 4


_CUE_INDENT = 80  # characters of a speaker's cue's indent, at most


def _name_ok(text: str, start: int, end: int, article_allowed: bool = False) -> bool:
    """An unknown capitalised name: not a function word, not followed by a possessive, not the object of a
    preposition ("turns up in Casablanca as Sofia": a place, not an actor), and not after an article (unless
    ``article_allowed``, for a role's one-word name right after "the": "The Tailor, played by X")."""
    words = text[start:end].split()
    if len(words) > 1 and words[0].rstrip(".").lower() in _honorifics():
        words = words[1:]  # "Mr. Chow": the form of address is part of the name
    if not words or words[0].strip("'") in _NAME_STOP or words[-1] in _NAME_STOP or is_stance_adverb(words[0]):
        return False  # ("Naturally McShane plays Winston": an adverb opening the sentence is no first name)
    if text[start:end].isupper() and text.startswith("\n", end) \
            and text[text.rfind("\n", max(0, start - _CUE_INDENT), start) + 1:start].isspace():
        return False  # a name in capitals alone on its line is a speaker's cue or a heading: "DANA" over "As Helen."
    if text[start:end].isupper() and (_shouted_words() & {w.lower() for w in words} or _line_is_shouted(text, start)):
        return False  # "KEANU IS BACK AS JOHN", "SANADA RUNS OSAKA HOTEL AS KOJI": in capitals, all look like names
    if _PLACE_BEFORE.search(text, max(0, start - 10), start):
        return False
    article = _ARTICLE_BEFORE.search(text, max(0, start - 30), start)
    if article is not None and (len(words) == 1 or article.group("adjectives") == "") \
            and not (article_allowed and len(words) == 1 and article.group("adjectives") == ""):
        return False  # "the local Continental", "the New York Continental": people's names take no article
    return not _POSSESSIVE_S.match(text[end:end + 2])


def run_rules(doc: Document, rules: RuleSet) -> list[Candidate]:
    """Every candidate claim the claim and mention rules find, in text order, before any scope filter
    (:func:`wickgraph.extract.scope.is_blocked` decides on the ones kept)."""
    candidates: list[Candidate] = []
    for rule in rules.claims:
        for match in _matches(doc, rule):
            candidate = _candidate(doc, rule, match)
            if candidate is not None:
                candidates.append(candidate)
    for rule in rules.mentions:
        candidates.extend(_mention_candidates(doc, rule))
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start)))
    return candidates


def _matches(doc: Document, rule: Rule) -> Iterator[re.Match[str]]:
    """The rule's matches, as ``rule.regex.finditer`` over the view would give them, found faster.

    A rule with a ``fast`` variant never touches ``rule.regex``: reading that property compiles the
    full pattern, which costs more at start-up than running all rules over a review."""
    lowered = doc.lower_view(rule.mask) if rule.fast is not None else None
    for start, end in doc.windows(rule.needs):
        if lowered is None or rule.fast is None:
            regex = rule.regex
            assert regex is not None  # claim rules always have a pattern (load_rules checks it)
            yield from regex.finditer(doc.view(rule.mask), start, end)
            continue
        for match in rule.fast.finditer(lowered, start, end):
            at = match.start()
            if rule.fast_needs_boundary and at and (lowered[at - 1].isalnum() or lowered[at - 1] == "_"):
                continue
            yield match


def _inside_a_name(doc: Document, start: int) -> bool:
    """Whether ``start`` falls inside a mention that starts before it ("John Wick" in "the first John Wick")."""
    return any(m.start < start < m.end for m in doc.mentions_between(max(0, start - 60), start))


def _held_by_another(doc: Document, start: int) -> bool:
    """Whether the role at ``start`` follows a person's possessive ("Anjelica Huston's Director")."""
    possessive = _POSSESSIVE_BEFORE.search(doc.text, max(0, start - 4), start)
    if possessive is None:
        return False
    return any(m.end == possessive.start() and m.mask & PERSON and not m.mask & CHARACTER
               for m in doc.mentions_between(max(0, start - 80), start))


def _strangers_pair(doc: Document, candidate: Candidate) -> bool:
    """A player of one word and a role, neither of them known: a heading's "Duration as Form", "Violence as
    Spectacle", not a casting (a player the reference does not know needs two names when the role is unknown too)."""
    actors, roles = candidate.parts.get("actor", []), candidate.parts.get("character", [])
    if len(actors) != 1 or len(roles) != 1 or actors[0][0] in doc.by_start or roles[0][0] in doc.by_start:
        return False
    return len(doc.text[actors[0][0]:actors[0][1]].split()) == 1


def _candidate(doc: Document, rule: Rule, match: re.Match[str]) -> Candidate | None:
    start, end = _trim(doc.text, match.start(), match.end())
    if start >= end:
        return None
    assert rule.type is not None
    candidate = Candidate(rule.id, rule.type, start, end, reprise=rule.reprise)
    groups = match.groupdict()
    for name, value in groups.items():
        if value is None or name in ("year", "ordinal") or name.startswith("_"):
            continue  # (a group named with a leading "_" only switches a conditional: "(?(_finite)...)")
        span = match.span(name)
        if name in ("people", "actors", "characters"):
            # a list that is the object ("directed by A, and Keanu is ...") ends where a new clause starts
            items = list(_list_items(doc, *span, kind=CHARACTER if name == "characters" else PERSON,
                                     object_position=span[0] > match.start()))
            if not items:
                return None
            if span[1] >= candidate.end > items[-1][1]:
                candidate.end = items[-1][1]  # the evidence ends with the list's last name ("..., Keanu's double")
            if span[0] <= candidate.start < items[0][0]:
                candidate.start = items[0][0]  # ... and starts with its first ("X, and Derek Kolstad, ..., is one of")
            candidate.parts[{"people": "person", "actors": "actor", "characters": "character"}[name]] = items
        elif name == "title_role":
            candidate.parts[name] = [span]
        else:
            g_start, g_end = _trim(doc.text, *span)
            if g_start not in doc.by_start \
                    and not _name_ok(doc.text, g_start, g_end, name == "character" and rule.role_article) \
                    and not (name == "from_film" and FIRST_WORK.fullmatch(doc.text, g_start, g_end)):
                return None
            if name in ("actor", "person") and g_start in doc.by_start and not doc.by_start[g_start].mask & PERSON:
                return None  # "Parabellum as the Bowery King": a work's or a role's name is no unknown player
            if name in ("actor", "person") and g_start not in doc.by_start and _inside_a_name(doc, g_start):
                return None  # "back from the first John Wick as Abram": the end of a work's name is no player
            if name == "character" and not rule.role_possessive \
                    and _POSSESSIVE_S.match(doc.text[g_end:g_end + 2]):
                return None  # "the Chancellor's right-hand woman" is somebody else
            if name == "character" and groups.get("actor") and match.start("actor") > g_end \
                    and (_held_by_another(doc, g_start) or in_relative_clause(doc.text, g_start)):
                # the player named after the role: not a role already someone's ("Anjelica Huston's Director is X"),
                # nor one inside a relative clause on the head ("Zero, the chef who fanboys over John, is played by")
                return None
            candidate.parts[name] = [(g_start, g_end)]
    if _strangers_pair(doc, candidate):
        return None
    if groups.get("characters") and len(candidate.parts["character"]) != len(candidate.parts.get("actor", ())):
        return None  # "X and Y as A and B" pairs respectively, or not at all
    if rule.requires_credit:
        credited = doc.film_credits.get(rule.requires_credit, frozenset())
        for span in candidate.parts.get("person", []):
            mention = doc.by_start.get(span[0])
            if mention is None or not any(e.iri in credited for e in mention.of_kind(PERSON)):
                return None
    if rule.unless_cast:
        for span in candidate.parts.get("person", []):
            mention = doc.by_start.get(span[0])
            if mention is not None and any(e.iri in doc.film_cast for e in mention.of_kind(PERSON)):
                return None  # "Anjelica Huston is the Director": her role, not a credit
    if rule.unless_their_work and "character" in candidate.parts:
        role = doc.by_start.get(candidate.parts["character"][0][0])
        for span in candidate.parts.get("actor", []):
            mention = doc.by_start.get(span[0])
            if mention is not None and role is not None and doc.their_work(mention, role):
                return None  # "Len Wiseman's Ballerina": the director's film, not a part he plays
    if groups.get("year"):
        candidate.year = full_year(groups["year"])
        if rule.unless_year_of_other_work and candidate.year in doc.other_works_years:
            return None
    if rule.work_is_film:
        work_span = candidate.parts.get("work")
        if groups.get("ordinal") and not work_span:  # the work by its place: "The second film (2016)"
            if doc.film_number is None or place_in_series(groups["ordinal"]) != doc.film_number:
                return None
        elif not work_span or doc.work_at(work_span[0][0]) != doc.film or doc.film is None:
            return None
    if rule.sentence_requires is not None:
        # the antecedent of an ellipsis ("B did the middle one") stands in this sentence or the one before
        s_start, s_end = doc.sentence(start)
        before_start = doc.sentence(max(s_start - 2, 0))[0] if s_start else s_start
        if not rule.sentence_requires.search(doc.text[before_start:s_end]):
            return None
    return candidate


# A list item followed by a verb starts a new clause: "directed by A, and Keanu is John once more"; not a plural
# verb, which agrees with the whole list ("X and Y as Hansel and Gretel are a treat")
_OBJECT_BEFORE = re.compile(r"\b(?:is|was|are|were|by)\s+\Z", re.IGNORECASE)
_CLAUSE_VERB = re.compile(r"\s+(?:(?:\w+ly|also|again|still|then|now|once\s+(?:more|again))\s+)?"
                          r"(?:is|was|has|had|does|did|plays|played|"
                          r"returns|returned|gets|got|makes|made|steals|stole|shines|stars|appears|turns|shows|looks|"
                          r"remains|seems|becomes|brings|gives|delivers|owns|sells|deserves|can|could|will|would|"
                          # another credit's verb: "co-directed by A and B, and Derek Kolstad shares the screenplay"
                          r"shares|shared|splits|takes|took|joins|joined|handles|handled|supplies|supplied|"
                          r"holds|held|keeps|kept|retains|retained|carries|carried|receives|received|earns|earned|"
                          # (a participle with its agent opens the next credit of a billing block, not a clause:
                          # "SCREENPLAY BY A AND B DIRECTED BY C")
                          r"wrote|writes|co-wrote|penned|scripted|directed|directs|co-directed|helmed|helms)\b"
                          r"(?!\s+by\b)"
                          r"|['\u2019]s\s+(?!(?:script|screenplay|direction)\b)[a-z]+\s+(?:is|was)\b"
                          # "and Wiseman, whose films ..., directs": a relative clause closed by a comma, then the
                          # verb; one that runs to the sentence's end describes the last name ("A and B, who know it."),
                          # and so does one a conjunction follows ("A and B, who knew it, and the cast agreed")
                          r"|,\s+(?:whose|who)\b(?=[^,.;!?\n]*,[\"'\u201d]?\s+"
                          # (nor does a second relative clause: "A and B, who were stuntmen, which explains it")
                          r"(?!(?:and|but|or|nor|yet|so|while|though|whereas|which|who|whose|where|when)\b)[a-z])",
                          re.IGNORECASE)


def _list_items(doc: Document, start: int, end: int, kind: int = PERSON,
                object_position: bool = False) -> Iterator[tuple[int, int]]:
    items = list(_raw_list_items(doc, start, end, kind))
    if not object_position and len(items) > 1 and (_OBJECT_BEFORE.search(doc.text, max(0, start - 12), start)
                                                   or _SINGULAR_VERB_AFTER.match(doc.text, items[-1][1])):
        # "The director is Len Wiseman, and Shay Hatten wrote it", "alongside David Leitch, and Derek Kolstad, who
        # invented it, is one of four screenwriters": only the last name is the verb's subject
        items = items[-1:]
    if not object_position and len(items) > 2:
        items = _after_a_pairs_clause(doc.text, items)
    for index, (i_start, i_end) in enumerate(items):
        if index and object_position and _CLAUSE_VERB.match(doc.text, i_end):
            return
        if index and object_position and index + 1 < len(items) and "," in doc.text[items[index - 1][1]:i_start] \
                and _AND.fullmatch(doc.text, i_end, items[index + 1][0]) \
                and _PLURAL_VERB.match(doc.text, items[index + 1][1]):
            return  # a new clause whose subject is a pair: "co-directed by A and B, and C and D are among its writers"
        if index and _POSSESSIVE_DESCRIPTION.match(doc.text, i_end) \
                and _COMMA_BEFORE.fullmatch(doc.text, items[index - 1][1], i_start):
            # "directed by Chad Stahelski, Keanu's old stunt double": an apposition, not the next name;
            # "is Len Wiseman, and Shay Hatten's script ...": a new clause, its subject the possessive
            return
        yield i_start, i_end


def _after_a_pairs_clause(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A subject's items after ", and" that follows a pair joined by a bare "and": "goes to A and B, and C wrote it" has
    C for its subject (a list of three joins its names by commas: "A, B, and C wrote it")."""
    paired = False
    for index in range(1, len(items)):
        between = text[items[index - 1][1]:items[index][0]]
        if paired and _COMMA_AND.fullmatch(between):
            return items[index:]
        paired = paired or _AND.fullmatch(between) is not None
    return items


_COMMA_AND = re.compile(r"\s*,\s*and\s+")
_POSSESSIVE_DESCRIPTION = re.compile(r"['\u2019]s?[ \t]+(?-i:[a-z])")
_AND = re.compile(r"\s+(?:and|&)\s+")
_PLURAL_VERB = re.compile(r"\s+(?:(?:\w+ly|also|again|both|still)\s+)?(?:are|were|have|share|take|join|handle)\b",
                          re.IGNORECASE)
# a singular verb after a subject's list, maybe past an aside: "..., and Derek Kolstad, who invented it, is one of"
_SINGULAR_VERB_AFTER = re.compile(r"(?:\s*,[^,;.!?\n]{1,90},)?\s+(?:\w+ly\s+)?(?:is|was|has|writes|co-writes|pens|"
                                  r"scripts|directs|co-directs|helms|plays|returns|shares|takes|joins|handles|"
                                  r"supplies|gets|makes|stars|appears)\b")
_COMMA_BEFORE = re.compile(r"\s*,\s*(?:and\s+)?")


def _raw_list_items(doc: Document, start: int, end: int, kind: int = PERSON) -> Iterator[tuple[int, int]]:
    position = start
    # (split in the layout view: "[[Derek Kolstad]] and [[Shay Hatten]]" is a list of two names)
    for piece in [*_LIST_SPLIT.split(doc.folded[start:end]), ""]:
        if not piece:
            continue
        offset = doc.folded.find(piece, position, end)
        if offset < 0:
            continue
        position = offset + len(piece)
        i_start, i_end = _trim(doc.folded, offset, offset + len(piece))
        i_start += doc.text.startswith(("#", "@"), i_start, i_end)  # "and #DavidLeitch": the tag's mark is no name's
        mention = doc.by_start.get(i_start)
        address = FORM_OF_ADDRESS.match(doc.text, i_start, i_end) if mention is None else None
        if address is not None and (named := doc.by_start.get(address.end())) is not None and named.mask & PERSON:
            mention = named  # "Mr. Michael Finch": the form of address before a known name is not part of it
        if mention is None and _LEADING_THE.match(doc.text[i_start:i_end]):
            # "the late Lance Reddick", "the Bowery King": the name after a leading "the" and one word
            inner = _LEADING_THE_WORD.match(doc.text[i_start:i_end])
            assert inner is not None
            mention = doc.by_start.get(i_start + inner.end()) or doc.by_start.get(i_start + 4)
            if mention is not None and mention.end != i_end:
                mention = None
        if mention is not None and mention.mask & kind:
            yield (mention.start, mention.end)
        elif kind == CHARACTER or mention is not None:
            continue  # a work or a character of the reference ("dir. John Wick") is nobody unknown
        elif _UNKNOWN_NAME.fullmatch(doc.text[i_start:i_end]) and _name_ok(doc.text, i_start, i_end) \
                and len(doc.text[i_start:i_end].split()) >= 2:
            yield (i_start, i_end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,;:(\"'\u201c+\u2022\u00b7*_":  # a bullet or emphasis is no evidence
        start += 1
    while end > start and text[end - 1] in " \t\n,;:(\u201c*_":
        end -= 1
    closing = text[end:end + 1]
    if (closing == '"' and text.count('"', start, end) % 2) or (closing == "\u201d" and "\u201c" in text[start:end]
                                                                and "\u201d" not in text[start:end]):
        end += 1  # 'X as "Mr. Nobody"': the quotation that opens in the evidence closes in it
    return start, end


# the franchise named as the kind of the work or as where it comes from: a work of its kind after a determiner ("an
# officially licensed John Wick game", "this John Wick spin-off"), or the franchise as a whole after a word that places
# something in it ("a side branch grown from the John Wick saga", "under the John Wick brand"), or as the owner of a
# work ("the John Wick franchise's first strategy game"); not the franchise only named ("I love the John Wick films",
# "John Wick series fans", "the opposite of the John Wick films")
_SERIES_NOUN = (r"(?:franchise|series|saga|cycle|universe|world|brand|canon|mythos|mythology|family|collection|"
                r"chain|empire|lore)")
_FRANCHISE_NAMED = re.compile(
    # (the surname alone names it too, and a possessive may stand for the article: "the most baroque Wick movie",
    # "Chad Stahelski's third John Wick picture")
    r"(?:\b(?:a|an|the|this|that|another|its|their)|[\w-]+['\u2019]s)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
    r"(?:john[ \t]+)?wick[ \t]+"
    r"(?:film|movie|picture|game|video[ \t]+game|spin-?off|prequel|sequel|entry|chapter|instal+ment|outing|show|"
    r"side-?story)\b"
    # a part's number after the name: "John Wick part 3", "John Wick pt. 2"
    r"|\bjohn[ \t]+wick[ \t]+(?:part|pt\.?|vol\.?|volume)[ \t]*(?:[1-6]|one|two|three|four|five|six)\b"
    r"|\b(?:from|of|in|into|under|within|joins?|joined|to)[ \t]+(?:the[ \t]+)?(?:(?:whole|entire|wider|larger|"
    r"extended|greater|official|ongoing|same)[ \t]+)?john[ \t]+wick[ \t]+" + _SERIES_NOUN + r"\b"
    r"|\bjohn[ \t]+wick[ \t]+" + _SERIES_NOUN + r"(?:['\u2019]s?)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
    r"(?:film|movie|game|spin-?off|prequel|sequel|entry|chapter|instal+ment|outing|show|series|venture)\b",
    re.IGNORECASE)
# the reviewed work called a sequel: "this sequel", "this 2017 sequel", "it's the sequel", "Chapter 2 is a sequel"
# (up to two words before the noun, a date's month and year too: "this February 2017 sequel"; not "this is no sequel")
_THIS_SEQUEL = re.compile(r"\bthis[ \t]+(?:(?!(?:is|was|no|not)\b)(?:(?:19|20)\d\d|[a-z-]+)[ \t]+){0,2}sequel\b"
                          r"|\b(?:it|chapter[ \t]+\w+)(?:['\u2019]s|[ \t]+is|[ \t]+was)[ \t]+(?:a|the)[ \t]+"
                          r"(?:(?:direct|straight|true|proper|worthy|bigger|rare)[ \t]+)?sequel\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d/.:-])(?:19|20)\d\d(?![\d/:]|\.\d)")


def _mention_candidates(doc: Document, rule: Rule) -> Iterator[Candidate]:
    """The mention rules, run in code: a name, a year or the franchise's name the reference lets be read as a claim
    about the reviewed work (``cast-mention``: an actor it casts; ``director-mention``, ``writer-mention``: its
    director or writer known for that job only, or someone known for it listed with them; ``year-mention``: its
    release year; ``franchise-mention``: the franchise named as its kind or source)."""
    if doc.film is None or rule.type is None:
        return
    if rule.id == "franchise-mention":
        yield from (Candidate(rule.id, rule.type, *named.span()) for named in _FRANCHISE_NAMED.finditer(doc.folded))
        if (doc.film_number or 0) >= 2:  # a numbered sequel called so: "this sequel", "Chapter 2 is a sequel"
            yield from (Candidate(rule.id, rule.type, *named.span()) for named in _THIS_SEQUEL.finditer(doc.folded))
    elif rule.id == "year-mention":
        yield from (Candidate(rule.id, rule.type, *year.span(), year=doc.film_year)
                    for year in _YEAR.finditer(doc.folded) if int(year.group()) == doc.film_year)
    elif rule.id in ("cast-mention", "director-mention", "writer-mention"):
        part = "actor" if rule.type == "cast" else "person"
        people = doc.people
        for index, mention in enumerate(people):
            if _COMPOUND_MODIFIER.match(doc.text, mention.end):
                continue  # "Boban-sized", "a Stahelski-style fight": the name qualifies a noun, it says no one is in it
            if any(e.iri in doc.film_cast if rule.type == "cast" else doc.known_crew.get(e.iri or "") == rule.type
                   for e in mention.of_kind(PERSON)) \
                    or (rule.type != "cast" and _listed_with_crew(doc, people, index, rule.type)):
                yield Candidate(rule.id, rule.type, mention.start, mention.end,
                                parts={part: [(mention.start, mention.end)]})


# a name made the first half of a compound modifier: "Boban-sized", "Keanu-level", "Stahelski-style"
_COMPOUND_MODIFIER = re.compile(r"-(?:sized?|style[ds]?|esque|like|level|type|shaped|worthy|lite|ish|tier|grade|"
                                r"inspired|adjacent|coded|core|verse|lookalike|approved)\b", re.IGNORECASE)
# names joined as one list: "Derek Kolstad, Shay Hatten and Michael Finch", "Chad Stahelski with David Leitch"
_LISTED_WITH = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|&|\+|and|plus|with|alongside|,[ \t]*plus)[ \t]*",
                          re.IGNORECASE)


def _listed_with_crew(doc: Document, people: list[Mention], index: int, job: str) -> bool:
    """Whether ``people[index]``, someone the reference knows for ``job`` only (for another work), is listed with a
    person credited with that job on the reviewed work: the list shares the job, and the credit is a false one."""
    mention = people[index]
    if not any(doc.known_jobs.get(e.iri or "") == job for e in mention.of_kind(PERSON)) \
            or _NOT_AN_ITEM.match(doc.text, mention.end):
        return False
    for step in (-1, 1):  # along the list, either way, to a person of the work's own credits
        at = index
        while 0 <= at + step < len(people):
            first, second = sorted((people[at], people[at + step]), key=lambda m: m.start)
            if not _LISTED_WITH.fullmatch(doc.text, first.end, second.start):
                break
            at += step
            if any(doc.known_crew.get(e.iri or "") == job for e in people[at].of_kind(PERSON)):
                return True
    return False


# what makes a name no list item: a possessive ("Derek Kolstad, Shay Hatten's mentor"), a relative clause of its
# own ("and Chad Stahelski, whose films are louder, produced it"), or an aside naming another part in the work
# ("Derek Kolstad (based on characters created by)")
_NOT_AN_ITEM = re.compile(r"['\u2019]s?\b|[ \t]*,[ \t]*(?:who|whose|whom|which)\b"
                          r"|[ \t]*\((?![^()\n]*\b(?:screen|script|writ|story|direct|co-direct))[^()\n]{1,60}\)",
                          re.IGNORECASE)
