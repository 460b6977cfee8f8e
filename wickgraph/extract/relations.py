"""Actor-role pairs assembled from mentions, cue words and their order within a clause.

Where the pattern rules need a whole phrase shape, this step looks only at what lies between an actor mention and
the nearest character mention of the same sentence:

* actor first: optional aside ``(…)``, filler words, the last *role cue* (``as``, ``plays``, ``is``, a possessive
  ``'s``), then a description of at most six words that holds no *description stop* ("Z is his daughter Aiko");
* role first: a *passive cue* ("Y, played by X", "Y is X") or list layout ("Y — X", "Y (X");
* either order in cast lists and tables: a *list separator* alone ("X | Y", "X: Y"), and in a telegram side by side;
* a pronoun or "that's X" takes a role of another clause or sentence (``anaphora.py``).

Cue lists are data (``cues.json``, each with an id and the phenomenon it covers), validated on load.
"""

from __future__ import annotations

import bisect
import itertools
import re

from .. import regexcache
from .afterthoughts import afterthought_player, afterthought_roles
from .anaphora import addressed_claims, identified_role, pronoun_role, subject_pronoun_role
from .document import Document
from .entries import entry_roles, record_roles
from .gazetteer import CHARACTER, PERSON, WORK, Entry, Mention
from .juxtaposed import juxtaposed_roles
from .layout_words import ENTRY_LABEL_GAP
from .links import (
    APPOSITION_CLOSED_BEFORE,
    ASIDE_END,
    Cues,
    aside_length,
    backward_link,
    default_cues,
    elided_link,
    forward_link,
    gap_words,
    is_possessive,
    only_layout,
    owned_role,
    relation_role,
)
from .markup import FOOTNOTE_MARK
from .newroles import NOT_NAMES, cues_unknown_role, lowercase_role, new_role, trade_role
from .pairs import WINDOW, in_open_bracket, is_role, mention_kind, role_candidate, under_another_head
from .patterns import VERB_AFTER, Candidate
from .performance import QUALITIES, performed_link, worn_role_end
from .reprises import AGAIN_AFTER, COMPANY_ASIDE_OPENING

__all__ = ["pair_roles"]

def pair_roles(doc: Document, cues: Cues | None = None) -> list[Candidate]:
    """Cast candidates (rule ``pair-role``, or ``pair-reprise``) for actors joined to a role in one clause."""
    cues = cues or default_cues()
    found: list[Candidate] = []
    mentions = doc.mentions
    grouped = _coordinated(doc, cues, mentions, found)
    for index, mention in enumerate(mentions):
        if not mention.mask & PERSON or mention.mask & WORK or index in grouped:
            continue
        candidate = trade_role(doc, cues, mention) or _forward(doc, cues, mentions, index) \
            or _backward(doc, cues, mentions, index) \
            or pronoun_role(doc, cues, mentions, index) or subject_pronoun_role(doc, mentions, index) \
            or identified_role(doc, mentions, index) or lowercase_role(doc, cues, mention) \
            or _apposed_pair(doc, mentions, index) or afterthought_player(doc, cues, mentions, index)
        if candidate is not None:
            found.append(candidate)
    found += _unknown_actors(doc, cues, mentions)
    found += addressed_claims(doc, mentions)
    found += juxtaposed_roles(doc, cues, mentions)
    found += entry_roles(doc, cues)
    found += afterthought_roles(doc, cues, mentions)
    found += record_roles(doc, cues)
    return found


# A person the reference does not know, by the shape of the name: two or three capitalised words.
_NAME_SHAPE = regexcache.compile(r"(?<![\w'\u2019])(?-i:[A-Z][a-z]+(?:[ -](?:(?:de|da|del|van|von|la|le) )?"
                                 r"[A-Z][a-z]+(?:['\u2019][A-Z][a-z]+)?){1,2})(?![\w'\u2019])",
                                 skip_to_start=True)  # the engine jumps from capital to capital
# "Hansel and Gretel are played by A and B", "Miles and Lou, the siblings who run a dojo, are given real weight by A
# and B", "Winston and Charon are brought to life by A and B": an apposition, then a passive the players close
_PASSIVE_GAP = re.compile(r"(?:\s*,[^,;.!?()\n]{1,60},)?,?\s*(?:are|were)\s+(?:(?:also|again|here|both|\w+ly)\s+){0,2}"
                          rf"(?:played|portrayed|voiced|brought\s+to\s+life|given\s+(?:[\w-]+\s+){{0,3}}?{QUALITIES})"
                          r"(?:\s+(?:\w+\s+){0,2}?with\s+\w+)?\s+(?:here\s+)?by\s*", re.IGNORECASE)
