"""What lies between an actor and a role: the words that link them, and the cue lists those words come from.

A *gap* is the text between two mentions. :func:`forward_link` says whether a gap joins an actor to
the role after it ("X, as Santino's mute enforcer Ares", "X plays a tracker known only as Y"),
:func:`backward_link` whether it joins a role to the actor after it ("Y, his sister, is brought to
life by X", "The role of Y goes to X", "Y (a sly, blind X)"). Cue lists are data (``cues.json``,
each with an id and the phenomenon it covers), validated on load.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path

from .. import regexcache
from .gapwords import infinitive_cues, paired_predicate, without_repetition
from .layout_words import MATCHING_DOTS
from .wordlists import WordLists, load_word_lists

__all__ = ["AFTER_CONTRACTED_IS", "APPOSITION_CLOSED_BEFORE", "ASIDE_END", "APPOSITION", "CUES_FILE", "Cues",
           "aside_length", "backward_link", "default_cues", "elided_link", "forward_link", "gap_words",
           "in_relative_clause", "is_possessive", "load_cues", "only_layout", "owned_role", "relation_role"]

CUES_FILE = Path(__file__).resolve().parent / "cues.json"
_REQUIRED = ("role-cue", "role-filler", "description-stop", "reprise-cue", "list-separator", "passive-cue",
             "pronoun-role", "possessive-work", "credit-label", "returning-group", "passive-verb", "role-transfer",
             "role-noun", "naming-cue", "strict-cue", "person-describer", "before-a-name", "relation-noun",
             "retainer-noun", "world-name")
_WORD = re.compile(r"[\w'\u2019-]+|[^\w\s]+")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")
_MAX_LINK_WORDS = 8  # a longer gap is more often two clauses than one link

Cues = WordLists


def load_cues(path: str | Path = CUES_FILE) -> Cues:
    """Read and validate the cue lists; a bad entry raises InputError naming the file and the id."""
    return load_word_lists(path, _REQUIRED, noun="cue list")


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    """The package's cue lists, loaded once per process."""
    return load_cues(CUES_FILE)


@lru_cache(maxsize=4)
def relation_role(cues: Cues) -> re.Pattern[str]:
    """"as Viggo's brother", "plays the Chancellor's right-hand man": a role described by whose it is (a relation
    or retainer noun after a possessive and at most two describing words), ending the clause."""
    nouns = sorted(cues["relation-noun"] | cues["retainer-noun"], key=lambda w: (-len(w), w))  # same in every process
    alternation = "|".join(r"\s+".join(re.escape(part) for part in noun.split()) for noun in nouns)
    return regexcache.compile(r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}?(?:" + alternation + r")\b"
                              r"(?=\s*(?:[.;:!?,)\n]|\s+(?:and|but|for|in|who|with|doing|as)\b|$))", re.IGNORECASE)


