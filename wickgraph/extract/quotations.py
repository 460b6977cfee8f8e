"""Quotations the text gives to someone other than its writer: signed after a dash or inside their marks, cited,
under a speaker's colon, a handle or a line that reports someone's words, with their source in brackets; and who
writes the text, as its first lines name them, whose own signed quotations stay theirs."""

from __future__ import annotations

import itertools
import re

from .dialogue import spoken_aloud
from .endorsements import scripted, ticked
from .layout_words import CROSS_MARK, RULE_LINE, SCREEN_TEXT, STAMP
from .quoteheadings import under_others_heading

__all__ = ["BYLINE", "CRITIC_AND_OUTLET", "INITIALS", "NAME_COLON", "NAME_WORD", "SAYING", "attributed_quotes",
           "byline_names", "top_lines", "writer_names"]


# a person's initials, each with its full stop: "H.B.", "T.", "K. M."
INITIALS = r"(?-i:[A-Z])\.(?:[ \t]?(?-i:[A-Z])\.){0,3}"
# a bracketed note its writer signs, as a recipient annotates a fax or a colleague a notebook: "[handwritten:
# Berrada = Jerome Flynn? -- T.]", "[K.M.: not Ares -- Kim]" (initials after a dash, or a name after a typed "--"; not
# an org chart's box, whose dash pairs a player and a role: "[Lead: Keanu Reeves — John Wick]")
_SIGNED_NOTE = re.compile(r"\[[^\[\]\n]{1,300}?(?:(?:--?|[\u2014\u2013])[ \t]*(?P<who>" + INITIALS
                          + r")|--[ \t]*(?P<name>(?-i:[A-Z])[\w'\u2019-]+))[ \t]*\]")


# someone the writer knows or saw, by what they are to the writer or what they did
_SOMEONE = (r"(?:man|woman|guy|girl|boy|kid|friend|cousin|brother|sister|mum|mom|dad|father|mother|aunt|uncle|nan|gran|"
            r"colleague|neighbou?r|stranger|fan|viewer|reader|listener|caller|wife|husband|partner|flatmate|roommate|"
            r"son|daughter|lady|bloke|fella|usher|customer|guest|passenger|witness|mate|pal|boss|employee|commenter|"
            r"user|subscriber|parent|buyer|shopper|clerk)")


# a verb of saying, then a third person who says it, after a quotation: '"...," says Gus', '"...," writes a reader'
_SAYS_THEN_SPEAKER = (r"(?:says|said|writes|wrote|adds|added|recalls|recalled|insists|insisted|laughs|jokes|joked|"
                      r"notes|noted|argues|argued|continues|continued|goes[ \t]+on)[ \t]+(?:(?-i:[A-Z])|(?:the|my|his|"
                      r"her|one|a|an|another|our|their)[ \t])")
# a third person's verb of saying or writing, before the colon that opens their words ("A reader writes:", "who
# states:", "My aunt texted at midnight:")
SAYING = (r"(?:wrote|writes|said|says|adds|added|posted|commented|replied|replies|tweeted|texted|emailed|messaged|"
          r"whispered|shouted|yelled|yells|screamed|screams|hollered|announced|insisted|insists|proposes|proposed|"
          r"suggests|suggested|claims|claimed|"
          r"complains|complained|states|stated|alleges|alleged|asserts|asserted|argues|argued|contends|contended|"
          r"submits|submitted|maintains|maintained|asks|asked|"
          # words heard or passed along, as a game of telephone or a rumour carries them: "Ben passed on:", "Dev
          # swore he heard:"
          r"heard|misheard|swore|swears|passed[ \t]+(?:on|along)|"
          # a text's words: "The key paragraph read:", "The poster reads:"
          r"(?:(?<=paragraph )|(?<=note )|(?<=sign )|(?<=poster )|(?<=tweet )|(?<=post )|(?<=headline )|"
          r"(?<=caption )|(?<=line )|(?<=card )|(?<=message )|(?<=text )|(?<=letter )|(?<=entry ))(?:read|reads))")


# A quotation (a paragraph at most), then who said it: a dash and a name on its line or the next ('"Ten out of ten."
# / — Gus Tennant'), or a verb of saying and its speaker ('"Ten out of ten," says Gus')
# (in any pair of marks: "...", “...”, ❝...❞, «...»)
_QUOTED_CHARACTER = r"[^\u201c\u201d\"\u275d\u275e\u00ab\u00bb\n]"
_QUOTATION = re.compile(rf"[\u201c\"\u275d\u00ab](?P<body>{_QUOTED_CHARACTER}{{1,600}}"
                        rf"(?:\n(?![ \t]*\n){_QUOTED_CHARACTER}{{1,600}}){{0,5}})[\u201d\"\u275e\u00bb]")
# an essay's citation of its source, after a quotation or closing a block quotation: "(Ebert 2)", "(Kael, p. 88)"
# (not a date in brackets: "(Feb. 2017)", "(May 2019)")
_CITATION = (r"\((?!(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
             r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)(?-i:[A-Z])[\w'\u2019.-]+"
             r"(?:[ \t]+et[ \t]+al\.)?,?[ \t]+(?:pp?\.[ \t]*)?\d{1,4}(?:[-\u2013]\d{1,4})?\)")