_GROUP_AGAIN = re.compile(r"(?i)\s*,?\s*(?:(?:both|all|each)\s+)?(?:back|again|returning|return|once\s+more)\b")
# "Ian McShane and Lance Reddick, once again Winston and Charon": the roles apposed, with a word of return
_AGAIN_APPOSITION = re.compile(r"\s*,\s*(?:once\s+again|again|once\s+more|yet\s+again|as\s+ever|as\s+always|"
                               r"as\s+before|still)\s+", re.IGNORECASE)
# lists of equal length joined by a short predicate ending in "as": "A and B are back at the Continental as X and Y",
# "A and B resume their posts as X and Y" (not a comparison or a negation: "A and B are not as good as X and Y")
_PREDICATE_THEN_AS = re.compile(r"(?:,?\s+(?!(?:not|never|no|nor|as|than|like|such|unlike)\b)[\w'\u2019-]+){1,8}"
                                r",?\s+as\s+", re.IGNORECASE)
# a role named as the other end of a relation by "of" ("brother of the late Viggo"): the relation noun, then "of"
_OF_BEFORE = re.compile(r"\b(?P<noun>[\w-]+)\s+of\s+(?:the\s+)?(?:late\s+|young\s+|old\s+|great\s+)?\Z", re.IGNORECASE)
# "A and B reprise X and Y", "A and B resume their roles as X and Y": the plural verb of a return between the lists
_PLURAL_REPRISE = re.compile(r"\s+(?:(?:also|again|both|duly)\s+)?(?:reprise|resume|revive|repeat)\s+"
                             r"(?:(?:their|the)\s+(?:roles|parts)\s+(?:of|as)\s+)?", re.IGNORECASE)
# "Viggo's the late Michael Nyqvist", "Winston's Ian McShane, obviously": the role's "'s" is "is" before its player
_CONTRACTED_IS = re.compile(r"['\u2019]s\s+(?:(?:the\s+)?(?:late|great|legendary|one\s+and\s+only)[,\s]+)?")
_PHRASE_END = re.compile(r"\s*(?:[.,;:!?)\u2014\u2013]|\n|\Z)")
# ", is X" after a role: the role is the subject (or in apposition to it) only where a subject can start
_COMMA_THEN_COPULA = re.compile(r"\s*,\s*(?:is|was)\s")
_OWN_VERB_THEN_COMMA_COPULA = re.compile(r"\s+(?:\w+ly\s+)?(?-i:[a-z]+)s\b[^,;.!?()\n]{0,40},\s*(?:is|was)\s")
_SUBJECT_OPENS = re.compile(r"(?:^|\n|[,.;:!?\u2014\u2013(]\s*|\b[Tt]he\s)\Z")
_FAME = re.compile(r"\s+fame\b", re.IGNORECASE)
_STRICT_CUES = frozenset({"as", "plays", "playing", "portrays", "portraying", "voices", "voicing"})


def _unknown_actors(doc: Document, cues: Cues, mentions: list[Mention]) -> list[Candidate]:
    """"Bridget Regan has a small part as Addy", "Chris Pratt plays Winston": an actor the reference does not
    know, joined to a role by an explicit casting cue (not a bare 'is' or layout, which names so many things)."""
    found: list[Candidate] = []
    starts = [m.start for m in mentions]
    describers = cues["person-describer"] | cues["before-a-name"]
    for name in _NAME_SHAPE.finditer(doc.text):
        words = name.group().split()
        if words[0] in NOT_NAMES or _FAME.match(doc.text, name.end()):
            continue  # "of Walking Dead fame": a work the actor is known from
        start = name.start()
        if words[0].lower() in describers:  # "Newcomer Tom Novak", "Enter Tom Novak": the name is what follows
            if len(words) < 3:
                continue
            start += len(words[0]) + 1
        following = bisect.bisect_left(starts, start)
        if (following > 0 and mentions[following - 1].end > start) or \
                (following < len(mentions) and mentions[following].start < name.end()):
            continue  # part of a known name
        actor = Mention(start, name.end(), (Entry(PERSON, None, doc.text[start:name.end()], True),))
        window = [actor, *mentions[following:following + 6]]
        candidate = _forward(doc, cues, window, 0)
        if candidate is None:
            continue
        role_start = candidate.parts["character"][0][0]
        role = doc.by_start.get(role_start)
        if role is not None and any(e.iri in doc.film_roles for e in role.of_kind(CHARACTER)):
            continue  # a role of this very film: a stranger's name next to it is more often a misspelling or
            # another film's character ("forever Martin Riggs ... plays Cormac") than a recast
        if any(w in _STRICT_CUES for w in gap_words(doc.text[actor.end:role_start])):
            found.append(candidate)
    return found