def is_possessive(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by a possessive ("Viggo's", "Huston'"), not by a
    contracted "is" ("Winston's still Ian McShane", "Caine's back")."""
    return _POSSESSIVE_MARK.match(text, end, end + 2) is not None \
        and _CONTRACTED_IS.match(text, end, end + 16) is None


_POSSESSIVE_MARK = re.compile(r"['\u2019]s?\b|['\u2019](?=\s)")
# (or in square brackets: an editor's or a pronunciation's insertion, "Willem Dafoe [WIL-um duh-FOH] is Marcus")
_LEADING_ASIDE = re.compile(r"^\s*(?:\([^()\n]{0,80}\)|\[[^\[\]\n]{0,80}\])")
# the words after which a name's "'s" is "is", not a possessive: "Caine's back", "Halle Berry's in there too"
AFTER_CONTRACTED_IS = (r"still|again|back|now|also|always|never|not|here|there|once|played|voiced|portrayed|in|on|at|"
                       r"too|really|finally|just|even|playing|been|got")
_CONTRACTED_IS = re.compile(rf"['\u2019]s\s+(?:{AFTER_CONTRACTED_IS})\b", re.IGNORECASE)


def aside_length(text: str, end: int) -> int:
    """The length of an aside set off by commas or brackets right after the name ending at ``end`` (", best known as
    ...,", "(Theon in Game of Thrones, ...)"): it describes the person and does not count against the distance to
    their role."""
    aside = _ASIDE_AFTER_NAME.match(text, end) or _BRACKETS_AFTER_NAME.match(text, end)
    return aside.end() - end if aside else 0


def gap_words(gap: str) -> list[str]:
    """The lower-cased words and punctuation runs of a gap, with typographic apostrophes made plain."""
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(gap)]


def only_layout(gap: str, cues: Cues) -> bool:
    """A gap of list layout alone ("Keanu Reeves | John Wick", "Clancy Brown ... Harbinger")."""
    words = gap_words(gap)
    return "\n" not in gap and bool(words) and all(w in cues["list-separator"] for w in words)


_AGE_WORDS = frozenset({"young", "younger", "old", "older", "teenage", "teen", "little", "baby"})
_ARTICLES = frozenset({"a", "an", "the"})


# a participle clause closing the gap that takes up the role again: ", reprising his role as "
_REPRISING_CLAUSE = re.compile(r",\s+(?:once\s+again\s+|again\s+)?(?:reprising|resuming|returning\s+to)\s+"
                               r"(?:his|her|their)\s+(?:role|part)\s+as\s+\Z", re.IGNORECASE)


# verbs by which a player gets a part that is then named in apposition ("landed the best part, Caine,"; not "loves
# the part, Winston says")
_GIVEN_THE_PART = frozenset({"gets", "got", "get", "lands", "landed", "takes", "took", "has", "had", "nabs", "nabbed",
                             "snags", "snagged", "wins", "won", "inherits", "inherited", "scores", "scored"})


def forward_link(gap: str, cues: Cues) -> bool:
    """Whether ``gap`` joins the actor before it to the role after it."""
    if "\n" in gap or MATCHING_DOTS.search(gap):
        return False
    # "Keanu Reeves (59) as ...", "Reeves himself, wounded and mostly silent, is John Wick"
    stripped = _LEADING_ASIDE.sub("", gap)
    unapposed = APPOSITION.sub(" ", stripped, count=1)
    if gap_words(unapposed):  # ", cast as the cult's leader, the Chancellor": the apposition may hold the cue
        stripped = unapposed
    words = gap_words(stripped)
    if not words:
        return False
    if _ALIAS.fullmatch(gap):
        return True  # "Ana de Armas, aka Rooney,": the role as the actor's other name
    if _REPRISING_CLAUSE.search(gap) and not _SENTENCE_BREAK.search(gap):
        return True  # "X is, naturally, your guide for the whole trip, reprising his role as Y": the participle's
        # subject is the sentence's, whatever the predicate before it
    if all(w in cues["list-separator"] for w in words):
        return True  # "Clancy Brown ... Harbinger", "Keanu Reeves | John Wick"
    if words[-1] in _AGE_WORDS and all(w in cues["list-separator"] for w in words[:-1] if w not in _ARTICLES) \
            and any(w in cues["list-separator"] for w in words[:-1]):
        return True  # "Colin Woodell = young Winston Scott", "Ayomide Adegun — a young Charon"
    if _SENTENCE_BREAK.search(stripped) or _VERB_THEN_COMMA.search(gap):
        return False  # "the friend Halle Berry plays, owes John a marker": the verb's object came before
    if _CONTRACTED_IS.match(stripped):
        words = ["is", *words[1:]]  # "Halle Berry's in there too, as Sofia": the "'s" is "is"
    elif words[0] in ("'s", "'") or stripped.startswith(("'s ", "\u2019s ", "' ", "\u2019 ")):
        return _possessed_role(words[1:], cues)
    words = [w for w in words if w not in (",", "\u2014", "\u2013", "-", "--", "(")]
    words = infinitive_cues(paired_predicate(words, cues))
    # "X plays Y", "the role of Y", "gets the showiest part: Y"
    last_cue = max((i for i, w in enumerate(words) if w in cues["role-cue"] or
                    (w in ("of", "to", ":") and i and words[i - 1] in cues["role-noun"])
                    # "X is the specimen for Y", "X was the perfect face for Y": the copula equates the two
                    or (w == "for" and i >= 3 and words[i - 1] in cues["role-noun"] and "the" in words[i - 3:i - 1]
                        and words[max(0, i - 4):i - 2][:1] in (["is"], ["was"]))), default=None)
    if last_cue is None and words and words[-1] in ("role", "part", "character") and stripped.rstrip().endswith(",") \
            and _GIVEN_THE_PART.intersection(words):
        last_cue = len(words) - 1  # "gets the villain role, the Marquis": the role named in apposition to its noun
    if last_cue is None or (words[last_cue] == "as" and "as" in words[max(0, last_cue - 3):last_cue]):
        return False  # "X is as menacing as Santino": a comparison
    if _named(words, last_cue, cues):
        return True
    if words[last_cue] == "whose" and len(words) - last_cue > 2:
        return False  # "X, whose weary John" owns the role; "X, whose marker drags John" owns the marker
    # "has a small part as", "is, once again, back as": a few words that are neither stops nor names; after
    # "part of" a few more ("gets the small, very dry part of the Harbinger")
    before = without_repetition(words[:last_cue], cues)
    limit = 6 if words[last_cue] == "of" and words[last_cue - 1] in ("part", "role") else 3
    if len([w for w in before if w not in cues["role-filler"]]) > limit or \
            any(w in cues["description-stop"] and w not in cues["role-filler"] for w in before):
        return False
    return _is_description(words[last_cue + 1:], cues)


def _possessed_role(described: list[str], cues: Cues) -> bool:
    """"Franco Nero's courtly Julius" (not "Kolstad's screenplay sends John"), and the actor's role named
    after a role noun: "Norman Reedus's role is small but real: Daniel Pine", "Common's character, Cassian"."""
    # (three words when none is a relation: "Lance Reddick's unflappable desk clerk Charon", not "X's best old
    # friend Marcus")
    if (len(described) <= 2 or (len(described) == 3 and not any(w in cues["relation-noun"] for w in described))) \
            and not any(w in cues["possessive-work"] for w in described) and _is_description(described, cues):
        return True
    # "John Leguizamo's chop-shop owner, Aurelio": the part described, then named in apposition (not a relation
    # of the part's: "Keanu Reeves's old friend, Marcus")
    if 2 <= len(described) <= 4 and described[-1] == "," and _is_description(described[:-1], cues) \
            and not any(w in cues["possessive-work"] | cues["relation-noun"] for w in described):
        return True
    nouns = [i for i, w in enumerate(described[:3]) if w in cues["role-noun"]]
    if not nouns or len(described) > _MAX_LINK_WORDS:
        return False
    tail = described[nouns[0] + 1:]
    return bool(tail) and tail[-1] in (":", ",", "\u2014", "is", "was", "as", "named", "called", "-") \
        and not any(w in (".", "!", "?", ";") for w in tail)


def _named(words: list[str], last_cue: int, cues: Cues) -> bool:
    """"X, who plays a pigeon-keeping crime lord called the Bowery King", "X plays a tracker known only as Y":
    a casting cue, a short description, then a naming cue right before the role."""
    naming = words[last_cue] in cues["naming-cue"] or (
        words[last_cue] == "as" and last_cue and (words[last_cue - 1] in cues["naming-cue"] or (
            last_cue > 1 and words[last_cue - 2] in cues["naming-cue"] and words[last_cue - 1] == "only")))
    if not naming:
        return False
    strict = [i for i, w in enumerate(words[:last_cue]) if w in cues["strict-cue"]]
    if not strict or len([w for w in words[:strict[0]] if w not in cues["role-filler"]]) > 2:
        return False
    described = [w for w in words[strict[0] + 1:last_cue] if w not in cues["naming-cue"] and w != "only"]
    return len(described) <= _MAX_LINK_WORDS and not any(
        w in cues["description-stop"] and w not in ("who", "whom") for w in described)


def _is_description(words: list[str], cues: Cues) -> bool:
    """At most six words of noun phrase ("a gleefully treacherous", "viggo's harried fixer", "that giant assassin")
    before the role."""
    words = [w for w in words if w != ","]
    if words[:1] in (["that"], ["this"]):
        words = words[1:]  # a demonstrative opens the noun phrase ("as that giant assassin Ernest"), not a clause
    if words[:1] and words[0] in _SUBJECT_PRONOUNS:
        return False  # "directed it, as he has every numbered Wick": "as" opens a clause, not a role
    return len(words) <= 6 and not any(w in cues["description-stop"] or not re.match(r"[\w']", w) for w in words) \
        and not any(w.endswith("ing") and after in _DETERMINERS for w, after in itertools.pairwise(words))


_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it"})
# a participle with its object ends a description: "voiced the villain holding the older Winston"
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its"})


_VERB_THEN_COMMA = re.compile(r"^\s*(?:plays|played|portrays|portrayed|voices|voiced|acts|acted|playing)\s*,")
_FRONTED_OBJECT = re.compile(r"\s+(?:plays|played|portrays|portrayed|voices|voiced)(?=\s*(?:[,.;:!?)]|\Z))")

# what closes "Charon (Lance Reddick" as a role's own bracket: ")" or ", returning)"
# (the return may come after a few words: "Winston (Ian McShane, in the job for the fourth time)")
ASIDE_END = re.compile(r"\s*(?:,\s*(?:[^()\n,]{0,40}?\b)?(?:returning|back|again|once\s+more|once\s+again|as\s+before|"
                       r"reprising|one\s+more\s+time|for\s+(?:the|a)\s+(?:second|third|fourth|fifth|\w+th)\s+time)\b"
                       r"[^()\n]{0,80})?\)")

# ", his sister," / ", the sushi chef,": an apposition between a role and the verb that links it; "himself,
# wounded, dishevelled and mostly silent,": one after an actor
# ", his old friend, ...", and a relative clause a comma closes: "Keanu Reeves who'd been away a while, playing ..."
# (no part of it opens with the predicate after it: ", best known for TV, is the spoiled, sneering Iosef")
_ASIDE = r"\s*(?:himself|herself)?\s*,(?:(?!\s*(?:is|was|are|were|plays|played)\s)[^,;.!?()\n]{1,90},){1,3}\s*"
_ASIDE_AFTER_NAME = re.compile(_ASIDE)
_BRACKETS_AFTER_NAME = re.compile(r"[ \t]*(?:\([^()\n]{1,160}\)|\[[^\[\]\n]{1,160}\])[ \t]*")
APPOSITION = re.compile(rf"^{_ASIDE}"
                         r"|^\s+[\u2013\u2014-]{1,2}\s[^\n\u2013\u2014]{1,90}?\s[\u2013\u2014-]{1,2}\s+"  # (dashes)
                         r"|^\s+who(?:['\u2019]d|['\u2019]s|\s+had|\s+has|\s+was|\s+is)?\s[^,;.!?()\n]{1,60},\s*")


# ", an old friend who hides John from Caine: " / " — ": a role's apposition closed by a colon or a dash
_APPOSITION_THEN_MARK = re.compile(r"\s*,[^,;.!?()\n:\u2014\u2013]{1,80}(?::|\s[\u2014\u2013-])\s*")
_CLAUSE_END = re.compile(r"\s*(?:[.;!?)\n]|\Z)")
# after a possessive player: a short noun phrase, its head last ("'s blind assassin,", "'s hotelier with two dogs")
_POSSESSED_HEAD = re.compile(r"['\u2019]s?\s+(?:[\w-]+\s+){0,3}?(?P<head>[\w-]+)"
                             r"(?=\s*(?:[,;.)!?]|\Z|\s+(?:with|who|in|from|at|and)\b))")
_PHRASE_END = re.compile(r"\s*(?:[.,;!?)\n]|\Z)")
_AGAIN_THEN_ACTOR = re.compile(r"\s*,\s*(?:again|once\s+more|once\s+again|yet\s+again|still)\s+")
# "Harry, the man John trusts with Perkins, is X": a role inside an apposition the comma closes before the copula
APPOSITION_CLOSED_BEFORE = re.compile(r"[^,;.!?()\n]{0,60},\s*(?:is|was|(?:is\s+|was\s+)?(?:played|portrayed|voiced)"
                                      r"\s+by)\s+")


# a comment set off by commas, which says nothing of who plays whom: "is, of course, X", "is, as ever, X"
_COMMENT = re.compile(r",\s*(?:of\s+course|naturally|as\s+ever|as\s+always|inevitably|fittingly|once\s+again|again|"
                      r"as\s+before|once\s+more|yet\s+again|still|here|this\s+time)\s*,", re.IGNORECASE)
_ROLE_APPOSITION = re.compile(r",\s+(?:a|the|another)\s+(?:[\w-]+\s+){0,2}?(?:role|part|character)\s+"
                              r"(?:that\s+|which\s+)?", re.IGNORECASE)
# (in brackets too, and before a described role: "X (aka the blind Caine)", "X, a.k.a. the blind Caine,"); the
# words that say two names are one, in either order: "Santino D'Antonio, i.e. Riccardo Scamarcio", "that is,", a
# speaker's "which is" ("Iosef, which is Alfie Allen"); the verbs of a name one goes by ("X, answering to Caine",
# "X, who goes by the name of Caine", a note's "PALICKI, Adrianne - answers to "Ms. Perkins.""); the other name may
# stand in quotes ("X, aka 'Caine'")
_ALIAS = re.compile(r"[\s*_]*(?:[,(]|[ \t]-{1,2}|[\u2013\u2014])?\s*"
                    r"(?:aka|a\.k\.a\.?|alias|(?:also|otherwise|better)\s+known\s+as|i\.\s?e\.,?|ie,?"
                    r"|that\s+is,|namely|viz\.?|which\s+(?:is|was)"
                    r"|(?:who\s+)?(?:answer(?:s|ing)\s+to|go(?:es|ing)\s+by)(?:\s+the\s+name(?:\s+of)?)?)"
                    r"\s+(?:the\s+(?:[a-z][\w-]*\s+)?)?[\"'\u201c\u2018]?", re.IGNORECASE)
_DASH_END = re.compile(r"\s*(?:\u2014|--)")
# a role "in the capable hands of" its actor, or back in them; a plain "in the hands of" is as often the plot's
_RETURN_WORD = re.compile(r"\b(?:again|once\s+more|still|back)\b", re.IGNORECASE)
_IN_THE_HANDS_OF = re.compile(r"^[^.;:!?]{0,40}\bin\s+the\s+(?P<quality>(?:capable|safe|able|expert|sure|steady|"
                              r"reliable|good|best|very\s+capable|assured)\s+)?hands\s+of\s+\Z", re.IGNORECASE)
# (not "Rooney, a girl whose father (X)": a relative or a preposition inside names the bracket's own noun)
_APPOSED_BRACKET = re.compile(r",\s+(?![^,;.!?()\n]*\b(?:whose|who|whom|which|that|with|of)\b)"
                              r"[^,;.!?()\n]{1,40}\s*\(\s*", re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:has\s+|had\s+|was\s+|is\s+)?[a-z]+(?:s|ed)\b")


# What may stand between a role and the participle that hands it on: "Zero is played with glee by", "Gianna has been
# brought to life by"; not a noun of its own ("Santino hires a killer played by X": the killer is played), unless a
# copula makes the role the subject ("little Eve in the opening flashback is played by X"), or "as" ("Y, as portrayed
# by X")
_BEFORE_PARTICIPLE = frozenset({"is", "was", "are", "were", "'s", "be", "being", "been", "has", "have", "had", "also",
                                "now", "here", "again", "and", "as", "gets", "got", "get"})
_COPULA = frozenset({"is", "was", "are", "were", "'s"})
_RELATIVE = frozenset({"who", "whom", "that", "which", "whose"})


_PLACE_THEN_IS = re.compile(r"\s+(?:at|in|on|behind|inside)\s+(?:the|this|his|her|its|their)\s+(?:[\w'-]+\s+){0,2}?"
                            r"(?:is|was)\s+(?:(?:again|still|once\s+more)\s*,?\s+)?", re.IGNORECASE)
_APPOSED_OBJECT = re.compile(r",\s+(?:the|a|an|his|her)\s+(?:[\w'-]+\s+){0,4}?(?:(?:that|whom|who)\s+)?",
                             re.IGNORECASE)
_BACK_THEN_ACTOR = re.compile(r"(?:\s+is|['\u2019]s)\s+(?:back|here)(?:\s+(?:too|also|again))?"
                              r"(?:\s*[\u2014\u2013:]\s*|\s+-{1,2}\s+)"
                              # "Winston returns, played by X", "Charon is back, played once more by X"
                              r"|\s+(?:returns|is\s+back|comes\s+back)\s*,\s*played\s+(?:(?:again|once\s+more|once\s+again)\s+)?"
                              r"by\s+", re.IGNORECASE)
_TO_WHOM = re.compile(r"\s*,\s+to\s+whom\s+", re.IGNORECASE)
_LENDS_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:gives|gave|lends|lent)\s+(?:his|her|their|the)\s+"
                          r"(?:face|voice|body|life)\b", re.IGNORECASE)
_BARE_COMMA = re.compile(r"\s*(?:(?:again|once\s+more|once\s+again)\s*)?,\s*", re.IGNORECASE)
_REPRISING_AFTER = re.compile(r"\s+(?:reprising|returning\s+to|resuming|repeating)\s+(?:the|his|her|their)\s+"
                              r"(?:role|part)\b", re.IGNORECASE)

# "Santino, a Camorra heir whom X plays with menace", "Abram, brother of the boss, and whom X plays", "Santino — an
# heir to whom X lends menace": a relative pronoun whose antecedent is the role's apposition (a bare noun phrase, or
# any apposition the comma and "and" close), its verb the actor's performance
_APPOSED_WHOM = re.compile(r"\s*(?:,|\u2014|\u2013|--?)\s+(?:(?:the|a|an|his|her|their)\s+(?:[\w'-]+\s+){0,3}?"
                           r"|[^;.!?()\n\u2014]{1,90},\s+and\s+)(?:to\s+)?whom\s+", re.IGNORECASE)
_PERFORMS_AFTER = re.compile(r"(?:\s*,[^,;.!?()\n]{1,80},)?\s+(?:\w+ly\s+)?(?:(?:has|had|have)\s+(?:\w+\s+)?)?"
                             r"(?:plays|played|portrays|portrayed|voices|"
                             r"voiced|lends|lent|brings|brought|embodies|inhabits|reprises|reprised|resumes|resumed)\b",
                             re.IGNORECASE)
# "Cassian is the rapper Common", "Cassian, the dead woman's bodyguard, is veteran actor X": the copula, then a word
# of the cue list person-describer (maybe after an adjective or two) before the name
_DESCRIBED_AFTER_COPULA = re.compile(r"(?:\s*,[^,;.!?()\n]{1,60},)?\s+(?:is|was)\s+"
                                     r"(?:(?:again|still|now|once\s+more)\s+)?(?:(?:the|a|an)\s+)?(?:[\w'-]+\s+){0,2}?(?P<describer>[\w-]+)\s+",
                                     re.IGNORECASE)

# "Iosef, a brat played by X": the noun is set off as the role's apposition, so what it is played by, the role is
# ("Ares, Santino's mute enforcer, a part taken by X": a first apposition may come before it), or made for
# ("Caine, a part written for Donnie Yen")
_APPOSITION_CLOSES = re.compile(r"\s*[,;)\u2014\u2013]")  # "a part written for X," (not "for X originally")
_APPOSED_PARTICIPLE = re.compile(r"(?:,\s+[^,;.!?()\n]{1,50})?,\s+(?:a|an|the|his|her|their)\s+(?:(?:[\w'-]+\s+){1,4}?"
                                 r"(?:played|portrayed|voiced|taken|filled|essayed|embodied|inhabited)\s+"
                                 # (where: "a bodyguard played in the film by X", "played on screen by X")
                                 r"(?:(?:here|on\s+screen|in\s+(?:the|this)\s+(?:film|movie|show|series|sequel|one))\s+)?"
                                 r"by\s+"
                                 # "Caine, a part written for Donnie Yen": the part made for its player
                                 r"|(?:[\w'-]+\s+){0,2}?(?:part|role)\s+(?:written|created|tailored|made)\s+"
                                 r"(?:\w+ly\s+)?for\s+)", re.IGNORECASE)


# a participle set off after the role, lower-case words of its own, then its agent: a phrase of any length
_PARTICIPLE_THEN_BY = re.compile(r"\s*,\s*(?:(?:played|portrayed|voiced|embodied|essayed|interpreted)\s+"
                                 r"(?:(?-i:[a-z])[\w'-]*,?\s+){1,14}?"
                                 # ... after an apposition, a short phrase of manner: "Iosef, a mob heir played with
                                 # sneering glee by X"
                                 r"|(?:a|an|the|his|her|their)\s+(?:(?-i:[a-z])[\w'-]*\s+){1,4}?"
                                 r"(?:played|portrayed|voiced|embodied|essayed)\s+with\s+(?!(?:for|by|in|at|on|to|and)\b)"
                                 r"(?:(?-i:[a-z])[\w'-]*\s+){1,3}?)by\s+", re.IGNORECASE)


_AGAIN_WORDS = frozenset({"again", "once", "more", "also", "still"})  # "Winston is played again from X"


def _passive_of_the_role(words: list[str], cues: Cues) -> bool:
    verb = next((i for i, w in enumerate(words) if w in cues["passive-verb"]), None)
    if verb is None:
        return False
    before = words[:verb]
    return all(w in _BEFORE_PARTICIPLE or w.endswith("ly") for w in before) or (
        bool(_COPULA.intersection(before)) and not _RELATIVE.intersection(before))


# a relative clause in an apposition, still open: "Zero, the sushi-chef assassin who fanboys over "
# (or a relative clause on a name, without commas: "Zero who adores John is played by X"; the main clause's copula
# ends it: "The man who runs it is Winston")
_IN_RELATIVE_CLAUSE = re.compile(r",\s+(?:the|a|an|his|her|their)\b[^,;:.!?()\n\u2014]*\b(?:who|that|which|whom)\b"
                                 r"[^,;:.!?()\n\u2014]*\Z|\b(?:who|whom)\s+(?![^,;:.!?()\n\u2014]*\s(?:is|was|are|were)\s+\Z)"
                                 r"[^,;:.!?()\n\u2014]{1,60}\Z", re.IGNORECASE)


def in_relative_clause(text: str, start: int) -> bool:
    """Whether ``start`` stands inside a relative clause of an apposition ("Zero, the chef who fanboys over John,
    is played by X": John is no head the player's verb can take)."""
    return _IN_RELATIVE_CLAUSE.search(text, max(0, start - 80), start) is not None


# the words that describe the person just before the name: "by veteran actor ", "is the rapper-turned-actor "
_DESCRIBER_TAIL = re.compile(r"(?<=\s)(?:(?:the|a|an)\s+)?(?:(?!(?:by|as|is|was|of|for|to)\s)[\w'-]+\s+)?"
                             r"(?P<describer>[\w-]+)\s+\Z")


# an agent's epithets between "by" and the name: "played by the late, great ", "voiced by a never-better "
_AGENT_EPITHETS = re.compile(r"(?<=\bby)\s+(?:the|a|an)\s+(?:(?!(?:of|for|to|with|in|on|at|and|or|from|by|as|way|"
                             r"side|hands?|likes|end|time)\b)[a-z][\w'-]*,?\s+){1,3}\Z")


def _without_describer(gap: str, cues: Cues) -> str:
    """``gap`` without the describing words (cue list person-describer) or the epithets after "by" that end it."""
    tail = _DESCRIBER_TAIL.search(gap)
    if tail is not None and _is_describer(tail["describer"], cues):
        return gap[:tail.start()]
    epithets = _AGENT_EPITHETS.search(gap)
    return gap[:epithets.start()] + " " if epithets is not None else gap


def _is_describer(word: str, cues: Cues) -> bool:
    """A word of the cue list person-describer, or a compound ending in one ("rapper-turned-actor")."""
    return word.lower().rsplit("-", 1)[-1] in cues["person-describer"]


def backward_link(gap: str, after: str, cues: Cues) -> bool:
    """Whether ``gap`` joins the role before it to the actor after it; ``after`` is the text after the actor.

    "Y, played by X", "Y | X", "Y, his sister, is brought to life by X", "Y is played with glee by X",
    "The role of Y goes to X", "Y is a thin part for X", "Y (a sly, blind X)", "Y? X.".
    """
    described = _DESCRIBED_AFTER_COPULA.fullmatch(gap)
    if described is not None and _is_describer(described["describer"], cues):
        return True  # "Cassian is the rapper Common", "... is the musician-turned-actor Common"
    gap = _without_describer(gap, cues)  # "Cassian, essayed by rapper-turned-actor Common"
    if _TO_WHOM.fullmatch(gap) and _LENDS_AFTER.match(after):
        return True  # "Zero, to whom Mark Dacascos gives the face": the role as what the actor lends himself to
    if _APPOSED_WHOM.fullmatch(gap) and _PERFORMS_AFTER.match(after):
        return True  # "Santino, a Camorra heir whom X plays": whom is the role's apposition, the object of the verb
    if _BARE_COMMA.fullmatch(gap) and _REPRISING_AFTER.match(after):
        return True  # "the Bowery King again, Fishburne reprising the part": the actor in an absolute phrase
    if _FRONTED_OBJECT.match(after) and _APPOSED_OBJECT.fullmatch(gap):
        # "Rooney, the assassin Ana de Armas plays", "the Marquis, a foppish villain that X plays": the role
        # fronted, the verb without its object
        return True
    if _APPOSITION_THEN_MARK.fullmatch(gap) and _CLAUSE_END.match(after):
        return True  # "Koji, an old friend who hides John: Hiroyuki Sanada.": an apposition, then the entry's mark
    if _AGAIN_THEN_ACTOR.fullmatch(gap) and _PHRASE_END.match(after):
        return True  # "the Bowery King, again Laurence Fishburne,": the role, and who plays it once more
    if _BACK_THEN_ACTOR.fullmatch(gap):
        return True  # "The Bowery King is back too \u2014 Laurence Fishburne": the role's return, then who plays it
    if gap.startswith("?") and not gap[1:].strip() and "\n" not in gap:
        # a role asked, its actor answered: "Killa? X.", "• young Eve? Victoria Comte" (the line ends the answer)
        return re.match(r"[ \t]*(?:[.!,;\n]|$)", after) is not None
    if _ALIAS.fullmatch(gap):
        return True  # "Santino D'Antonio, i.e. Riccardo Scamarcio": one person's two names
    if "\n" in gap or _SENTENCE_BREAK.search(gap):
        return False
    if _ROLE_APPOSITION.fullmatch(gap) and _VERB_AFTER.match(after):
        return True  # "Zero, a role Mark Dacascos clearly relishes, ...": the apposition says whose role it is
    gap = _COMMENT.sub(" ", gap)  # "John Wick is, of course, Keanu Reeves"
    words = gap_words(gap)
    if words and all(w in cues["list-separator"] for w in words):
        return True
    # reprise adverbs are the reprise's business ("Winston is once more X"), not the link's
    phrase = " ".join("is" if w == "'s" else w for w in words
                      if w not in (",", "the", "here", "again", "now", "once", "more", "still", "yet"))
    if phrase in cues["passive-cue"] or _PLACE_THEN_IS.fullmatch(gap):
        return True  # "Winston is X"; "Charon at the front desk is X": a place of the role's, then the copula
    if words[:1] == ["("] and ASIDE_END.match(after):
        # "Caine (a sly, blind Donnie Yen)"; "WINSTON (as portrayed by Ian McShane)"
        return 0 < len(words) - 1 <= 5 and (_is_description(words[1:], cues) or (
            words[-1] == "by" and _passive_of_the_role(words[1:-1], cues)))
    if _APPOSED_BRACKET.fullmatch(gap) and ASIDE_END.match(after):
        return True  # "Nogi, Eve's trainer (Catalina Sandino Moreno), is tough": the bracket after the apposition
    if words[:1] in (["\u2014"], ["--"]) and _DASH_END.match(after):
        return 0 < len(words) - 1 <= 5 and _is_description(words[1:], cues)  # "Winston — a purring Ian McShane —"
    hands = _IN_THE_HANDS_OF.search(gap)
    if hands and (hands.group("quality") or _RETURN_WORD.search(gap)):
        # "Winston is, once again, in the capable hands of Ian McShane"; "once more in the hands of X": a role back
        # in the same hands ("the fate of Winston is in the hands of X" is the plot)
        return True
    if _PARTICIPLE_THEN_BY.fullmatch(gap):
        return True  # "Helen, played in brief flashbacks and a phone video by X": a phrase, then the agent
    content = [w for w in gap_words(APPOSITION.sub(" ", gap)) if w not in (",", "\u2014", "\u2013")]
    if not content or len(content) > _MAX_LINK_WORDS:
        return False
    if " ".join("is" if w == "'s" else w for w in content) in cues["passive-cue"]:
        return True  # "The Director, the formidable head of the Ruska Roma, is Anjelica Huston"
    *middle, last = content
    by_role = last == "by" and (_passive_of_the_role(middle, cues) or _APPOSED_PARTICIPLE.fullmatch(gap) is not None)
    return by_role or \
        (last == "from" and [w for w in middle if w not in _AGAIN_WORDS][-1:] in (["played"], ["playing"],
                                                                                ["portrayed"])) or \
        (last == "to" and any(w in cues["role-transfer"] for w in middle)) or \
        (last == "for" and _made_for(gap, after, middle, cues))


def _made_for(gap: str, after: str, middle: list[str], cues: Cues) -> bool:
    """"Winston is a role made for X"; "Caine, a part written for Donnie Yen, ..." (the apposition closes after him)."""
    if middle[:1] in (["is"], ["was"], ["makes"]) and any(w in cues["role-noun"] for w in middle):
        return True
    return _APPOSED_PARTICIPLE.fullmatch(gap) is not None and _APPOSITION_CLOSES.match(after) is not None


def elided_link(gap: str, before: str, cues: Cues) -> bool:
    """"Winston is played by Ian McShane, and Charon by Lance Reddick": a bare "by" between a role and an actor,
    after a clause of the same sentence (``before``) whose passive verb it leaves out."""
    if gap_words(gap) != ["by"]:
        return False
    words = gap_words(before)
    return any(w in cues["passive-verb"] and "by" in words[i + 1:i + 6] for i, w in enumerate(words))


def owned_role(gap: str, after: str, cues: Cues) -> bool:
    """A role that is the possessive actor's own: "The Marquis is Bill Skarsgård's best role in years",
    "Koji, an old ally of John's; the role is Hiroyuki Sanada's", "Zero — Mark Dacascos's finest hour". ``after``
    follows the possessive."""
    if _BARE_COMMA.fullmatch(gap) and (described := _POSSESSED_HEAD.match(after)) is not None:
        # "Caine, Donnie Yen's blind assassin": the apposition is the player's part ("Keanu Reeves's old friend" is
        # a relation of the role's, not a part)
        return described.group("head").lower() not in cues["relation-noun"] | cues["possessive-work"]
    words = [w for w in gap_words(gap) if w != ","]
    if "\n" not in gap and words and all(w in cues["list-separator"] for w in words):
        return True  # "Sofia — Halle Berry's best role in years": a list entry, its actor described
    if "\n" in gap or not words or words[-1] not in ("is", "was"):
        return False
    if len(words) >= 3 and words[-2] in cues["role-noun"] and words[-3] in ("the", "this", "that"):
        return re.match(r"['\u2019]s?\s*(?:[.!?,;)]|$)", after) is not None  # "...; the role is X's."
    following = gap_words(after[:60])[1:5]
    noun = next((i for i, w in enumerate(following) if w in cues["role-noun"]), None)
    return len(words) == 1 and noun is not None and not any(w in cues["description-stop"] for w in following[:noun])