# a critic's name and their outlet after a pull quote's stars: "★★★★ Lyle Abend, Screenbound"
CRITIC_AND_OUTLET = r"[ \t]*(?-i:[A-Z])[\w.'\u2019-]+(?:[ \t]+(?-i:[A-Z])[\w.'\u2019-]+){0,2}[ \t]*,[ \t]*(?-i:[A-Z])"
_ATTRIBUTION = re.compile(rf"[ \t]*{_CITATION}|"
                          # (or someone the writer knows or saw, not named: '"..." — my cousin, who slept through it')
                          # (a name in quotation marks, a handle: '— "The Oracle"', '— u/HighTableHoarder')
                          r"[ \t]*(?:\n[ \t]*)?(?:[\u2014\u2013]|-{1,2})[ \t]*"
                          # (or a user name, its underscore or digits showing it: '"..." - pigeonkeeper_88')
                          r"(?:['\u2018\"\u201c]?(?-i:[A-Z])|(?:u/|@)\w|(?-i:[a-z])[\w.]*[_\d][\w.]*(?![\w.])|"
                          rf"(?:my|his|her|our|their|your|a|an|one|some)[ \t]+(?:[a-z]+[ \t]+)?{_SOMEONE}s?\b)"
                          # (or on a line of its own under it, as a box of quoted customers names them: '"..."' /
                          # 'customer, Rotterdam', 'review comment, 31 likes')
                          rf"|[ \t]*\n[ \t\u2502|>]*(?:(?:a|an|one|my|our)[ \t]+)?(?:[a-z]+[ \t]+)?"
                          rf"(?:{_SOMEONE}|comment|review|post|reply)s?,"
                          # a pull quote's stars or score, then its critic and outlet: '"..." ★★★★ Lyle Abend, Screen'
                          rf"|[ \t]*(?:[\u2605\u2606\u272a\u2b50*]{{1,5}}\u00bd?|\d(?:\.\d)?/\d{{1,2}})[ \t]"
                          rf"{CRITIC_AND_OUTLET}"
                          rf"|,?[ \t]+{_SAYS_THEN_SPEAKER}"
                          # (its speaker first: '"...," one critic wrote in 2017', '"...," my brother insists')
                          r"|,?[ \t]+(?:one|a|an|another|some|the|my|his|her|their|our)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
                          r"(?:says|said|writes|wrote|insists|insisted|claims|claimed|argues|argued|tweeted|posted|"
                          r"reckons|reckoned|declared|declares)\b"
                          # (a third person or a name, and how loud: '"Leitch directed it!" he screeched', '"...," Gus
                          # insisted'; not the writer: '"...," I said')
                          r"|,?[ \t]+(?:he|she|they|(?-i:[A-Z])[\w'\u2019-]+)[ \t]+(?:says|said|writes|wrote|insists|"
                          r"insisted|claims|claimed|argues|argued|declared|declares|shouted|shouts|yelled|yells|"
                          r"screeched|screeches|squawked|squawks|roared|roars|bellowed|bellows|cried|cries|snapped|"
                          r"barked|muttered|mutters|whispered|whispers|swore|swears|announced|announces|added|adds)\b")


# A line's opening that names who speaks it, before a colon: "Gus: ", "Deb in Leeds: ", "Tomas K.: " (one copy, for
# every module that reads them)
NAME_COLON = (r"[ \t>*\u2022-]*(?-i:[A-Z])[\w.'\u2019-]*(?:[ \t]+[\w.'\u2019-]+){0,3}"
              # the speaker's part after a comma: "Ruth Okafor, witness:", "Desmond Harrow, who remarks:", or a longer
              # description that a determiner opens: "Gloria, my aunt from two floors down:" (not "Verdict, after
              # the second viewing:")
              r"(?:,[ \t]*(?:(?-i:[a-z])[\w'\u2019-]*(?:[ \t]+(?-i:[a-z])[\w'\u2019-]*){0,2}|"
              r"(?-i:the|a|an|my|our|his|her|their|who)(?:[ \t]+(?-i:[a-z])[\w'\u2019-]*){1,7}))?"
              # an aside after the name, and the verb after it: "Dominic Farrant (external panel) writes:"
              r"(?:[ \t]*\([^()\n]{1,40}\)(?:[ \t]+[\w.'\u2019-]+){0,2})?[ \t]*:")
# ... or a name and a colon before it, opening the line: 'Gus: "Leitch is the credited director."' (not a label
# that says what the line is, as a lesson or a phrasebook gives its model lines: 'Answer: "Chad Stahelski directed
# it."', 'Example: "..."')
# nouns of someone's words, as a label before a quotation: 'His note: "..."', "Dev's take:", "My verdict:"
_WORDS_NOUN = (r"(?:notes?|words|comments?|message|reply|take|verdict|line|answer|response|argument|pitch|reasoning|"
               r"rationale|explanation|claim|theory|view|opinion|guess)")
_SPEAKER_BEFORE = re.compile(r"(?:^|\n)(?![ \t>*\u2022-]*(?i:(?:model|sample|suggested|correct|right)[ \t]+)?"
                             rf"(?i:answers?|examples?|usage|translation|{SCREEN_TEXT.pattern}"
                             # (nor the writer's own words so labelled: 'My note: "..."')
                             rf"|(?:my|our)[ \t]+(?:[\w-]+[ \t]+)?{_WORDS_NOUN}(?:,[^:\n]{{0,30}})?)[ \t]*:)"
                             rf"{NAME_COLON}[ \t]*\Z")
# ... or someone's noun of saying before it on its line: 'His note: "..."', 'with her reasoning: "..."', "Dev's take:"
_POSSESSED_WORDS_BEFORE = re.compile(rf"\b(?:his|her|their|(?-i:[A-Z])[\w'-]*['\u2019]s)[ \t]+(?:[\w-]+[ \t]+)?"
                                     rf"{_WORDS_NOUN}[ \t]*:[ \t]*\Z", re.IGNORECASE)