# "Mel Gibson, Cormac, the guy running the hotel —", "Miles, Hubert Point-Du Jour, gets some good moments": an
# actor and a role set off by commas from each other and from what follows, which is no further name of a list
_APPOSED_NEXT = re.compile(r"[ \t]*(?:,[ \t]+(?!and\b|or\b|&)(?-i:[a-z])|[ \t]*[\u2014\u2013(])")


def _apposed_pair(doc: Document, mentions: list[Mention], index: int) -> Candidate | None:
    actor = mentions[index]
    neighbours = [(actor, mentions[index + 1])] if index + 1 < len(mentions) else []
    neighbours += [(mentions[index - 1], actor)] if index else []
    for left, right in neighbours:
        role = right if left is actor else left
        if not role.mask & CHARACTER or role.mask & PERSON or not is_role(doc, role) \
                or not _APPOSED_GAP.fullmatch(doc.text, left.end, right.start) \
                or not (_APPOSED_NEXT.match(doc.text, right.end) or _closes_labelled_line(doc, left, right)) \
                or _LIST_BEFORE.search(doc.text, max(0, left.start - 3), left.start):
            continue
        return Candidate("pair-role", "cast", left.start, right.end,
                         parts={"actor": [(actor.start, actor.end)], "character": [(role.start, role.end)]})
    return None


def _closes_labelled_line(doc: Document, left: Mention, right: Mention) -> bool:
    """Whether the pair closes its line after a dash or a colon ("The Emperor — Viggo Tarasov, Peter Stormare")."""
    line_start = doc.line(left.start)[0]
    return _LABELLED_LINE_PAIR.search(doc.text, line_start, left.start) is not None \
        and _LINE_CLOSES.match(doc.text, right.end) is not None


_LIST_BEFORE = re.compile(r",[ \t]*\Z")  # "A, B, C": the pair is part of a longer list
# ... or the pair closes a line after a dash or a colon: "The Emperor — Viggo Tarasov, Peter Stormare"
_LABELLED_LINE_PAIR = re.compile(r"(?:[\u2014\u2013:]|[ \t]-{1,2})[ \t]*\Z")
_LINE_CLOSES = re.compile(r"[ \t.]*(?:\n|\Z)")
# ", " alone, or a describer: "Katie McGrath, the 1970s Adjudicator" (not "the boss of Winston", "the hitman hunting X")
_NOT_DESCRIBER = r"(?!(?:of|for|to|with|from|by|and|who)\b)"
_APPOSED_GAP = re.compile(rf", (?:(?:the|a|an|her|his|their)\s+(?:{_NOT_DESCRIBER}[\w'-]+\s+"
                          rf"(?:{_NOT_DESCRIBER}(?![\w'-]+(?:ing|ed)\b)[\w'-]+\s+)?)?)?", re.IGNORECASE)


_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|[&+/]|\b(?:and|y|und|et)\b)\s*\Z", re.IGNORECASE)


# "The Hansel and Gretel twins, Mark Musashi and Marina Mazepa": a noun naming the group of roles, then its players
# (one plural noun, maybe after "the": "Winston and Cormac talk business, A and B ..." is a clause of its own)
_GROUP_NOUN = re.compile(r"(?:\s*,\s*the\s+|\s+)(?-i:[a-z][a-z-]*s)\s*(?:,|:|[\u2013\u2014]|\s-)\s*")


