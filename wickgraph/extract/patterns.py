"""Pattern rules as data (``rules.jsonl``), validated and compiled on load (run by :mod:`.matching`).

Each line of ``rules.jsonl`` is one JSON object with an ``id``:

* ``"kind": "claim"`` — a regex that states a fact; ``type`` is the claim type, ``reprise``
  marks rules whose match states a reprise (and so also a cast), and named groups carry the
  parts (``actor``, ``character``, ``person``, ``people``, ``actors``, ``from_film``, ``work``, ``year``);
* ``"kind": "mention"`` — a named heuristic run in code (``cast-mention``: an actor of the
  reviewed work named in a plain statement), listed here so filters can refer to it;
* ``"kind": "block"`` — a filter that drops candidates whose ``scope`` (``before``/``after``
  the match within its sentence; ``after`` is anchored at the match's end; the ``match`` itself,
  its ``sentence``, its ``main_clause`` (the sentence without a relative clause on a noun after the match), its
  ``line`` or, anchored, the ``next_sentence``) matches; ``types`` / ``rules``
  say which candidates it applies to. Named groups narrow it: ``ordinal`` (no block when it names the
  reviewed film's place), ``work`` (with ``unless_work_is_film``), ``other_year`` (only another work's year);
  ``unless_reviewing_a_film`` keeps a filter to reviews of a series or a game; ``unless_topic`` spares a casting
  that opens its sentence, player first, as a topic raised ("Common as Cassian?? The subway fight ..."), and
  ``unless_apposed`` one set off after its role as an apposition ("It does not give Helen, played by X, a backstory");
  ``unless_role_here`` spares a casting in a role of the reviewed work, by the reference ("I remember Willem Dafoe as
  Marcus" in a review of the film Marcus is in); ``unless_presupposed`` a possessive pairing, which a question
  presupposes rather than asks ("Was Alfie Allen's Iosef ever more hateful?"), and ``unless_rhetorical`` a candidate
  whose name a question's opening asserts: the subject of an opening negative auxiliary, which asks rather than
  denies ("Isn't X perfect as Y, ...?"), or the only answer ("Who else but X could play Y?"); ``unless_endorsed``
  spares a report the writer calls right ("Rob said that X directed it. All correct.", :mod:`.endorsements`), and
  ``unless_until`` a release a negation puts off until its date ("It did not reach theaters until February 2018").

Patterns are written over a *view* of the text in which every gazetteer name is replaced,
character for character, by a placeholder of its kind, so ``{P}`` (a person), ``{C}`` (a
character), ``{W}`` (a work) are single regex atoms and offsets stay those of the text.
``{N}`` is a capitalised name the gazetteer does not know.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from .. import regexcache
from ..errors import InputError
from .casing import lowercase_source
from .document import PLACEHOLDER_CONT, PLACEHOLDER_START, Document
from .gazetteer import CHARACTER, PERSON, WORK
from .links import default_cues

__all__ = ["ENTITY_CHARS", "FIRST_WORK", "HONORIFIC", "LIST_WORDS", "NAME_PATTERN", "VERB_AFTER", "Candidate",
           "Document", "ROLE_AS_OBJECT", "Rule", "RuleSet", "default_rules", "full_year", "load_rules"]

RULES_FILE = Path(__file__).resolve().parent / "rules.jsonl"
_START, _CONT = PLACEHOLDER_START, PLACEHOLDER_CONT
_KINDS = ("claim", "mention", "block")
_TYPES = ("director", "writer", "cast", "franchise_member", "release_year")
_SCOPES = ("before", "after", "match", "sentence", "main_clause", "line", "clause_before", "clause", "next_sentence")
_NEEDS = {"director": ("person", "people"), "writer": ("person", "people"), "cast": ("actor", "actors"),
          "release_year": ("year",), "franchise_member": ()}
_ALLOWED_KEYS = {"id", "kind", "type", "pattern", "reprise", "scope", "types", "rules", "description",
                 "work_is_film", "unless_work_is_film", "sentence_requires", "case_sensitive", "needs",
                 "requires_credit", "role_possessive", "role_article", "unless_cast", "unless_their_work",
                 "unless_year_of_other_work", "unless_reviewing_a_film", "unless_topic",
                 "unless_apposed", "unless_role_here", "unless_presupposed", "unless_rhetorical",
                 "unless_endorsed", "unless_until"}


def full_year(written: str) -> int:
    """The year ``{Y}`` matched, in full: "2017", or "'17" read as 2017 ("'98" as 1998)."""
    if written[0].isdigit():
        return int(written)
    short = int(written[1:])
    return 2000 + short if short < 50 else 1900 + short


def _slot(bit: int) -> str:
    starts = "".join(chr(_START + m) for m in range(1, 8) if m & bit)
    conts = "".join(chr(_CONT + m) for m in range(1, 8) if m & bit)
    every_cont = "".join(chr(_CONT + m) for m in range(1, 8))
    # the negative lookahead keeps a name whole: regex backtracking must not cut "Cassian" to "Cassia"
    return f"[{starts}][{conts}]*(?![{every_cont}])"


ENTITY_CHARS = f"\\u{_START:04x}-\\u{_CONT + 7:04x}"  # the placeholders of names in a view, as a class range
# the placeholder characters of a name that may be a person's
_PERSON_CHARS = "".join(chr(base + m) for base in (_START, _CONT) for m in range(1, 8) if m & PERSON)
_NAME_WORD = r"[A-Z][a-zA-Z'\-]*[a-zA-Z]"
# the cue list person-describer's words as they open a sentence ("Newcomer"): no unknown name starts with one
# and neither does a word that stands before a name (cue list before-a-name: "Imagine Tom Hardy as Zero")
_DESCRIBER = "(?:" + "|".join(re.escape(w.capitalize()) for w in
                              sorted(default_cues()["person-describer"] | default_cues()["before-a-name"])) + ")"
# a form of address that opens a name and belongs to it ("plays Mr. Chow", "as Madame Lin"; newroles.py too)
HONORIFIC = "(?:" + "|".join(re.escape(w.capitalize()) for w in
                              sorted(default_cues()["honorific"], key=lambda w: (-len(w), w))) + ")"
# a finite verb right after a name, the name being its subject: "as Caine watches", "as Charon is shot", after an
# adverb of time ("the girl Winston once trained"); not a word that only ends like one ("as", "perhaps", "instead"),
# nor an adjective in -ed that describes the name ("plays Viggo unhinged"), nor a noun in -ss ("the Russian boss")
VERB_AFTER = (r"\s+(?:(?:once|never|always|still|later|first|just|so|barely|then)\s+)?"
              r"(?:is|was|are|were|has|had|does|did|"
              r"(?!(?:this|his|hers|its|us|thus|yes|less|plus|himself|herself|as|unless|perhaps|sometimes|besides"
              r"|towards|afterwards|across|versus|whereas|instead|indeed|unhinged|restrained|reserved|subdued"
              r"|understated|unchanged|haunted|hardened|measured|muted|relaxed|detached|possessed|deranged|crazed"
              r"|determined|focused|committed|wounded|tired|bored|weathered|grizzled|aged)\b)"
              r"(?-i:[a-z]+(?<!s)s|[a-z]{2,}ed))\b")
# the words that join the items of a list of names ("A and B", "A alongside B", a translation's "A y B")
LIST_WORDS = r"and|y|und|et|plus|along\s+with|together\s+with|alongside"

# a role as the object of another verb, right before it: a participle after a noun ("the woman guarding Santino") or
# a relative clause's verb ("who shoots Santino"); not a casting word ("the man playing Santino", "who plays him"),
# nor a saying's or a belief's, whose that-clause the role opens ("who says the Sommelier is X")
_CASTING_WORDS = sorted(w for w in default_cues()["role-cue"] | default_cues()["reprise-cue"] if w.isalpha())
_CLAUSE_VERBS = ("being|introducing|meeting|featuring|starring|including|casting|saying|thinking|claiming|insisting|"
                 "says|said|thinks|thought|claims|claimed|insists|insisted|knows|knew|believes|believed|reckons|"
                 "reckoned")
ROLE_AS_OBJECT = (rf"(?:\b(?i:the|a|an)[ \t]+(?-i:[a-z]+)[ \t]+|\b(?i:who|that|which)[ \t]+)"
                  rf"(?!(?:{'|'.join(_CASTING_WORDS)}|{_CLAUSE_VERBS})\b)(?-i:[a-z]{{2,}}(?:ing|s|ed))[ \t]+")

_MACROS = {
    "VERBAFTER": VERB_AFTER,
    "ROLEOBJECT": ROLE_AS_OBJECT,
    "P": _slot(PERSON),
    "C": _slot(CHARACTER),
    "W": _slot(WORK),
    # an unknown name does not start with a word that describes the person ("Newcomer Tom Novak plays ...")
    # (a lone capitalised -ing or -ed word is a participle that opens a sentence, "Returning as Winston is X",
    # "Identified as Viggo Tarasov", not a name;
    # nor is a pronoun's contraction, "He's playing the Elder")
    "N": (rf"(?-i:(?:{HONORIFIC}\.?[ ](?={_NAME_WORD}))?(?!{_DESCRIBER}\b)(?![A-Z][a-z]+ing\b(?![ ][A-Z]))"
          r"(?![A-Z][a-z]{4,}ed\b(?![ ][A-Z]))"
          r"(?!(?:He|She|It|They|We|You|I|That|There|Here|What|Who|Let)['\u2019])"
          # a job title is no name: "ALBERT HUGHES (Director, Executive Producer)"
          r"(?!(?:Executive[ ]|Associate[ ]|Co-)?(?:Producer|Writer|Director|Editor|Composer|Showrunner)s?\b)"
          rf"{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|de|da|del|van|von|la|le|al|Al)){{0,3}})"),
    "E": f"[{ENTITY_CHARS}]",
    "NE": f"[^{ENTITY_CHARS}]",
    # a year, or its last two digits after an apostrophe ("came out in '17"; not a decade: "'90s")
    "Y": r"(?P<year>(?:19[5-9]\d|20[0-4]\d)|['\u2019]\d\d(?![\w'\u2019]))",
    "THE": r"(?:the\s+)?",
    "YOUNG": r"(?:(?:the\s+|a\s+)?(?:young(?:er)?|older|teenage|elderly|adult|grown-up|aging|ageing)\s+)?",
    "PRON": r"(?:his|her|their)",
    # what follows a negation word when the phrase counts, adds or praises instead of negating (a litotes):
    # "no fewer than", "not only", "not to mention", "not for the first time", "don't forget that", "no denying",
    # "never (been) better", "never disappoints", "no stranger to", "no slouch", "no trouble selling",
    # "can do no wrong", "no less tense"
    "LITOTES": (r"\s+(?:fewer|less|more)\s+than\b|\s+(?:only|just|least|doubt|surprisingly)\b|\s+to\s+mention\b"
                r"|\s+for\s+the\s+first\s+time\b"
                # a negated verb or noun of doubting, hiding or forgetting affirms what it governs: "don't forget
                # that", "there is no denying", "it is no secret", "make no mistake", "no wonder", "can't ignore"
                r"|\s+(?:\w+\s+)?(?:forget|overlook|ignore|deny|denying|question|secret|mistake|wonder)\b"
                r"|[\s-]+(?:\w+\s+)?(?:(?:been|looked|sounded|seemed)\s+)?(?:better|finer|funnier|scarier|stronger|sharper)\b"
                r"|\s+(?:disappoints?|disappointed|falters?|faltered|wavers?|wavered)\b|\s+(?:stranger|slouch)\b"
                r"|\s+(?:trouble|problem|difficulty)\s+\w+ing\b|\s+wrong\b"
                # "is no less menacing for it", "not less impressive": a comparison that affirms
                r"|\s+less\s+(?!than\b)[a-z]+\b"),
    # after a modal, a verb by which the writer asserts what follows (a hedge on the telling, not on the told):
    # "one might note that", "I may report that", "we could tell you", "it may be argued"
    "ASSERTING": (r"\s+(?:well\s+|also\s+|here\s+)?(?:note|notice|argue|observe|say|add|mention|suggest|recall"
                  r"|point\s+out|remark|describe|call|report|confirm|state|admit|confess|tell\s+you"
                  r"|be\s+(?:said|argued|noted|observed|called))\b"),
    # descriptive words before a known character: "as his daughter Akira", "as the villainous Marquis"
    # (or another character's: "as Viggo's brother Abram")
    "DESC": (r"(?:(?:his|her|their|the|a|an|{E}+['\u2019]s)\s+"
             r"(?:(?!(?:of|for|to|in|and|with|from|like|by|as|at|on)\b)[a-z][a-z-]*\s+){1,2}?(?={C}))?"),
    # "the title assassin", "the protagonist", a learner's "Main role plays X": the character the work is named after
    # (a telegram drops the article: "REEVES PLAYS TITLE ROLE"); not its possessive ("the title character's mentor")
    "TITLE": (r"(?P<title_role>(?:the\s+)?(?:title|titular|eponymous)\s+"
              r"(?:character|role|part|assassin|hitman|hit\s+man|killer|hero|heroine|antihero|ballerina)"
              r"|the\s+(?:protagonist|main\s+character)|(?:(?<=^)|(?<=[.!?:;]\s))main\s+role)\b(?!['\u2019]s\b)"),
    # an apposition that describes the name before it and names no one: "Chow, the hotel's cook, is played by" (but
    # the other end of a relation, "Santino, the brother of Gianna, is played by X", and a nickname in quotation marks,
    # which the view blanks, 'Charlie, the body-disposal "cleaner", played by X'; not a second role, "Viggo, his son
    # Iosef, played by X")
    "APPOS": (rf"(?:,\s+(?:the|a|an|his|her|their|its)\s+(?:[^,.;:!?\n()\"{ENTITY_CHARS}]|(?<=\bof\s)[{ENTITY_CHARS}]+"
              rf"|(?<=\s\s)[{ENTITY_CHARS}]+(?=\s,)){{1,50}}?,)"),
    # epithets in a row that name no one, as verse and mannered prose put them after a role: "Viggo, weary, wise,",
    # "Marcus, sniper, friend or foe,"
    "EPITHETS": rf"(?:(?:,\s+[^,.;:!?\n()\"{ENTITY_CHARS}]{{1,40}}?){{1,3}},)",
    # a dashed or bracketed aside that names no player: "Young Eve — a girl of ten in a grey cardigan — is played by"
    # (not a role alone between the dashes, as a trading card's 'RARE - "SOFIA" - played by' has it)
    # (the view writes every dash as "-")
    "ASIDE": (rf"(?:\s+-{{1,2}}\s+(?![\s\"\u201c']*{{C}}[\s\"\u201d']*-)[^\n{_PERSON_CHARS}]{{1,120}}?\s+-{{1,2}}"
              rf"|\s*\([^()\n{_PERSON_CHARS}]{{1,120}}\))"),
    # the seat of the director's job: "at the helm", "behind the camera", "in the director's chair"
    "SEAT": (r"(?:(?:at|behind)\s+the\s+(?:helm|camera|megaphone|lens|controls|wheel)\b(?!\s+of\b)"
             # the chair, or the chairs of two who share it: "A and B back in the director chairs", "X in the
             # co-director's chair"
             r"|in\s+the\s+(?:co-?)?(?:director['\u2019]s|directors['\u2019]?|director|directing)\s+chairs?)"),
    # what follows the year on a listing's facts line: a certificate, or up to two fields set off by bars or dots
    # ("Dir. Chad Stahelski", "Len Wiseman"), then a running time or a series' kind
    "FACTSTAIL": (r"[ \t]*[|\u00b7\u2022,/\u2013\u2014-][ \t]*"
                  r"(?:(?:PG-13|PG|NC-17|[GRU]|12A?|15|18|TV-MA|TV-14|Unrated)"
                  r"[ \t]*[|\u00b7\u2022,/\u2013\u2014-][ \t]*"
                  r"|(?:[^|\u00b7\u2022\n]{1,40}[ \t]*[|\u00b7\u2022][ \t]*){1,2})?"
                  r"(?:\d{2,3}[ \t]*(?:min|mins|minutes)\b"
                  r"|\d[ \t]*h(?:rs?)?[ \t]*\d{1,2}[ \t]*m(?:in)?\b|(?:limited\s+|mini-?|tv\s+|television\s+)?series\b"
                  r"|miniseries\b|\d{1,2}\s+episodes?\b|season\s+\d)"),
    # a share of a series or a long film: "the first and third nights", "two episodes", "the middle one"
    "PARTS": (r"(?:(?:the\s+)?(?:(?:first|second|third|fourth|fifth|sixth|last|final|middle|opening|closing|other|"
              r"two|three|four|five|six|\d)\s*(?:,|and|&|,\s*and)?\s*){1,4}"
              r"(?:nights?|episodes?|parts?|chapters?|instal?lments?|ones?)\b(?!\s+of\b)"
              # the noun first: "nights one and three", "episode 2"
              r"|(?:nights?|episodes?|parts?)\s+(?:(?:one|two|three|four|five|six|\d)(?:\s*(?:,|and|&|,\s*and)\s*)?){1,4}"
              r"(?![\w-])"
              # a half of the work: "directed the back half", "the latter half of it"
              r"|(?:the\s+)?(?:first|second|back|front|latter|last|other)\s+half\b(?:\s+of\s+it\b)?)"),
    # a first predicate the credit verb is joined to: "A and B are the showrunners and wrote it"
    "COPRED": (r"(?:\s+(?:is|are|was|were)\s+(?:the\s+|also\s+|both\s+)?(?:[a-z][\w'-]*\s+){0,2}?"
               r"(?:showrunners?|producers?|creators?|stars?|leads?|actors?|bosses|team|duo|pair|brains)\s+and)?"),
    "CLAUSE": rf"[^.!?;:\n{ENTITY_CHARS}]{{1,110}}?",
    # a few words before "as", none of them "as" ("X fights as well as Caine" is a comparison)
    "GAP": rf"(?:(?!as\s)[^\s.!?;:,\n\"{ENTITY_CHARS}]+\s+){{1,4}}?",
    # "A, B and C", "A & B", "A + B", and "and" in a language mixed in ("A y B", "A und B", "A et B")
    # ... and "plus", "along with", "together with" in a credit's list ("Derek Kolstad along with A, B and C")
    "LISTSEP": rf"(?:\s*,\s*(?:and\s+|plus\s+)?|\s+(?:{LIST_WORDS})\s+|\s*[&+]\s*)",
    # the nouns for the franchise as a whole: "the John Wick saga", "the fourth entry in the cycle"
    "SERIES": r"(?:franchise|series|saga|cycle)",
    "FIRSTWORK": r"(?:first|original)\s+(?:film|movie|one|chapter|instal?lment|entry)",
    # not right after what names the reviewed work by another one: "The sequel to John Wick, came out in 2017" dates
    # the sequel
    "NOTSEQUELTO": (r"(?<!\bsequel to )(?<!\bprequel to )(?<!\bfollow-up to )(?<!\bfollowup to )"
                    r"(?<!\bsuccessor to )(?<!\bspin-off of )(?<!\bspinoff of )"),
    # the work a known actor is known from, between the actor and the verb: "X from The Walking Dead", "X, of Lost
    # fame," (after a known name only: "Daryl from The Walking Dead" is that show's character)
    "KNOWNFROM": (rf"(?:(?<=[{ENTITY_CHARS}]),?\s+(?:from|of)\s+(?:the\s+)?(?-i:[A-Z][\w'\u2019-]*)"
                  r"(?:\s+(?:(?-i:[A-Z][\w'\u2019-]*)|of|the|and)){0,4}"
                  r"(?:\s+fame)?(?=\s*,|\s+(?:plays|played|portrays|voices|is|was|stars|returns)\b),?)?"),
    # a description that introduces the name after it: "played by an Italian actor, X", "a man named X", "by a X",
    # and a job before the names: "go to showrunners A and B", "by screenwriter X", "by the stuntman duo A and B"
    "INTRO": (r"(?:(?:an?|one|some)\s+(?:(?:certain|[A-Za-z-]+)\s+){0,2}?(?:actor|actress|performer|director|"
              r"filmmaker|writer|screenwriter|man|woman|guy|gentleman|lady|fellow|bloke|chap)\s*,?\s+"
              rf"(?:(?:named|called)\s+)?|(?-i:a|one)\s+(?=(?-i:[A-Z][a-z])|[{ENTITY_CHARS}])"
              # ... any noun, when a name follows it: "a stuntman named X", "a Swede called X"
              r"|(?:an?|one)\s+(?:[A-Za-z-]+\s+){1,3}?(?:named|called)\s+"
              # ... with a title of two words at most before it: "by former stunt coordinator X", "by newcomer X",
              # "series creator X"
              r"|(?:the\s+)?(?:[A-Za-z-]+\s+){0,2}?(?:showrunners?|screenwriters?|writers?|directors?|filmmakers?|"
              r"producers?|(?:co-)?creators?|stuntm[ae]n|coordinators?|choreographers?|newcomers?|veterans?|first-timers?|debutants?|"
              rf"duo|pair|team)\s+(?=(?-i:[A-Z])|[{ENTITY_CHARS}])"
              # ... or any short description with a determiner before a name the reference knows: "by his old stunt
              # double X", "by their longtime collaborator X", "by the one and only X"
              # (a company's name with digits among the words: "with his old 87Eleven partner X")
              rf"|(?:the|his|her|their|its)\s+(?:[A-Za-z0-9-]+\s+){{1,3}}?(?=[{ENTITY_CHARS}]))?"),
}
# "reprising his role from the first film": the franchise's first work, named by its place
NAME_PATTERN = _MACROS["N"]  # a capitalised name the gazetteer does not know
FIRST_WORK = re.compile(r"(?:first|original)\s+(?:film|movie|one|chapter|instal?lment|entry)", re.IGNORECASE)
_MACRO_KIND = {"P": PERSON, "C": CHARACTER, "W": WORK}
_MACRO_REF = re.compile(r"\{([A-Z]+)\}")


@dataclass(frozen=True)
class Rule:
    """One validated line of ``rules.jsonl``."""

    id: str
    kind: str
    source: str | None  # the pattern with its placeholders expanded; compiled on first use
    mask: int
    type: str | None = None
    reprise: bool = False
    scope: str | None = None
    types: frozenset[str] = frozenset()
    rules: frozenset[str] = frozenset()
    work_is_film: bool = False
    unless_work_is_film: bool = False
    unless_reviewing_a_film: bool = False  # a filter for a series or a game only: "in the films" is other works then
    unless_topic: bool = False  # not for a casting that opens its sentence, player first ("Common as Cassian?? ...")
    unless_apposed: bool = False  # not for a casting set off after its role ("Helen, played by X, ...")
    unless_role_here: bool = False  # not for a role of the reviewed work ("I remember Willem Dafoe as Marcus")
    unless_presupposed: bool = False  # not for a possessive pairing ("Was Alfie Allen's Iosef ever more hateful?")
    unless_rhetorical: bool = False  # not for a name a question's opening asserts ("Who else but X could play Y?")
    unless_endorsed: bool = False  # not for a report the writer calls right ("Rob said X directed it. All correct.")
    unless_until: bool = False  # not for a release put off until its date ("It did not reach theaters until 2018")
    sentence_requires: re.Pattern[str] | None = None  # must match the match's sentence or the one before it
    needs: tuple[str, ...] = ()  # lower-case substrings, one of which the text must contain (a cheap pre-check;
    # for a filter, the candidate's sentence and line)
    # The same regex over the lower-cased view without IGNORECASE: sre then skips ahead to the
    # rule's first characters in C, which IGNORECASE prevents. None for rules that need case ({N}).
    fast: re.Pattern[str] | None = None
    fast_needs_boundary: bool = False  # the fast regex lost a leading \b; check it in Python
    requires_credit: str | None = None  # "director": the person must be credited so on the reviewed work
    role_possessive: bool = False  # the role may stand in the possessive: "steps back into Winston's shoes"
    role_article: bool = False  # a role the reference does not know may take an article: "The Tailor, played by X"
    unless_cast: bool = False  # the person must not be one of the work's players ("the Director" is a role)
    # the possessed title must not be the person's work: the reviewed one's director or writer ("Len Wiseman's
    # Ballerina"), or a work they star in that shares its name with a role ("Ana de Armas' Ballerina" in Parabellum)
    unless_their_work: bool = False
    unless_year_of_other_work: bool = False  # "the 2014 film" in a review of Chapter 4 names the first film
    flags: int = int(re.IGNORECASE | re.MULTILINE)
    twin_source: str | None = None  # a block rule's pattern in lower case, for searching the lower-cased view

    @property
    def regex(self) -> re.Pattern[str] | None:
        """The rule's pattern over the view, compiled once per process when first needed (most claim rules
        only ever run their ``fast`` lower-case variant, so start-up compiles half as much)."""
        return None if self.source is None else _compiled(self.source, self.flags)

    @property
    def twin(self) -> re.Pattern[str] | None:
        """A block rule's lower-case twin (:func:`wickgraph.extract.casing.lowercase_twin`): it finds over
        :meth:`Document.twin_view` what :attr:`regex` finds over the view, several times faster."""
        return None if self.twin_source is None else _compiled(self.twin_source, self.flags & _CASE_SENSITIVE)

    def applies_to(self, candidate: Candidate) -> bool:
        if not self.types and not self.rules:
            return True
        return candidate.type in self.types or candidate.rule in self.rules


_CASE_SENSITIVE = ~int(re.IGNORECASE)


@cache
def _compiled(source: str, flags: int) -> re.Pattern[str]:
    # rules run over whole reviews: let the engine skip to the characters a match can start with
    return regexcache.compile(source, flags, skip_to_start=True)


@dataclass(frozen=True)
class RuleSet:
    """Claim, mention and block rules, in file order."""

    claims: tuple[Rule, ...]
    mentions: tuple[Rule, ...]
    blocks: tuple[Rule, ...]
    # (claim type, rule id) -> the block rules that apply to such a candidate, found on first use
    _applicable: dict[tuple[str, str], tuple[Rule, ...]] = field(init=False, default_factory=dict, repr=False,
                                                                 compare=False)

    def blocks_for(self, candidate: Candidate) -> tuple[Rule, ...]:
        """The block rules that apply to ``candidate`` (:meth:`Rule.applies_to`), in file order."""
        key = (candidate.type, candidate.rule)
        found = self._applicable.get(key)
        if found is None:
            found = self._applicable[key] = tuple(b for b in self.blocks if b.applies_to(candidate))
        return found


@dataclass
class Candidate:
    """A rule's match before resolution: claim type, evidence span and the spans of its parts."""

    rule: str
    type: str
    start: int
    end: int
    reprise: bool = False
    parts: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    year: int | None = None