# ... or a listener's or a reader's message brought in by name and place mid-paragraph, as a presenter does: 'And from
# Ade in Leeds: "..."', 'Over to Bea in Bath: "..."', 'Ade from Leeds: "..."'
_FROM_SOMEONE_BEFORE = re.compile(r"(?:^[^\w\n]*|[.!?)][ \t]+)(?:(?i:and|now|next|finally|then)[ \t]+)?"
                                  r"(?:(?i:from|over[ \t]+to|here['\u2019]s)[ \t]+)?"
                                  r"(?-i:[A-Z])[\w.'\u2019-]*(?:[ \t]+(?-i:[A-Z])[\w.'\u2019-]*)?,?[ \t]+"
                                  r"(?i:in|from|of)[ \t]+(?-i:[A-Z])[\w'\u2019-]*(?:[ \t]+(?-i:[A-Z])[\w'\u2019-]*)?"
                                  r"[ \t]*:[ \t]*\Z", re.MULTILINE)
# ... or its source and a dash before it on its line, as a video's stitch or a reply quotes another post:
# '[STITCH: @wickfacts — "Leitch directed it"]', '@reelrick - "..."', 'my roommate's Letterboxd — "6/10"'; or a
# handle and a colon: '↪ @hotTakeHarold: "Leitch did all the directing"'
_SOURCE_DASH_BEFORE = re.compile(r"(?:@[\w.]+[ \t]*:|(?:@[\w.]+|\b[\w]+['\u2019]s[ \t]+[\w]+)[ \t]*"
                                 r"(?:[\u2014\u2013]|-{1,2}))[ \t]*\Z")
# ... or a bracketed tag opened before it that names who shouts it: '[TABLE 9, Clive: "Leitch directed it!"]'
# ... or a note's longer tag: '[pencilled underneath, by whoever was holding the glue: "X is the Elder"]'
_BRACKET_TAG_BEFORE = re.compile(r"[\[{][^\]}\n\"\u201c]{1,80}:[ \t]*\Z")  # (or in braces: "{Kibitzer, leaning over:")
# ... or a bracketed line of its own right above it whose tag names the speaker, as a transcript's or a show's
# running order does: '[DJ intro: "Static" Reyes, talking over the fade]' over '"...and that was the Shins ..."'
_BRACKET_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*\[[^\]\n:]{1,30}:[^\]\n]{1,120}\][ \t]*\n[ \t]*\Z")
# ... or a bracketed direction of reading aloud right before it, on its line or the line above (a transcript's margin
# number between): '(Reading:) "..."', '[reads from the blurb]', so the words are the document's, not the reader's
_READ_ALOUD_BEFORE = re.compile(r"[(\[][ \t]*(?i:reading|reads|read(?:s|ing)?[ \t]+(?:aloud|out|from)[^)\]\n]{0,40})"
                                r"[ \t]*:?[ \t]*[)\]][ \t]*(?:\n[ \t\d]*)?\Z")