def _coordinated(doc: Document, cues: Cues, mentions: list[Mention], found: list[Candidate]) -> set[int]:
    """Pairs coordinated actors with coordinated roles respectively ("Hansel & Gretel — Mark Musashi & Marina
    Mazepa", "A and B play X and Y"); returns the indexes of every actor in a group, paired or not."""
    groups: list[list[int]] = []
    for index, mention in enumerate(mentions):
        kind = PERSON if mention.mask & PERSON and not mention.mask & CHARACTER else \
            CHARACTER if is_role(doc, mention) else 0
        if not kind and _place_name(mention):
            continue  # "A and B are back at the Continental as X and Y": the hotel does not part the lists
        previous = groups[-1] if groups else None
        if previous and kind and mention_kind(doc, mentions[previous[-1]]) == kind and \
                _AND.match(doc.text[mentions[previous[-1]].end:mention.start]):
            previous.append(index)
        else:
            groups.append([index] if kind else [])
    in_groups: set[int] = set()
    for first, second in itertools.pairwise(groups):
        if len(first) < 2 or len(second) < 2:
            continue
        a, b = mentions[first[-1]], mentions[second[0]]
        gap = doc.gap(a.end, b.start)
        kinds = (mention_kind(doc, mentions[first[0]]), mention_kind(doc, b))
        if kinds == (PERSON, CHARACTER) and len(first) == len(second) and (
                forward_link(gap, cues) or _AGAIN_APPOSITION.fullmatch(gap) is not None
                or _PREDICATE_THEN_AS.fullmatch(gap) is not None or _PLURAL_REPRISE.fullmatch(gap) is not None):
            pairs = zip(first, second, strict=True)
        elif kinds == (CHARACTER, PERSON) and len(first) == len(second) and (
                (gap_words(gap) and all(w in cues["list-separator"] for w in gap_words(gap)))
                or gap.strip() == ","  # lists in apposition: "the twins, Hansel and Gretel, A and B"
                or _PASSIVE_GAP.fullmatch(gap) is not None  # "Hansel and Gretel are played by A and B"
                or _GROUP_NOUN.fullmatch(gap) is not None):
            pairs = zip(second, first, strict=True)
        else:
            continue
        # "Winston and Charon: A and B, both back": a word of return after the whole group is every pair's
        group_end = max(mentions[i].end for i in (*first, *second))
        again = _GROUP_AGAIN.match(doc.text, group_end) is not None
        for actor, role in pairs:
            candidate = role_candidate(doc, cues, mentions[actor], mentions[role],
                                       min(mentions[actor].start, mentions[role].start),
                                       max(mentions[actor].end, mentions[role].end))
            if again and not candidate.reprise:
                candidate.reprise, candidate.rule = True, "pair-reprise"
            found.append(candidate)
        in_groups |= set(first if kinds[0] == PERSON else second)
    for group in groups:
        if len(group) > 1 and mention_kind(doc, mentions[group[0]]) == PERSON:
            in_groups |= set(group)
    return in_groups


def _place_name(mention: Mention) -> bool:
    """A mention that may name a place of the story, all of its work readings weak ("the Continental")."""
    works = mention.of_kind(WORK)
    return bool(works) and all(e.weak for e in works) and not mention.mask & PERSON


# (whole: not "High" of "the High Table's auditor", a part of a longer name)
_POSSESSIVE_ONLY = re.compile(r"(?:['\u2019]s?|\s*,\s+whose)\s+")  # ("X's Y", "X, whose Y")


# a role's aside that names its player as an agent, then the copula of the role: "Cassian, essayed by X, is"
_AGENT_ASIDE = re.compile(r"\s*,\s+(?:[\w-]+\s+){0,3}?by\s+(?:[a-z][\w'-]*\s+){0,2}")
_COPULA_AFTER_ASIDE = re.compile(r"\s*,\s+(?:is|was|are|were)\b")
# an aside set off by commas whose preposition governs the actor: ", teamed with X once more, is Y"
_OBJECT_ASIDE = re.compile(COMPANY_ASIDE_OPENING + r"\Z")
# a relative clause or a contrast on the subject, whose person is not the subject: "Donnie Yen, who fights Keanu
# Reeves on the stairs, is Caine", "Laurence Fishburne, not Ian McShane, plays the Bowery King"
_ASIDE_ON_THE_SUBJECT = re.compile(r",\s+(?:(?:who|whom|which|that)\s+[^,;.!?()\n]{1,40}|not\s+(?:even\s+)?)\Z",
                                   re.IGNORECASE)
# ... closed before the subject's verb: "is", "plays", or any verb in the present ("holds court as the Bowery King")
_ASIDE_CLOSES = re.compile(r"[^,.;:!?()\n]{0,60},\s+(?:\w+ly\s+)?(?:is|was|are|were|played|returned|[a-z]{3,}s)\b")