def _expand(pattern: str) -> tuple[str, int]:
    mask = 0

    def substitute(match: re.Match[str]) -> str:
        nonlocal mask
        name = match.group(1)
        if name not in _MACROS:
            raise KeyError(name)
        mask |= _MACRO_KIND.get(name, 0)
        return _MACROS[name]

    expanded = pattern
    for _ in range(3):  # macros may use macros
        expanded = _MACRO_REF.sub(substitute, expanded)
    return expanded, mask


def load_rules(path: str | Path = RULES_FILE) -> RuleSet:
    """Read and validate ``rules.jsonl``; a bad line raises InputError naming the file and line."""
    path = Path(path)
    claims: list[Rule] = []
    mentions: list[Rule] = []
    blocks: list[Rule] = []
    seen: set[str] = set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue

        def fail(message: str, lineno: int = lineno) -> InputError:
            return InputError(message, filename=str(path), lineno=lineno)

        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise fail(f"not a JSON object: {error.msg}") from None
        if not isinstance(data, dict):
            raise fail("each line must be a JSON object")
        rule_id = data.get("id")
        if not isinstance(rule_id, str) or not rule_id:
            raise fail("rule without an 'id'")
        if rule_id in seen:
            raise fail(f"duplicate rule id {rule_id!r}")
        seen.add(rule_id)
        unknown = set(data) - _ALLOWED_KEYS
        if unknown:
            raise fail(f"rule {rule_id!r}: unknown keys {sorted(unknown)}")
        kind = data.get("kind")
        if kind not in _KINDS:
            raise fail(f"rule {rule_id!r}: 'kind' must be one of {', '.join(_KINDS)}")
        regex: re.Pattern[str] | None = None
        expanded, mask, flags = None, 0, int(re.IGNORECASE | re.MULTILINE)
        fast: re.Pattern[str] | None = None
        boundary = False
        if kind != "mention":
            pattern = data.get("pattern")
            if not isinstance(pattern, str) or not pattern:
                raise fail(f"rule {rule_id!r}: missing 'pattern'")
            try:
                expanded, mask = _expand(pattern)
                # a plain int: RegexFlag's operators run in Python, and rules read their flags for every lookup
                flags = int((0 if data.get("case_sensitive") else re.IGNORECASE) | re.MULTILINE)
                if kind == "claim" and not data.get("case_sensitive"):
                    fast, boundary = _fast_variant(expanded)
                # validate now; a claim rule with a fast variant compiles its full pattern only if ever needed
                regex = fast if fast is not None else _compiled(expanded, flags)
            except KeyError as error:
                raise fail(f"rule {rule_id!r}: unknown placeholder {{{error.args[0]}}}") from None
            except re.error as error:
                raise fail(f"rule {rule_id!r}: bad regex: {error}") from None
        sentence_requires = None
        if data.get("sentence_requires"):
            try:
                sentence_requires = regexcache.compile(data["sentence_requires"], re.IGNORECASE)
            except re.error as error:
                raise fail(f"rule {rule_id!r}: bad 'sentence_requires' regex: {error}") from None
        needs = data.get("needs", [])
        if not isinstance(needs, list) or not all(isinstance(n, str) and n and n == n.lower() for n in needs):
            raise fail(f"rule {rule_id!r}: 'needs' must be a list of non-empty lower-case strings")
        if kind in ("claim", "mention"):
            claim_type = data.get("type")
            if claim_type not in _TYPES:
                raise fail(f"rule {rule_id!r}: 'type' must be one of {', '.join(_TYPES)}")
            if regex is not None and _NEEDS[claim_type] and not set(_NEEDS[claim_type]) & set(regex.groupindex):
                raise fail(f"rule {rule_id!r}: a {claim_type} rule needs a group named "
                           f"{' or '.join(_NEEDS[claim_type])}")
            rule = Rule(rule_id, kind, expanded, mask, type=claim_type, reprise=bool(data.get("reprise")),
                        work_is_film=bool(data.get("work_is_film")), sentence_requires=sentence_requires,
                        needs=tuple(needs), fast=fast, fast_needs_boundary=boundary,
                        requires_credit=data.get("requires_credit"), flags=flags,
                        role_possessive=bool(data.get("role_possessive")), role_article=bool(data.get("role_article")),
                        unless_cast=bool(data.get("unless_cast")),
                        unless_their_work=bool(data.get("unless_their_work")),
                        unless_year_of_other_work=bool(data.get("unless_year_of_other_work")))
            if rule.work_is_film and regex is not None and not {"work", "ordinal"} & set(regex.groupindex):
                raise fail(f"rule {rule_id!r}: 'work_is_film' needs a group named work or ordinal")
            (claims if kind == "claim" else mentions).append(rule)
        else:
            scope = data.get("scope")
            if scope not in _SCOPES:
                raise fail(f"rule {rule_id!r}: 'scope' must be one of {', '.join(_SCOPES)}")
            types, rules = data.get("types", []), data.get("rules", [])
            if not isinstance(types, list) or not isinstance(rules, list):
                raise fail(f"rule {rule_id!r}: 'types' and 'rules' must be lists")
            blocks.append(Rule(rule_id, kind, expanded, mask, scope=scope, types=frozenset(types),
                               rules=frozenset(rules), unless_work_is_film=bool(data.get("unless_work_is_film")),
                               unless_reviewing_a_film=bool(data.get("unless_reviewing_a_film")),
                               unless_topic=bool(data.get("unless_topic")),
                               unless_apposed=bool(data.get("unless_apposed")),
                               unless_role_here=bool(data.get("unless_role_here")),
                               unless_presupposed=bool(data.get("unless_presupposed")),
                               unless_rhetorical=bool(data.get("unless_rhetorical")),
                               unless_endorsed=bool(data.get("unless_endorsed")),
                               unless_until=bool(data.get("unless_until")),
                               sentence_requires=sentence_requires, flags=flags, needs=tuple(needs),
                               twin_source=lowercase_source(expanded) if expanded and flags & re.IGNORECASE else None))
    known = {r.id for r in claims + mentions}
    for block in blocks:
        missing = block.rules - known
        if missing:
            raise InputError(f"block rule {block.id!r} names unknown rules {sorted(missing)}", filename=str(path))
    return RuleSet(tuple(claims), tuple(mentions), tuple(blocks))


def _fast_variant(expanded: str) -> tuple[re.Pattern[str] | None, bool]:
    """A copy of a rule for lower-cased text, compiled without IGNORECASE, when lower-casing is safe
    (not for rules where case matters, such as those with an unknown capitalised name {N})."""
    boundary = expanded.startswith("\\b")
    lowered = lowercase_source(expanded[2:] if boundary else expanded)
    if lowered is None:
        return None, False
    try:
        return regexcache.compile(lowered, re.MULTILINE, skip_to_start=True), boundary
    except re.error:
        return None, False


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The package's rules, loaded and compiled once per process."""
    return load_rules(RULES_FILE)