# ... or a line of its own before it that names the speaker and says who they are, as a testimonial box does (no
# sentence: "Keanu Reeves, as ever, is superb." is prose):
# 'Youssef, Cabin Crew, Casablanca base' over '"Three and a half stars for the film"'
# (after a label that announces someone's contribution: "[19:45] GUEST POST – Ben Kowalczyk, deputy arts editor")
_NAMED_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t*_]*(?:[^\n]{0,20}?\b(?i:guest|post|letter|comment|message|reply|from|by|"
                                r"caller|reader|voice)\b[ \t]*(?:[\u2013\u2014:]|-{1,2})[ \t]*)?"
                                r"(?-i:[A-Z])[\w.'\u2019-]*(?:[ \t]+(?-i:[A-Z])[\w.'\u2019-]*){0,2},"
                                r"[ \t]*[^\n\"\u201c]{0,59}[^\n\"\u201c.!?]\n[ \t]*\Z")
# a piece of someone else's writing that reached the writer, named by its noun and how it came: "The following
# complaint was lodged by a customer", "A reference reached us from a message board", "One letter arrived from a
# regular" (not the writer's own: "my review from last year")
_RECEIVED = (r"(?<!\bmy )(?<!\bMy )(?<!\bour )(?<!\bOur )(?i:\b(?:letter|complaint|e-?mail|message|note|reference|"
             r"submission|review|comment|feedback|dispute|report|statement|postcard|voicemail|reply|response|objection|"
             r"appeal|petition|post|tweet|thread|grievance|representation|testimony|allegation)s?\b[^\n:]{0,80}?"
             r"\b(?:from|by|received|arrived|reached|lodged|filed|sent|forwarded|submitted)\b)")
# ... or a clause before it on its line with a third person's verb of saying, closed by a colon or a comma ('wrote a
# user with the name "Kinoman_88": "..."', 'My aunt texted at midnight: "..."', 'Dev said, word for word, "..."',
# '... a subscriber, who states: "..."'; not the writer's: 'I wrote in my notebook:'), or a piece of writing received
# ('The following letter was received and is reproduced without correction: "..."', 'a post by @wickfacts ("...")')
_SAYS_BEFORE = re.compile(rf"(?:(?<!\bI )(?<!\bwe )(?<!\bWe )(?<!\bI also )\b{SAYING}\b|{_RECEIVED}"
                          # (or passed on word for word: "From Casablanca Coastguard, repeated as received:")
                          r"|\b(?i:printed|repeated|reproduced|relayed|quoted|copied)[ \t]+(?:as[ \t]+(?:received|sent|"
                          r"written|given)|verbatim)\b)[^\n:(]{0,60}[:(,][ \t]*\Z")
# ... not a log's own entry, whose verb has no subject: the writer's ("Also added one of mine:", "Added:", "Wrote on
# the board:")
_SUBJECTLESS_SAYING = re.compile(rf"(?:(?<![^\n])|(?<=[.!?;][ \t])|(?<=\d[ \t]))[ \t]*"
                                 rf"(?:(?i:also|then|and|just)[ \t]+)?(?i:{SAYING})\b[^\n:(]{{0,60}}[:(,][ \t]*\Z")
# ... or the second half of a quotation its reporting clause splits: '"Dear poet," writes a reader in Hoboken, "you
# ought to mention that ..."' (the speaker of the first half is a third person's, as :data:`_ATTRIBUTION` reads)
_SPLIT_QUOTE_BEFORE = re.compile(rf"[\"\u201d],?[ \t]+{_SAYS_THEN_SPEAKER}[^\n\"\u201c\u201d]{{0,80}},[ \t]*\Z")
# ... or a third person's verb of calling right before it on its line, whose object it is: 'A letter from a parent
# described the film as "..."', 'A member of the public wrote in, calling it "..."' (not the writer's: 'I called it')
_CALLED_BEFORE = re.compile(r"(?<!\bI )(?<!\bwe )(?<!\bWe )\b(?:described|describes|describing|calling|called|calls|"
                            r"labell?ing|labell?ed|labels|dubbed|dubbing|dubs|branded|branding|brands)[ \t]+"
                            r"(?:it|this|that|them|the[ \t]+(?:film|movie|picture|sequel|series|show|game))[ \t]+"
                            r"(?:as[ \t]+)?\Z")
# ... or a mark before it on its line that rejects it, as a script's margin rejects a draft line: 'T. BRENNAN DRAFT
# (rejected): "..."', 'R. MBEKI DRAFT \u2717 "..."', 'alt line \u2718 "..."'
_REJECTED_BEFORE = re.compile(r"(?:\((?i:rejected|declined|struck|cut|withdrawn|not[ \t]+used|binned)\)"
                              rf"|{CROSS_MARK}|\b(?:REJECTED|DECLINED|STRUCK)\b)[^\n\"\u201c]{{0,20}}\Z"
                              # (a cross opening the line: '✗ Ticket #0417 (claimant "Big Vic"): "..."')
                              rf"|(?:\A|(?<=\n))[ \t]*{CROSS_MARK}[^\n]{{0,100}}\Z")
# ... or a verdict after it on its line that rejects it, as a betting slip or a claims desk marks a losing pick:
# '"Released 2015" ... LOST', '"Jason Statham plays Viggo" ✗', '"..." — REFUSED', '"Keanu, directing": crossed out'
_REJECTED_AFTER = re.compile(r"[ \t.\u2026,:;\u2014\u2013-]*(?:LOST|WRONG|FALSE|REJECTED|REFUSED|DENIED|INCORRECT|"
                             rf"NOT[ \t]+PAID|BUSTED|{CROSS_MARK}|(?i:(?:(?:is|was|gets|got)[ \t]+)?"
                             r"(?:crossed|struck|scratched|scored)[ \t]+(?:out|through)))(?![\w])")
# ... or a quotation that opens with its poster's handle, as a comment pasted in is quoted: '"@kathedral: pretty sure
# Ares is Ruby Rose mate"', or with a name and a verb of saying, as a shop's card quotes its staff: '"DWAYNE SAYS: 2 OUT
# OF 5"', '"Mia reckons: ..."'
_HANDLE_OPENS = re.compile(r"[ \t]*(?:@[\w.]+|(?!I\b)(?-i:[A-Z])[\w'\u2019-]*(?:[ \t]+(?-i:[A-Z])[\w'\u2019-]*)?[ \t]+"
                           r"(?i:says|said|writes|wrote|rates|reckons|thinks))[ \t]*:")
# ... or one its writer signs inside its marks, as a comment card is transcribed: '"... Still great. — M. Okafor"'
# (a name after a dash, maybe with where or how old they are, or in quotes, or a handle, and no sentence: not "— End of
# story.")
# (or a letter's closing words before the name, a letter quoted whole: '"Dear Sirs, ... Yours, D. Pruitt, Leeds."')
_SIGNED_INSIDE = re.compile(r"(?:(?:[\u2014\u2013]|--?)[ \t]*(?:['\u2018]?(?-i:[A-Z])|(?:u/|@)\w)[\w.'\u2019-]*"
                            r"(?:[ \t]+[\w.'\u2019-]+){0,3}(?:,[^\n.!?]{1,30})?(?<![.!?])"
                            # (or initials, their stops theirs: '"... Rewatch value: 6/10. \u2014 H.B."')
                            rf"|(?:[\u2014\u2013]|--?)[ \t]*{INITIALS}"
                            r"|(?<![\w,])[ \t]*(?:Yours(?:[ \t]+(?:sincerely|faithfully|truly))?|"
                            r"Sincerely(?:[ \t]+yours)?|"
                            r"(?:Kind[ \t]+|Best[ \t]+)?[Rr]egards|Best[ \t]+wishes)[ \t]*,?[ \t]*"
                            r"(?-i:[A-Z])[\w.'\u2019-]*(?:[ \t]+[\w.'\u2019-]+){0,3}(?:,[^\n.!?]{1,30})?\.?)[ \t]*\Z")
# a block quotation: lines indented by four spaces or a tab, closed by the citation of its source
_BLOCK_QUOTE = re.compile(r"^(?:(?: {4,}|\t)[^\n]*\S[^\n]*\n?)+", re.MULTILINE)
# an e-mail's quoted lines, or a Markdown block quotation: a run of lines opened by ">" ("> Avi is Dean Winters")
_MARKED_QUOTE = re.compile(r"^(?:[ \t]*>[^\n]*(?:\n|\Z))+", re.MULTILINE)
_CITED_AT_END = re.compile(rf"{_CITATION}[ \t.]*\Z")
# ... or opened by the line of a post's author and handle, as a thread indents a quote-post or a reply under the
# writer's post ("    QT Kev | action takes @kevcuts", "    ↳ Dan @wickbro99 · replying to @maraframes")
_HANDLE_OPENS_BLOCK = re.compile(r"[ \t]*(?:QT\b|RT\b|[\u21b3\u21aa])[^\n@]{0,60}(?P<handle>@[\w.]+)[^\n]{0,60}\n")
# a chat's line under its handle in angle brackets, as IRC and stream chats print it: "<kappa_king> leitch directed"
_HANDLE_LINE = re.compile(r"^[ \t]*(?:\[[\d:]{4,8}\][ \t]*)?<[\w.@|-]{1,30}>[ \t][^\n]*", re.MULTILINE)


# a list item's bullet opening the quotation's line: a dash opening the next line is then the next item's bullet
_ITEM_BULLET = re.compile(r"[ \t]*(?:[\u2014\u2013]|-{1,2})[ \t]")


# a quoted tag of names set apart by slashes or bars, as a prop's label, a hanger or a badge prints them
# ('"Ian McShane / Winston"'): an inscription, which nobody says
# (each word after a space of its own: a run of capitals must not split into words in every possible way, which
# takes exponential time on a long quotation in capitals with no slash: "CHAD STAHELSKI AND DAVID LEITCH DIRECTED IT")
_CAPITALISED_WORDS = r"(?-i:[A-Z])[\w.'\u2019-]*(?:[ \t]+(?-i:[A-Z])[\w.'\u2019-]*)*[ \t]*"
_INSCRIPTION = re.compile(rf"[ \t]*{_CAPITALISED_WORDS}(?:[/|][ \t]*{_CAPITALISED_WORDS})+")
# a quoted sentence's source in brackets after it: '"..." (a reader in Leeds)', '"..." (my cousin, twice)',
# '"..." (Empire Weekly)', '"..." (customer, Hamburg)' (a description or a name, not the writer's own note: '"..."
# (True, and how.)')
_SOURCE_IN_BRACKETS = re.compile(r"[ \t]*\((?:(?:(?:a|an|my|our|one|some)[ \t]+|(?-i:[A-Z])(?![\w'\u2019-]*[,.!?]))"
                                 rf"[^()\n]{{1,50}}|(?:[a-z]+[ \t]+)?{_SOMEONE}\b[^()\n]{{0,50}})(?<![.!?])\)")


def _signed_after(text: str, quote: re.Match[str]) -> bool:
    """Whether an attribution follows the quotation: a citation, a saying verb, or a dash and who said it, on its
    line or the next (where the quotation's own line is no list item whose next item the dash opens); or, after a
    quoted sentence, its source in brackets."""
    if quote["body"].rstrip()[-1:] in ".!?" and _SOURCE_IN_BRACKETS.match(text, quote.end()):
        return True
    attribution = _ATTRIBUTION.match(text, quote.end())
    if attribution is None:
        return False
    if "\n" not in attribution.group():
        return True
    return not _ITEM_BULLET.match(text, text.rfind("\n", 0, quote.start()) + 1)


# a line that says whose words follow, closed by a colon: a third person's verb of saying or writing ("A reader,
# Mr. T. Haldane, writes:", "My brother-in-law texted me afterwards:") or their words as a noun ("His notes,
# verbatim:"); not the writer's own ("I wrote on the card:", "My notes:")
_REPORTING_LINE = re.compile(rf"(?:^|\n)[^\n]{{0,120}}(?:(?<!\bI )(?<!\bwe )(?<!\bWe )\b(?:{SAYING}|put[ \t]+it|"
                             # (a judge's or a member's separate opinion: "Judge Vasquez-Trent, dissenting:")
                             r"(?<=,[ \t])(?:dissenting|concurring|objecting|responding|replying))\b"
                             r"|\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]+['\u2019]s)[ \t]+(?:[\w-]+[ \t]+)?"
                             r"(?:notes|words|comments?|message|reply|letter|email|text|verdict)\b)"
                             rf"[^\n:]{{0,40}}:[ \t]*\n\Z"
                             # (writing received, maybe as a heading with no colon: "CONSUMER REPORT (received 3
                             # February, reproduced verbatim)"; or sent on by someone: "Forwarded by a customer:")
                             rf"|(?:^|\n)[^\n]{{0,80}}{_RECEIVED}[^\n:]{{0,60}}:?[ \t]*\n\Z"
                             # (or a line that names a handle, as a video's stitch or duet labels the clip it plays:
                             # "[0:50] STITCH — @cinephile.kat (her clip):")
                             r"|(?:^|\n)[^\n]{0,80}(?<![\w.])(?:@|u/)\w[\w.]*[^\n:@]{0,40}:[ \t]*\n\Z"
                             r"|(?:^|\n)[ \t*_#>]*(?i:(?:printed[ \t]+as[ \t]+)?(?:forwarded|sent|submitted|received|"
                             r"passed[ \t]+on))[ \t]+"
                             r"(?:in[ \t]+|on[ \t]+)?(?:by|from)\b[^\n:]{0,80}:[ \t]*\n\Z"
                             # (or a log's line of a message received, after its time, over the message indented:
                             # "21:40  RCVD fm DUNMORE STN", "0915 Received from the Cairo desk", "[14:02] IN fm B")
                             rf"|(?:^|\n)[ \t]*(?:{STAMP}|[0-2]\d[0-5]\d)[ \t]*"
                             r"(?i:rcvd|recd|rec['\u2019]d|received|in)[ \t]+"
                             r"(?i:fm|from)\b[^\n]{0,80}\n\Z")
_QUOTED_LINE = re.compile(r"[ \t]*[\u201c\"\u275d\u00ab][^\n]*\n\Z")
# a quotation of paragraphs, opening a line and closing one: a reply or a message quoted whole ('Reply from x:' over
# '"Your column needs work. Corrected:' ... 'Also 5/10 from me."')
_QUOTED_PARAGRAPHS = re.compile(r"^[ \t]*[\u201c\"](?=[^\n]*\n)[^\"\u201c\u201d]{1,1500}?\n[ \t]*\n"
                                r"[^\"\u201c\u201d]{0,1500}?[\u201d\"][ \t]*$", re.MULTILINE)


def _reported_above(text: str, start: int) -> bool:
    """Whether the quotation opening its line at ``start`` stands under a line that reports someone else's words,
    maybe after other quoted lines of theirs."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t>\u2502|"):  # (or a block quotation's or a box's marks: "> "...")
        return False
    for _ in range(8):  # (the reported words run over a few quoted lines at most)
        above = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        if line_start == 0:
            return False
        # (a blank line or a rule between: "put it like this:" / / "...", "GRIEVANCE ..., filed by X" / "-----")
        if not text[above:line_start].strip() or RULE_LINE.match(text, above, line_start - 1):
            line_start = above
            continue
        if _REPORTING_LINE.search(text, max(0, above - 1), line_start):
            return True
        if not _QUOTED_LINE.match(text, above, line_start):
            return False
        line_start = above
    return False


# who writes a document, as its first lines label them: "sheet owner: Tamsin Quayle (TQ)", "Author: Mo Faraday",
# "Facilitator: Harriet Okonkwo-Lind (HOL)"
NAME_WORD = r"(?-i:[A-Z])[\w'\u2019-]+"  # a capitalised word of a writer's name
_WRITER_LABEL = re.compile(r"\b(?:owner|author|by|facilitator|host|chair|compiler|critic|reviewer)[ \t]*:?[ \t]+"
                           rf"(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})"
                           r"(?:[ \t]*\((?P<initials>[A-Z]{2,3})\))?", re.IGNORECASE)
_WRITER_LINES = 3  # a post's or a document's writer is named in its first lines
_LINE_WITH_TEXT = re.compile(r"[^\n]*\S[^\n]*")


def top_lines(text: str, end: int | None = None, count: int = _WRITER_LINES) -> str:
    """The first ``count`` lines of ``text`` (before ``end``) that hold something, where its writer is named (a title,
    a subtitle, a blank line and then the byline)."""
    lines = list(itertools.islice(_LINE_WITH_TEXT.finditer(text, 0, len(text) if end is None else end), count))
    return text[:lines[-1].end()] if lines else ""


# ... or, a little further down, as the critic who put the document together: "Transcribed and annotated by Noor
# Vasquez, film critic", "Minutes kept by Mia Okafor, our critic"
_CRITICS_BYLINE = re.compile(rf"\bby[ \t]+(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,2}}),"
                             r"[ \t]+(?:[\w-]+[ \t]+){0,2}(?:critic|reviewer)\b", re.IGNORECASE)
_BYLINE_LINES = 6
# ... or as the one who recorded the proceedings, in a record's heading lines: "Transcribed by Daniel Marsh, Secretary",
# "Transcript prepared by the adjudication secretary, Niamh Costigan", "Ms. Greta Lindqvist (the author of this record)"
_NAME = rf"(?:(?:Mr|Ms|Mrs|Miss|Dr)\.?[ \t]+)?(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,2}})"
_RECORDED_BY = re.compile(r"\b(?:transcribed|recorded|minuted|taken|kept|prepared|compiled|written[ \t]+up|"
                          r"typed[ \t]+up)[ \t]+by[ \t]+"
                          rf"(?:the[ \t]+[^,\n]{{1,40}},[ \t]+)?{_NAME}", re.IGNORECASE)
_AUTHOR_OF_RECORD = re.compile(rf"{_NAME}[ \t]*\([^()\n]{{0,60}}?\bauthor[ \t]+of[ \t]+(?:this|the)[ \t]+"
                               r"(?:record|transcript|minutes|report|document|account|notes|proceedings)\b",
                               re.IGNORECASE)
_RECORDERS_LINES = 12
# ... or the maker of a pattern, a drawing or a page, opening a line: "Designed by Tess Vavrinec for Hook & Hitman"
_MAKERS_BYLINE = re.compile(r"^[ \t*_]*(?:designed|made|knitted|crocheted|drawn|illustrated|photographed|pattern|"
                            rf"words|text)[ \t]+by[ \t]+(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})",
                            re.IGNORECASE | re.MULTILINE)
# a work the text comes from, not its writer: "Inspired by John Wick: Chapter 2", "based on the film by ..."
_SOURCE_BY = re.compile(r"\b(?:inspired|based|adapted|directed|produced|created|starring|narrated)[ \t]+\Z",
                        re.IGNORECASE)


# a byline: who wrote the text ("Notes by Tomasz Brill", "Review: Nadia Okafor", "By Lorna Teague" on its own line),
# one pattern for every module that reads one
BYLINE = re.compile(r"(?:\b(?:notes|review|recap|post|write-?up|words|column|summary|coverage)(?:[ \t]+"
                    r"(?:(?:were|was|are|is)[ \t]+)?(?:(?:written|typed[ \t]+up|put[ \t]+together|compiled|prepared)"
                    r"[ \t]+)?by|[ \t]*:)|^[ \t*_]*by"
                    # a page's maker or a memo's sender opening a line: "Made by Dad (film critic)", "from: Mum"
                    r"|^[ \t*_]*(?:(?:made|written|prepared|compiled)[ \t]+by|from[ \t]*:)"
                    # the writer's trade as the label of a line of its own: "Tipster: Ronan Kilbride", "Critic: X"
                    r"|^[ \t*_]*(?:critic|reviewer|tipster|columnist|correspondent)[ \t]*:"
                    # a heading in capitals signed after a comma: "THE TIPSTER'S TAKE, by Dee Okafor"
                    r"|^[ \t*_#]*(?-i:[^\na-z,]{3,60}),[ \t]*by)[ \t]+"
                    r"(?P<who>(?-i:[A-Z])[\w'\u2019-]+(?:[ \t]+(?-i:[A-Z])[\w'\u2019-]+){0,2})",
                    re.IGNORECASE | re.MULTILINE)


def byline_names(text: str, end: int) -> frozenset[str]:
    """The names the bylines before ``end`` give the writer, in lower case, whole and by first word."""
    names = [byline["who"].lower() for byline in BYLINE.finditer(text, 0, end)]
    return frozenset(names + [name.split()[0] for name in names])


# a line that gives the quotation under it to a poster's reply: "Dee replied:", "Priya Nair answered:"
_REPLIED_LINE = re.compile(r"[ \t*_]*(?P<who>[\w.'\u2019-]+(?:[ \t]+[\w.'\u2019-]+)?)[ \t]+"
                           r"(?:replied|replies|responded|responds|answered|answers|wrote|writes|added|adds)"
                           r"[ \t]*:[ \t]*$")


def _replied_by_writer(text: str, start: int) -> bool:
    """Whether the quotation opening its line at ``start`` is the writer's reply under their own piece: the line above
    names a poster that a byline before it names ("THE TIPSTER'S TAKE, by Dee Okafor" ... "Dee replied:")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or line_start == 0:
        return False
    above = text.rfind("\n", 0, line_start - 1) + 1
    reply = _REPLIED_LINE.fullmatch(text, above, line_start - 1)
    return reply is not None and reply["who"].lower() in byline_names(text, above)


def writer_names(text: str, end: int | None = None) -> frozenset[str]:
    """The ways the writer named in the first lines of ``text`` (before ``end``) signs, in lower case: the name, its
    first word, its initials and the initials given in brackets."""
    top, record_top = top_lines(text, end, _BYLINE_LINES), top_lines(text, end, _RECORDERS_LINES)
    labelled = (m for m in _WRITER_LABEL.finditer(top_lines(text, end)) if not _SOURCE_BY.search(top, 0, m.start()))
    writer = next(labelled, None) or _CRITICS_BYLINE.search(top) or _MAKERS_BYLINE.search(top) \
        or _RECORDED_BY.search(record_top) or _AUTHOR_OF_RECORD.search(record_top)
    if writer is None:
        return frozenset()
    words = writer["name"].split()
    names = {writer["name"].lower(), words[0].lower(), "".join(w[0] for w in words).lower()}
    initials = writer.groupdict().get("initials")
    return frozenset(names | ({initials.lower()} if initials else set()))


# the signer after a dash: '"..." — HOL', '"... — M. Okafor"'
_SIGNER = re.compile(r"[ \t]*(?:\n[ \t]*)?(?:[\u2014\u2013]|-{1,2})[ \t]*['\u2018\"\u201c]?"
                     r"(?P<who>[\w.'\u2019-]+(?:[ \t]+[\w.'\u2019-]+){0,2})")


def _signed_by_writer(text: str, quote: re.Match[str], writer: frozenset[str]) -> bool:
    """Whether the quotation is signed, after it or inside its marks, by the text's own writer (a retro board's
    facilitator signs their own sticky notes: '"Alfie Allen as Iosef" — HOL')."""
    if not writer:
        return False
    signer = _SIGNER.match(text, quote.end()) or _SIGNER.search(quote["body"][-60:])
    if signer is None:
        return False
    who = signer["who"].lower().rstrip(".,").split()
    return bool(who) and (" ".join(who) in writer or who[0] in writer)


# ... or a tag of initials right before it, as a map's or a board's notes mark who added them: '«RP» "..."',
# '[AO] "..."', '(JK) "..."'
_INITIALS_TAG_BEFORE = re.compile(r"[\[(\u00ab][ \t]*(?P<who>[A-Z]{2,3})[ \t]*[\])\u00bb][ \t]*\Z")


def _initials_before(text: str, start: int, writer: frozenset[str]) -> bool:
    """Whether a tag of someone's initials (not the writer's own) stands right before the quotation at ``start``."""
    tag = _INITIALS_TAG_BEFORE.search(text, max(0, start - 12), start)
    return tag is not None and tag["who"].lower() not in writer


def _attributed(text: str, quote: re.Match[str], writer: frozenset[str]) -> bool:
    """Whether the quotation is given to someone other than the text's writer: signed or cited after it, under a
    speaker's colon, a source's dash, a bracketed tag or a reporting line, after a third person's reporting clause
    on its line, opened by a handle, signed inside (initials too), after a tag of initials, rejected by a mark on
    its line ("DRAFT (rejected):") or listed under a heading that names others' words ("VERBATIMS"); not an
    inscription of names, nor what the writer signs."""
    start, body = quote.start(), quote["body"]
    if _INSCRIPTION.fullmatch(body) or _signed_by_writer(text, quote, writer) or _replied_by_writer(text, start) \
            or scripted(text, start):
        return False
    line_start = _line_start_near(text, start)
    return bool(_signed_after(text, quote)
                or _SPEAKER_BEFORE.search(text, max(0, start - 80), start)
                or _FROM_SOMEONE_BEFORE.search(text, max(line_start, start - 80), start)
                or _SOURCE_DASH_BEFORE.search(text, max(0, start - 60), start)
                or _POSSESSED_WORDS_BEFORE.search(text, max(line_start, start - 60), start)
                or _REJECTED_BEFORE.search(text, line_start, start) or _REJECTED_AFTER.match(text, quote.end())
                or (_SAYS_BEFORE.search(text, line_start, start) and not _SUBJECTLESS_SAYING.search(text, line_start,
                                                                                                      start))
                or _CALLED_BEFORE.search(text, max(line_start, start - 60), start)
                or spoken_aloud(text, start, quote.end(), line_start)
                or _SPLIT_QUOTE_BEFORE.search(text, max(line_start, start - 120), start)
                or _BRACKET_TAG_BEFORE.search(text, max(0, start - 82), start)
                or _BRACKET_LINE_BEFORE.search(text, max(0, start - 160), start)
                or _READ_ALOUD_BEFORE.search(text, max(0, start - 80), start)
                or _NAMED_LINE_BEFORE.search(text, max(0, start - 100), start)
                or _reported_above(text, start) or under_others_heading(text, start, line_start)
                or _HANDLE_OPENS.match(body) or _SIGNED_INSIDE.search(body)
                or _initials_before(text, start, writer))


def _line_start_near(text: str, start: int, reach: int = 120) -> int:
    """Where the line holding ``start`` opens, looking back ``reach`` characters at most."""
    newline = text.rfind("\n", max(0, start - reach), start)
    return newline + 1 if newline >= 0 else max(0, start - reach)


def attributed_quotes(text: str) -> list[tuple[int, int]]:
    """Quotations that the text attributes to someone ("...” / — Dana Okafor, stunt performer", 'Gus: "..."', a
    testimonial under its speaker's line ('Youssef, Cabin Crew' over '"..."'),
    '@reelrick — "..."', an essay's '"..." (Ebert 2)' and its indented block quotations closed by a citation): an oral
    history's witnesses, a blurb's source, a league mate, a cited critic, a stitched video's creator; their claims and
    scores are the quoted person's. So are a chat's lines under a handle ("<kappa_king> ...") in a text whose author
    writes the lines between them, a bracketed note its writer signs ("[handwritten: ... -- T.]"), a quotation of
    paragraphs under a line that reports it ("Reply from x:" over '"..." / / "... 5/10 from me."') and an indented
    block under a line that reports someone's words ("My brother texted:" over "    Common plays Viggo"), and an
    e-mail's lines quoted under the line that reports them ("On Mon, Theo wrote:" over "> Avi is Dean Winters")."""
    spans = []
    quoted = "\u201c" in text or '"' in text or "\u275d" in text or "\u00ab" in text
    writer = writer_names(text) if quoted or "[" in text else frozenset()
    if quoted:
        # (not one the writer ticks as right on the line under it: 'AI: "X directed it."' over "✔ Correct")
        spans = [quote.span() for quote in _QUOTATION.finditer(text)
                 if _attributed(text, quote, writer) and not ticked(text, quote.end())]
        if "\n\n" in text:
            spans += [quote.span() for quote in _QUOTED_PARAGRAPHS.finditer(text)
                      if _reported_above(text, quote.start())]
    if "[" in text:
        spans += [note.span() for note in _SIGNED_NOTE.finditer(text)
                  if (note["who"] or note["name"]).lower().replace(".", "") not in writer]
    if "    " in text or "\t" in text:  # an essay's block quotations of other critics, or under a line that reports
        top = top_lines(text).lower()  # (the writer's own handle opens their replies)
        spans += [block.span() for block in _BLOCK_QUOTE.finditer(text)  # them ("the chorus adds:" over verse)
                  if _CITED_AT_END.search(block.group().rstrip()) or _reported_above(text, block.start())
                  or ((post := _HANDLE_OPENS_BLOCK.match(block.group())) is not None
                      and post["handle"].lower() not in top)]
    if "\n>" in text:  # lines quoted under the line that reports them ("On Mon, 14 Oct, Theo Barnaby wrote:"): then
        blocks = [block.span() for block in _MARKED_QUOTE.finditer(text)]  # every ">" block is a message quoted, the
        if any(_reported_above(text, start) for start, _ in blocks):  # writer's replies between them (above or below)
            spans += blocks
    if "<" in text and ">" in text:
        handles = [line.span() for line in _HANDLE_LINE.finditer(text)]
        prose = sum(1 for line in text.splitlines() if line.strip() and not _HANDLE_LINE.match(line))
        if len(handles) >= 2 and prose >= 2:
            spans += handles
    return spans