def _forward(doc: Document, cues: Cues, mentions: list[Mention], index: int) -> Candidate | None:
    actor = mentions[index]
    sentence_start, sentence_end = doc.sentence(actor.start)
    # "Santino (Riccardo Scamarcio, all sneer), whose sister Gianna": nothing after the closing bracket is theirs
    in_brackets = in_open_bracket(doc.text, actor.start, max(sentence_start, actor.start - WINDOW))
    # "You gave Halle Berry ... a character called Sofia": the actor as the object of a verb of giving
    given = _GIVEN_TO.search(doc.text, max(sentence_start, actor.start - 20), actor.start) is not None
    previous = mentions[index - 1] if index else None
    if previous is not None and is_role(doc, previous) and _COPULA_AFTER_ASIDE.match(doc.text, actor.end) \
            and _AGENT_ASIDE.fullmatch(doc.text, previous.end, actor.start):
        return None  # "Cassian, essayed by Common, is Gianna's bodyguard": the aside's agent is not the subject
    if (_OBJECT_ASIDE.search(doc.text, max(sentence_start, actor.start - 60), actor.start)
            or _ASIDE_ON_THE_SUBJECT.search(doc.text, max(sentence_start, actor.start - 60), actor.start)) \
            and _ASIDE_CLOSES.match(doc.text, actor.end):
        # "Fishburne, teamed with Keanu Reeves once more, is the Bowery King", "Donnie Yen, who fights Keanu Reeves
        # on the stairs, is Caine", "X, not Ian McShane, plays Y": the aside's object is not the subject
        return None
    reach = WINDOW + aside_length(doc.text, actor.end)
    for position in range(index + 1, len(mentions)):
        other = mentions[position]
        if other.start - actor.end > reach:
            break
        if other.start >= sentence_end and not only_layout(doc.gap(actor.end, other.start), cues):
            break  # a sentence ends between them, unless the "end" is list layout ("Clancy Brown ... Harbinger")
        if other.mask & CHARACTER and is_possessive(doc.text, other.end):
            gap = doc.gap(actor.end, other.start)
            related = relation_role(cues).match(doc.text, other.end)
            if related and not given and not _NAME_FOLLOWS.match(doc.text, related.end()) \
                    and not _CAPITALISED.search(gap) and forward_link(gap, cues) \
                    and not (previous is not None and is_role(doc, previous)
                             and ENTRY_LABEL_GAP.fullmatch(doc.gap(previous.end, actor.start))):
                # "Peter Stormare shows up as Viggo's brother": the role is the description, no name follows (nor
                # comes first: "Common plays Cassius, Gianna's bodyguard" names the role before describing it, and
                # so does an entry's label: "**Ares** — Ruby Rose as Santino's mute enforcer")
                described = (other.start, related.end())
                return Candidate("pair-described-role", "cast", actor.start, related.end(),
                                 parts={"actor": [(actor.start, actor.end)], "character": [described]})
            worn = worn_role_end(doc.text, other.end, gap)  # "slips effortlessly into Santino's skin"
            if worn is not None:
                return role_candidate(doc, cues, actor, other, actor.start, worn)
            continue  # "as Santino's mute enforcer Ares": a description
        if not is_role(doc, other) or (other.mask & PERSON and not other.mask & CHARACTER):
            if other.mask & PERSON and not (_ASIDE_ON_THE_SUBJECT.match(doc.text, actor.end, other.start)
                                            and _ASIDE_CLOSES.match(doc.text, other.end)):
                return None  # another actor comes first (not one inside a relative clause on this one)
            continue
        gap = doc.gap(actor.end, other.start)
        if in_brackets and ")" in gap:
            return None
        if cues_unknown_role(doc, actor.end, other.start):
            break  # "Peter Serafinowicz as the Tailor, fitting John": the cue's own role comes first
        if other.mask & WORK and _POSSESSIVE_ONLY.fullmatch(gap) and doc.their_work(actor, other):
            return None  # "Len Wiseman's Ballerina (2025)": the work the person made, not a part they play
        if given:
            # the role noun must be what is given: not "gives Donnie Yen a daughter called Akira"
            return role_candidate(doc, cues, actor, other, actor.start, other.end) \
                if _GIVEN_ROLE.fullmatch(gap) and not _SENTENCE_END.search(gap) else None
        if _BRACKETED_DESCRIPTION.fullmatch(gap) and doc.text.startswith(")", other.end):
            # "Katie McGrath (the masked Adjudicator)": the bracket describes the role it closes on
            return role_candidate(doc, cues, actor, other, actor.start, other.end + 1)
        if _AS_THEN.search(gap) and not _POSSESSIVE_START.match(gap) and _VERB_AFTER.match(doc.text, other.end):
            return None  # "holds him down as Caine watches": "as" opens a clause whose subject the role is
        if forward_link(gap, cues) or (gap.strip() == "," and AGAIN_AFTER.match(doc.text, other.end)) \
                or _as_role_here(doc, gap, other) or _apposed_role(doc, gap, other) \
                or (_OWN_ROLE_GAP.fullmatch(gap) is not None and _own_or_uncast(doc, actor, other)):
            return role_candidate(doc, cues, actor, other, actor.start, other.end)
        if other.mask & CHARACTER and not _AS_BEFORE.search(gap):
            continue  # "fights John in the library as Ernest": a character in the action, not the role
        return None
    return None if given else new_role(doc, cues, actor, sentence_end)


_GIVEN_TO = re.compile(r"\b(?:gives?|gave|giving|hands?|handed|offers?|offered|grants?|granted)\s+\Z", re.IGNORECASE)
_GIVEN_ROLE = re.compile(r"\s+(?:[^.;!?\n]{0,60}?\s)?(?:a|an|the)\s+(?:[\w'-]+,?\s+){0,3}?(?:character|role|part)\b"
                         r"[^.;!?\n]{0,40}?(?:called|named|dubbed|as|of|:|,)\s+(?:the\s+)?", re.IGNORECASE)
# "(the masked Adjudicator)", "(a wry Gianna)": an article and at most three describing words, in the actor's bracket
_BRACKETED_DESCRIPTION = re.compile(r"\s*\(\s*(?:the|a|an|his|her|their)\s+(?:[a-z][\w'-]*,?\s+){0,3}", re.IGNORECASE)

_CAPITALISED = re.compile(r"\b(?-i:[A-Z])")
# ... unless its name follows: "Gianna's bodyguard, a man named Cassius", "...: Cassius", "... and his name is Cassius"
_NAME_FOLLOWS = re.compile(r"\s*(?:[,:(\u2014\u2013-]\s*|\s+(?:and\s+)?(?:his|her|whose)\s+name\s+is\s+|"
                           r",?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:named|called|known\s+as)\s+|"
                           r",?\s+(?:named|called|known\s+as|who\s+goes\s+by)\s+)(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)


# "Ian McShane returns to Winston", "Michael Nyqvist, God rest him, and his Viggo": the role as where the actor
# goes back to, or as the actor's own; as often the plot's ("returns to John", "Keanu Reeves and his Helen"), so
# only a role the reference gives the actor here, or any role of an actor it does not cast here (to be flagged)
_OWN_ROLE_GAP = re.compile(r"\s*,?\s*(?:\w+ly\s+)?(?:returns|returned|returning|comes\s+back|came\s+back|coming\s+back|"
                           r"goes\s+back|went\s+back)\s+to\s+(?:the\s+)?"
                           r"|(?:\s*,[^,;.!?()\n]{1,40},|\s*,)?\s+and\s+(?:his|her|their)\s+(?:own\s+)?", re.IGNORECASE)


def _own_or_uncast(doc: Document, actor: Mention, role: Mention) -> bool:
    actors = {e.iri for e in actor.of_kind(PERSON)}
    roles = {e.iri for e in role.of_kind(CHARACTER)}
    own = {character for player, character in doc.film_performances if player in actors}
    return bool(own & roles) if own else bool(roles - {None})


# "Peter Serafinowicz, the sommelier, gets one scene": a role named with its article, set off by commas;
_APPOSED_END = re.compile(r"\s*(?:[.;:!?)]|,\s+(?!and\b|or\b)(?-i:[a-z])|\Z)")


# "Kevin Nash, the bouncer Francis, ...": a description and the role's name, apposed to the actor
_DESCRIBED_APPOSITION = re.compile(r",\s+(?:the|his|her|their)\s+((?:[a-z][\w'-]*\s+){1,3})")
_RELATIVE = frozenset({"who", "that", "which", "whom", "whose"})


# (with an adjective or two of affection or a compound one: "our beloved Charon,", "our franchise-tagged John Wick")
_SPEAKERS_ROLE = re.compile(r"\s*,\s+(?:our|your)\s+(?:(?:very\s+own|own|beloved|dear|favou?rite|old|trusty|"
                            r"[a-z]+-[a-z-]+|faithful|dearly\s+departed|late|lovely|wonderful|glorious)\s+){0,2}", re.I)


def _apposed_role(doc: Document, gap: str, role: Mention) -> bool:
    if _APPOSED_END.match(doc.text, role.end) is None:
        return False
    if gap.strip() == ",":
        return doc.text[role.start:role.start + 4].lower() == "the "
    if _SPEAKERS_ROLE.fullmatch(gap):
        return True  # "Ian McShane, our Winston, ...": the role as the speaker's own (the cast they work with)
    described = _DESCRIBED_APPOSITION.fullmatch(gap)
    if described is None or not any(e.iri in doc.film_roles for e in role.of_kind(CHARACTER)):
        return False
    # a noun phrase, not a clause: "the hitman hunting Iosef", "the man hired by Viggo" name someone else
    words = described.group(1).split()
    cues = default_cues()
    return not any(w in _RELATIVE or w in cues["description-stop"] or (i and w.endswith("ing"))
                   for i, w in enumerate(words))


_SENTENCE_END = re.compile(r"[.!?;:\n]")
_AS_BEFORE = re.compile(r"\bas\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\w'-]+\s+){0,2}\Z"
                        r"|\bas\s+[^.!?;:\n]{0,60}\b(?:called|named|dubbed|known\s+as|calls\s+(?:himself|herself))\s+\Z",
                        re.IGNORECASE)
_COMPARISON = re.compile(r"\bas\s+\w+(?:ly)?\s+as\s+\S*\s*\Z", re.IGNORECASE)  # "as menacing as Santino"
_LONG_GAP_WORDS = 14
# "as" closing a verb phrase of three words or more, maybe with a description ("has him in a headlock as", "leaves the
# room as Viggo's son"; not "X as Y is", "X returns as Y"), or the player's verb, then a noun phrase whose clause the
# role opens ("plays her as the one person John owes", "is someone Winston trusts": a relative clause without "that")
_POSSESSIVE_START = re.compile(r"['\u2019]s?\s")  # "X's fourth turn as Winston is superb": a noun phrase, no clause
_AS_THEN = re.compile(r"\w+\s+\w+\s+\w+\s+as\s+(?:(?:the|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
                      r"|[\w-]+['\u2019]s\s+(?:[\w-]+\s+){0,2}?)?\Z|^\s+(?:\w+ly\s+)?(?:is|was|(?-i:[a-z]{2,}(?:s|ed)))\s"
                      r"(?:[^.!?;:\n]*\s)?(?:someone|somebody|(?:the|a|an)\s+(?:[\w-]+\s+){0,2}[\w-]+)\s+\Z",
                      re.IGNORECASE)
# a finite verb right after the role: "as Caine watches", "as Winston explained", "as Charon is shot"
_VERB_AFTER = re.compile(VERB_AFTER)


def _as_role_here(doc: Document, gap: str, role: Mention) -> bool:
    """"Boban Marjanović fights John in the library as Ernest", "Fishburne comes back to the series as the Bowery
    King": "as" and a role of the reviewed work close a clause of the actor's, however long its verb phrase;
    not a comparison ("as good as Winston"). Also a performance verb with that role, or a known wrong name of one
    ("gives Rooney a steely edge": claimed, so that it is flagged), as its object."""
    roles = role.of_kind(CHARACTER)
    here = any(e.iri in doc.film_roles for e in roles)
    if (here or any(e.iri is None for e in roles)) and performed_link(gap, doc.text[role.end:role.end + 120]):
        return True
    if not here or not _AS_BEFORE.search(gap) or _SENTENCE_END.search(gap) or _COMPARISON.search(gap):
        return False
    return len(gap_words(gap[aside_length(gap, 0):])) <= _LONG_GAP_WORDS  # an aside on the actor does not count


def _backward(doc: Document, cues: Cues, mentions: list[Mention], index: int) -> Candidate | None:
    actor = mentions[index]
    owner = is_possessive(doc.text, actor.end)  # only "the role is X's", "Y is X's best role"
    sentence_start, _ = doc.sentence(actor.start)
    mark = FOOTNOTE_MARK.match(doc.text, actor.end)  # "Ruby Rose[2])": the bracket closes after the mark
    after = doc.text[mark.end() if mark else actor.end:actor.end + 60]
    for position in range(index - 1, -1, -1):
        other = mentions[position]
        gap = doc.gap(other.end, actor.start)
        asked = gap.startswith("?") and not gap[1:].strip()  # "The Harbinger? Clancy Brown."
        if actor.start - other.end > WINDOW or (other.end <= sentence_start and not asked):
            return None
        if other.mask & PERSON and not other.mask & CHARACTER:
            return None
        if other.mask & CHARACTER and _CONTRACTED_IS.fullmatch(doc.text, other.end, actor.start) \
                and _PHRASE_END.match(doc.text, actor.end):
            return role_candidate(doc, cues, actor, other, other.start, actor.end)  # "Viggo's the late X": 's = is
        if not is_role(doc, other) or under_another_head(doc, other.start, actor.start) or (position and mentions[
                position - 1].mask & PERSON and _AS_BEFORE.search(doc.gap(mentions[position - 1].end, other.start))):
            # not a role, one inside the subject's relative clause ("Sofia, who owes John a marker,"), or one cast
            continue  # already ("Keanu as John Wick, a widower, retired and old, Stahelski took the chair")
        if _COPULA_GAP.fullmatch(gap) and _GOVERNED.search(doc.text, max(0, other.start - 12), other.start):
            continue  # "the man calling the shots on Ballerina is X": a preposition's object is not the subject
        relation = _OF_BEFORE.search(doc.folded, max(0, other.start - 40), other.start)
        if relation and relation["noun"].lower() in cues["relation-noun"]:
            continue  # "The role of Abram, brother of the late Viggo, falls to X": the relation's other end
        if "\n" in gap:
            return None
        if owner:
            linked = owned_role(gap, after, cues)
        elif (_COMMA_THEN_COPULA.match(gap) and not _SUBJECT_OPENS.search(doc.text, max(0, other.start - 3),
                                                                           other.start)) \
                or _OWN_VERB_THEN_COMMA_COPULA.match(gap):
            # "the man John trusts with Perkins, is X": the comma closes the apposition Perkins is in; "the one local
            # John treats as an equal, is played by X": the role is the subject of the apposition's own verb
            linked = False
        else:
            phrase = " ".join(w for w in gap_words(gap) if w not in (",", "the", "here", "again", "now"))
            linked = backward_link(gap, after, cues) or _as_aside(doc, other, gap) \
                or _PLAYED_BY_AT_CLAUSE_END.fullmatch(gap) is not None \
                or elided_link(gap, doc.text[max(sentence_start, other.start - WINDOW):other.start], cues) or (
                phrase in ("whom", "who") and re.match(
                    r"\s+(?:\w+ly\s+)?(?:plays|played|portrays|portrayed|voices|voiced)\b", after) is not None)
        if linked:
            aside = ASIDE_END.match(after)  # "Charon (Lance Reddick, returning)": the bracket is the evidence's
            end = actor.end + (aside.end() if aside else 0)
            return role_candidate(doc, cues, actor, other, other.start, end)
        if not owner and APPOSITION_CLOSED_BEFORE.fullmatch(gap):
            continue  # a role inside the apposition of the subject before it
        return None
    return None


_COPULA_GAP = re.compile(r"\s+(?:is|was)\s+", re.IGNORECASE)
_GOVERNED = re.compile(r"\b(?:on|in|at|by|for|off|with|from|about)\s+(?:the\s+)?\Z", re.IGNORECASE)


# "the Bowery King drops by for a scene, played once again by X", "John kills Santino, played by X": a participle
# closing the clause names the player of the role nearest before it
_AGAIN_WORDS = r"(?:(?:once\s+again|again|as\s+ever|as\s+always|still|here|now|once\s+more)\s+)?"
_PLAYED_BY_AT_CLAUSE_END = re.compile(rf"[^;.!?()\n,]{{1,60}},\s*{_AGAIN_WORDS}(?:played|portrayed|voiced)\s+"
                                      rf"{_AGAIN_WORDS}by\s+", re.IGNORECASE)


def _as_aside(doc: Document, role: Mention, gap: str) -> bool:
    """"As Cormac, the paranoid boss of the hotel, Mel Gibson ...", "As Caine, Donnie Yen is magnetic": a leading
    "as" that opens the sentence, and an appositive or a bare comma."""
    before = doc.text[max(0, role.start - 12):role.start]
    if re.fullmatch(r",\s+", gap):
        return re.search(r"(?:^|[.!?;:,\n]\s*)[Aa]s\s+(?:the\s+)?$", before) is not None
    return re.search(r"(?:^|[.!?;:\n]\s*|\b)[Aa]s\s+(?:the\s+)?$", before) is not None and \
        re.fullmatch(r",[^;.!?\n()]{1,80},\s+", gap) is not None
