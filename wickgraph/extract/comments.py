"""The readers' comments under a post: what others wrote below a review is not the review's claim.

A blog, a diary site or a news page saved as text ends with its comments under a heading on a line of its own
("3 comments", "Comments (12)", "COMMENTS  1,284", "READER RESPONSES", "Replies:"). Readers there correct the
author, give their own scores and name other roles; none of it is the author's. The saved-page route drops
comments already (trafilatura without comments); this is the same cut for text.

A forum thread is the same cut made post by post: each post opens with its poster's handle and the board's
marks (a line of the handle, "#2  name" or "name  [Senior Member]", near "Joined:", "Posts: 1,207" or "Posted ...";
or "Post by name » date"); the posts of anyone but the one who opened the thread, and the quotations a post
carries ("> name wrote:" and the quoted lines under it), are others' words.

A saved feed (RSS items, Atom entries) holds the review as its longest item; the others tease other posts, often
about other works.

A heading with neither a count nor a reader ("COMMENTS", "Replies:") is also the name of a section of the author's
own form (a reader's report's "COMMENTS" after its "SYNOPSIS"): it opens readers' comments only when an entry's
marks follow it (a name with a time, "2 days ago", "Reply", "@name").

Where a block of replies ends, and whether a post's counts ("2 replies · 77 likes") are a heading of comments at all,
is :mod:`wickgraph.extract.replies`' business; a shop's page of customer reviews is
:mod:`wickgraph.extract.reviewpages`'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .layout_words import CAPITALS_HEADING, PARAGRAPH_BREAK
from .letters import others_letters
from .qapages import others_answers, signed_answers
from .quotations import byline_names, top_lines, writer_names
from .replies import HANDLE, indented_end, replies_end_after, same_posters_post_at
from .reviewpages import others_reviews

__all__ = ["comment_spans", "others_posts", "post_starts", "quoted_reply_chunks"]

# a count of a post's reactions: "3,107", "1.2K likes", "12 reposts"
_TALLY = r"\d{1,3}(?:[,.]\d{1,3})*[kKmM]?(?:[ \t]+(?:likes?|reactions?|shares?|reposts?|retweets?|views?))?"
# a comments heading alone on its line: a count, the noun, a count in brackets, markup, rules and a pictograph around
# it ("💬 Replies")
_HEADING = re.compile(r"^[ \t#*_=>\u2500-\u257f\u2014\u2013\u2600-\u27bf\ufe0f\U0001f300-\U0001faff-]*"
                      # (a post's reactions counted before: "👍💡 3,107 · 418 comments", "1.2K likes | 89 comments")
                      rf"(?:{_TALLY}[ \t]*[\u00b7\u2022|,][ \t]*)?"
                      # (or reactions each under its pictograph, comments last: "🖤 2,314   🐶 1,870   💬 96")
                      rf"(?:{_TALLY}[ \t]+(?!\U0001f4ac)[\u2600-\u27bf\ufe0f\U0001f300-\U0001faff]+[ \t]*)*"
                      rf"(?:{_TALLY}[ \t]+(?=\U0001f4ac))?"
                      # (an app's link to them: "View all 211 comments")
                      r"(?:view[ \t]+(?:all[ \t]+)?)?(?P<count>\d{1,5}[ \t]+)?"
                      r"(?P<whose>reader|readers['\u2019]?|"
                      r"user|visitor|audience|(?:patron|customer|guest|member|listener|viewer)s?['\u2019]?)?[ \t]*"
                      # (which of them a page shows first: "— top comments —", "Most liked replies")
                      r"(?P<ranked>(?:top|latest|recent|newest|best|most[ \t]+(?:liked|recent|relevant))[ \t]+)?"
                      r"(?:comments?|replies|responses|\U0001f4ac"
                      # (the cards a library, a shop or a cinema collects: "PATRON COMMENT CARDS", "Feedback slips")
                      r"|(?:comment|feedback)[ \t]+(?:cards?|slips?|forms?)"
                      # (an app store's or a shop's "RATINGS & REVIEWS")
                      r"|(?:ratings?[ \t]*(?:&|and)[ \t]*)reviews"
                      # (or the readers' reviews counted under a recipe or a post: "REVIEWS (31)")
                      r"|reviews(?=[ \t]*\(\s*\d{1,5}\s*\)))[ \t]*"
                      r"(?P<counted>\(\s*\d{1,5}\s*\)|[ \t]+\d{1,3}(?:,\d{3})*)?"
                      rf"(?:[ \t]*[\u00b7\u2022|,][ \t]*{_TALLY})*"  # (and after: "418 comments · 12 reposts")
                      r"(?:[ \t]+\([^()\n]{1,80}\))?"  # (and a note on them: "(copied in by staff)")
                      r"[ \t]*:?[ \t#*_=\u2500-\u257f\u2014\u2013-]*$", re.IGNORECASE | re.MULTILINE)
# what an entry of a comments thread carries near its start: its author's handle, its age, a reply button
_ENTRY_MARK = re.compile(r"[\u00b7\u2022|][ \t]*\d{1,3}[ \t]*"
                         r"(?:[smhdwy]|mins?|hrs?|hours?|days?|weeks?|months?|years?)\b|"
                         r"\b\d{1,3}[ \t]+(?:minutes?|hours?|days?|weeks?|months?|years?)[ \t]+ago\b|"
                         r"^[ \t]*(?:@[\w.]+|(?:posted|submitted)[ \t]+by\b|reply\b|"
                         r"[\w.-]+[ \t]+(?:says|wrote)[ \t]*:|"
                         # a commenter's first name and initial signing the entry: "Denise R. — ...", "Tom K.: ..."
                         r"(?-i:[A-Z][a-z]+)[ \t]+(?-i:[A-Z])\.[ \t]*[\u2014\u2013:-]|"
                         # ... or their name and their town in brackets: "Morag (Stirling): ...", "Ray T (Leeds):"
                         r"(?-i:[A-Z])[\w.'\u2019-]+(?:[ \t]+(?-i:[A-Z])[\w.'\u2019-]*)?"
                         r"[ \t]*\([^()\n]{1,30}\)[ \t]*:)",
                         re.IGNORECASE | re.MULTILINE)
_ENTRY_REACH = 300
_FIRST_PART = 0.3  # a heading this near the top is a site's navigation, not the comments under the post


# a letters page: the editor's reply under a reader's letter ("The editor replies:", "Editor's response:")
# ... and a business's response under a guest's review ("Response from Winston S., Manager at The Continental",
# "Management response:", "Owner's reply")
_EDITOR_REPLIES = re.compile(r"^[ \t*_#>]*(?:(?:the[ \t]+)?(?:film[ \t]+|letters[ \t]+)?"
                             r"(?:editor|ed\.)(?:['\u2019]s)?[ \t]+"
                             r"(?:replies|reply|responds|response|answers|writes[ \t]+back)\b"
                             # (a heading on its line, not an inline "Reply from @x: ...")
                             r"|(?:response|reply|comment)[ \t]+from[ \t]+(?:the[ \t]+)?[^\n:]{1,80}$"
                             r"|(?:business[ \t]+)?(?:management|owner|manager|host|property)(?:['\u2019]s)?[ \t]+"
                             r"(?:response|reply)\b)",
                             re.IGNORECASE | re.MULTILINE)
# ... unless the text's writer is the editor, as its first lines say: "Checklist and card backs: O. Marchbanks, set
# editor", "By Hal Moore, film editor" (not a letters page's "Letters to the Editor")
_EDITOR_BYLINE = re.compile(r"(?-i:[A-Z])[\w.'\u2019-]*,[ \t]+(?:[\w-]+[ \t]+)?editor\b", re.IGNORECASE)


# the writer stepping out of a role they wrote the page in, opening a paragraph: "P.S. OK, stepping out of character:",
# "OOC:", "(Breaking character for a second: ...)"; what follows is theirs, whoever's part it closes
_OUT_OF_CHARACTER = re.compile(r"^[ \t*_(\[]*(?:p\.?[ \t]?s\.?[ \t:,-]*)?"
                               r"(?:(?:ok(?:ay)?|fine|right|alright|so|now)\W+)?"
                               r"(?:(?:(?:stepping|stepped|going|dropping)[ \t]+)?out[ \t-]+of[ \t-]+character|"
                               r"(?:breaking|broke)[ \t]+character|ooc)\b", re.IGNORECASE | re.MULTILINE)


def _out_of_character(text: str, start: int) -> int:
    """Where the writer steps out of the role they wrote in after ``start``, else the text's end."""
    step = _OUT_OF_CHARACTER.search(text, start)
    return len(text) if step is None else step.start()


def comment_spans(text: str) -> list[tuple[int, int]]:
    """The span from the comments heading under the post (or the editor's reply under a reader's letter, a business's
    response under a guest's review) to the end of ``text``, or to where the writer steps out of character; empty when
    it has none."""
    lower = text.lower()
    if "editor" in lower or "ed." in lower or "respon" in lower or "reply" in lower or "comment from" in lower:
        reply = next((m for m in _EDITOR_REPLIES.finditer(text) if m.start() >= _FIRST_PART * len(text)), None)
        if reply is not None and not _EDITOR_BYLINE.search(top_lines(text, reply.start())):
            return [(reply.start(), _out_of_character(text, reply.end()))]
    if "comment" not in lower and "repl" not in lower and "respons" not in lower and "\U0001f4ac" not in text \
            and "feedback" not in lower \
            and not ("rating" in lower and "reviews" in lower) and "reviews (" not in lower:
        return []
    spans: list[tuple[int, int]] = []
    for heading in _HEADING.finditer(text):
        if not text[heading.end():].strip() or not (
                heading.group("count") or heading.group("whose") or heading.group("counted") or heading.group("ranked")
                or _ENTRY_MARK.search(text, heading.end(), heading.end() + _ENTRY_REACH)):
            continue
        replies_end = replies_end_after(text, heading.end())
        # (early, or the counts under a post of a thread of one poster, whose next post is theirs too: "2 replies ·
        # 77 likes" over "Priya N. (@priyawatches) · 2h")
        if heading.start() < _FIRST_PART * len(text) or same_posters_post_at(
                text, heading.start(), replies_end if replies_end < len(text) else heading.end()):
            if replies_end < len(text):  # (early, only a block of replies that ends: a diary entry's comments)
                spans += _without_authors_entries(text, heading.start(), replies_end)
            continue
        end = min(_closing_panel(text, heading.end()), replies_end, _own_heading_after(text, heading.start(),
                                                                                       heading.end()))
        return spans + _without_authors_entries(text, heading.start(), end)
    return spans


# a line of box-drawing characters: a frame's top or bottom ("┌──────┐", "━━━━━━", "╚══════╝")
_FRAME_LINE = re.compile(r"^[ \t]*[\u2500-\u257f]{3,}[ \t]*$", re.MULTILINE)
_PANEL_LINES = 12


def _closing_panel(text: str, start: int) -> int:
    """Where a box framed in box-drawing lines that closes the page after ``start`` opens (a blog's recipe card or
    score box under its comments is the page's own, not a reader's), else the text's end."""
    frames = list(_FRAME_LINE.finditer(text, start))
    if len(frames) < 2 or text[frames[-1].end():].strip():
        return len(text)
    top = frames[-2]
    return top.start() if text.count("\n", top.end(), frames[-1].start()) <= _PANEL_LINES else len(text)


# an entry of a comments thread under its poster's handle: "@reel_ray: that's the one", "↳ @carla: ..."
_HANDLE_ENTRY = re.compile(r"^[ \t]*(?:[\u21b3\u21aa\u2514][ \t]*)?(?P<handle>@[\w.]+)[ \t]*:", re.MULTILINE)


def _without_authors_entries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The comments from ``start`` to ``end``, without the entries the post's own author posts there under the
    handle the post opens with ("Carla Mendes @cassette_carla · Oct 24" over "@cassette_carla: no, ..."): the
    author's replies are the author's."""
    author = HANDLE.search(top_lines(text, start))
    entries = list(_HANDLE_ENTRY.finditer(text, start)) if author is not None else []
    spans, at = [], start
    for index, entry in enumerate(entries):
        if author is None or entry["handle"].lower() != author.group().lower():
            continue
        blank = PARAGRAPH_BREAK.search(text, entry.end())
        stop = min(entries[index + 1].start() if index + 1 < len(entries) else end, blank.start() if blank else end)
        spans.append((at, entry.start()))
        at = stop
    spans.append((at, end))
    # (or a reply its label gives to the page's author by their part: "\u2514 Creator: ...", "Author: ...", "OP: ...")
    # ... or in brackets after the name on a comment's header line, the reply under it: "Jo (author) \u00b7 1 day ago"
    for reply in [*_AUTHORS_PART_REPLY.finditer(text, start, end), *_AUTHORS_PART_HEADER.finditer(text, start, end)]:
        spans = [part for s, e in spans for part in (((s, reply.start()), (reply.end(), e))
                                                     if s <= reply.start() < e else ((s, e),)) if part[0] < part[1]]
    return spans


_AUTHORS_PART_HEADER = re.compile(r"^[ \t]*[\w.@'\u2019-]+(?:[ \t]+[\w.'\u2019-]+)?[ \t]*"
                                  r"\((?:author|op|creator|writer|blogger|host|the[ \t]+author)\)[^\n]*\n"
                                  r"(?:[^\n]*\S[^\n]*(?:\n|\Z))*", re.IGNORECASE | re.MULTILINE)
_AUTHORS_PART_REPLY = re.compile(r"^[ \t]*(?:[\u2514\u21b3\u21aa\u00bb>-][ \t]*)?"
                                 r"(?:(?:campaign|project|page|post)[ \t]+)?(?:creator|author|op|original[ \t]+poster)"
                                 r"[ \t]*(?:\([^()\n]{1,20}\))?[ \t]*:[^\n]*",
                                 re.IGNORECASE | re.MULTILINE)


# a forum post's header: the poster's handle alone on its line, maybe numbered or ranked ("#2  HighTableHannah",
# "adjudicated_anna  [Senior Member]", "Post by SommelierOfPain » Sat Feb 11, 1:14 am", "Reply from name (OP):", a
# subject line over "by name", "Started by name, Fri 11:42 pm", a Reddit handle with its points ("r/board · Posted
# by u/name · 6h", "u/name · 22 pts", old Reddit's "[–] u/name 412 points")
_POSTER = re.compile(r"^[ \t]*(?:\[[\u2013\u2212+-]\][ \t]*)?(?:(?P<number>#\d{1,4})[ \t]+"
                     r"|[^\n]{1,60}?[ \t][\u00b7|\u2022][ \t]+(?=posted[ \t]+by\b)"
                     # (or its place in the thread in brackets: "[Post 3 of 6] name wrote:")
                     r"|\[(?:post|reply|message|comment)[ \t]*#?\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?\][ \t]+)?"
                     # (a handle maybe in Markdown's emphasis, "**u/name**"; a reply under an arrow, "↳ name wrote:")
                     r"(?P<by>(?:post(?:ed)?|reply|message|comment|response|(?:thread[ \t]+|topic[ \t]+)?started)[ \t]+"
                     r"(?:#\d{1,4}[ \t]+)?(?:by|from)[ \t]+"
                     r"|re:[^\n]{0,120}\n[ \t]*by[ \t]+|(?=[*_]{0,2}u/))?(?P<arrow>[\u21b3\u21aa\u2514][ \t]*)?"
                     # (a social post's display name before its handle: "Dee Okafor @DeeRewatches · Oct 24, 9:40 PM")
                     r"[*_]{0,2}(?:(?-i:[A-Z])[\w'.-]*(?:[ \t]+(?-i:[A-Z])[\w'.-]*){0,3}[ \t]+(?=@))?"
                     # (a fediverse handle holds its server: "@dvdshelf@film.social")
                     r"(?P<user>(?:@|u/)?[\w.-]{2,30}(?:@[\w-]+(?:\.[\w-]+)+)?)[*_]{0,2}"
                     r"(?:[ \t]*\((?P<op>op|original[ \t]+poster|thread[ \t]+starter|author)\))?[ \t]*"
                     r"(?:\[[^\]\n]{1,30}\][ \t]*|(?:\u00bb|\||\u00b7|\u2022|-|on\b|at\b|in[ \t]+r/)[^\n]{0,60}"
                     # (its points after it, and a flair: "u/name [S] 388 points")
                     r"|(?:\[[^\]\n]{1,30}\][ \t]*)?\d[\d,.]*k?[ \t]+(?:points?|pts)\b[^\n]{0,40}"
                     # (an issue tracker's "**name** commented", "name (author) commented on 3 Mar")
                     # (a code review's "name suggested a change on line +17", "name requested changes")
                     r"|(?P<said>wrote|replied|commented|suggested(?:[ \t]+(?:a[ \t]+)?changes?)?"
                     r"|requested[ \t]+changes|reviewed|approved(?:[ \t]+these[ \t]+changes)?)"
                     r"(?:[ \t]+(?:on|at)\b[^\n]{0,40})?[ \t]*:?"
                     # (a colon or a comma only after "reply from" and such; a colon after a reply's arrow,
                     # "\u21b3 name:", not a comma: "\u21b3 beneath, different hand, green:" is a caption)
                     r"|(?(by)(?::|,[^\n]{0,60})|(?(arrow):|(?!))))?$",
                     re.IGNORECASE | re.MULTILINE)
_OPENED = re.compile(r"^[ \t]*[*_]{0,2}(?P<user>[\w.-]{2,30})[*_]{0,2}[ \t]+opened[ \t]+this[ \t]+"
                     r"(?:issue|ticket|thread|topic|discussion|pull[ \t]+request)\b", re.IGNORECASE | re.MULTILINE)
# the board's marks under or beside it: membership, post count, the time of posting
_POST_MARKS = re.compile(r"^[ \t]*(?:joined|join[ \t]+date|member[ \t]+since|registered|posts|posted)\b[^\n]*$",
                         re.IGNORECASE | re.MULTILINE)
# a cheap test before the search for posts
_BOARD_WORD = re.compile(r"post|join|member|repl|started|re:|u/|wrote|comment|[\u21b3\u21aa]", re.IGNORECASE)
_MARKS_REACH = 3  # lines between the handle and the board's marks
_REPLY_ARROW = re.compile(r"[ \t]*[\u21b3\u21aa\u2514]")
# a quotation of another post: its attribution, then its lines marked ">"
_QUOTED_POST = re.compile(r"^[ \t]*>[ \t]*(?:quote[ \t]+from:?[ \t]+|originally[ \t]+posted[ \t]+by[ \t]+)?"
                          r"[\w@.-]{2,30}[ \t]+(?:wrote|said|posted|says)\b[^\n]*(?:\n[ \t]*>[^\n]*)*"
                          # ... or an embedded social post under its handle: "> \U0001f426 @cinemaclaire \u00b7 1d"
                          r"|^[ \t]*>[ \t]*(?:[^\w\s@][ \t]*)?(?:[\w.' -]{1,40}[ \t]+)?\(?@\w{2,30}\)?"
                          r"(?:[ \t]*[\u00b7\u2022|,-][^\n]*)?[ \t]*(?:\n[ \t]*>[^\n]*)+",
                          re.IGNORECASE | re.MULTILINE)
# ... or framed by a bar down its side (and a box's corners), as a screenshot shows a quoted or boosted post, under a
# line that says so and names its poster's handle: "\u250c Quote \u00b7 Ray @notthat" over "\u2502 ..." over "\u2514"
# (not a family tree's "\u2502  @kim", nor a poster's own framed post, which say no quoting)
_BAR = "\u2502\u2503\u2506\u2551\u258c"
_FRAMED_POST = re.compile(rf"^[ \t]*[\u250c\u256d\u250f{_BAR}]"
                          r"(?=[^\n]*\b(?i:quot\w*|qt|rt|repost\w*|boost\w*|retweet\w*|shared)\b)[^\n]*?"
                          rf"(?P<handle>@[\w.-]{{2,60}})[^\n]*"
                          rf"(?:\n[ \t]*[{_BAR}][^\n]*)+(?:\n[ \t]*[\u2514\u2570\u2517][^\n]*)?", re.MULTILINE)


# a quotation marked ">" and signed by its writer inside it, as a code review or a mailing list quotes a comment
# ("> nit: you've got Common as Ares" over "> -- mira"): the signer's words
_QUOTE_BLOCK = re.compile(r"^[ \t]*>[^\n]*(?:\n[ \t]*>[^\n]*)*", re.MULTILINE)
_QUOTE_SIGNATURE = re.compile(r"^[ \t]*>[ \t]*(?:--|\u2014|\u2013|~)[ \t]*[\w@.'\u2019-]{2,30}"
                              r"(?:[ \t]+[\w@.'\u2019-]{1,30}){0,2}[ \t]*$", re.MULTILINE)


def _signed_quotes(text: str) -> list[tuple[int, int]]:
    """The quotations marked ">" that their writer signs inside them, to the last signature."""
    spans = []
    for block in _QUOTE_BLOCK.finditer(text):
        signatures = list(_QUOTE_SIGNATURE.finditer(text, block.start(), block.end()))
        if signatures:
            spans.append((block.start(), signatures[-1].end()))
    return spans


# a document's comment under its writer's name or initials, as a spreadsheet or a word processor exports it:
# "Comment [JK] on B5: ...", "Comment [Dana]: ..."; the document's author is named at its top ("sheet owner: Tamsin
# Quayle (TQ)", "exported by Rob Okafor", "Author: Mo Faraday")
# (or a margin's note tagged with its hand in brackets: ">> margin note (R.O.): Only Stahelski has the credit")
_DOCUMENT_COMMENT = re.compile(r"^[ \t>]*(?:comment[ \t]*\[(?P<who>[^\]\n]{1,30})\]|(?:margin(?:al)?[ \t]+)?"
                               r"(?:note|comment|annotation)[ \t]*\((?P<hand>[^()\n]{1,30})\))[^:\n]{0,30}:[^\n]*",
                               re.IGNORECASE | re.MULTILINE)


def _others_document_comments(text: str) -> list[tuple[int, int]]:
    """The comments of a document exported with them, but its author's own."""
    comments = list(_DOCUMENT_COMMENT.finditer(text))
    if not comments:
        return []
    names = writer_names(text, comments[0].start())
    return [comment.span() for comment in comments if (comment["who"] or comment["hand"]).strip().lower() not in names]


# an e-mail's quotation of the message it answers: "On Thu, 15 May 2025 at 19:20, Jamie <jamie@...> wrote:", then
# its lines marked ">"; and a message forwarded ("---------- Forwarded message ---------") or answered below an Outlook
# reply ("-----Original Message-----"), from its marker on
_QUOTED_MAIL = re.compile(r"^[ \t>]*On[ \t][^\n]{4,200}\bwrote:[ \t]*(?:\n[ \t]*>[^\n]*)+", re.MULTILINE)
_FORWARDED = re.compile(r"^[ \t>]*(?:-{3,}[ \t]*(?:forwarded|original)[ \t]+message[ \t]*-{3,}"
                        r"|begin[ \t]+forwarded[ \t]+message:)", re.IGNORECASE | re.MULTILINE)


def quoted_reply_chunks(text: str) -> list[tuple[int, int]]:
    """In an e-mail reply written between the chunks of the message it quotes, each chunk marked ">" after the
    first ("> 4.5 stars from me" over "Bold. I've got it just under, call it 4 out of 5"): the quoted writer's score,
    not the reply's (its statements stay: the reply agrees or denies them line by line)."""
    quote = _QUOTED_MAIL.search(text) if "wrote:" in text else None
    return [chunk.span() for chunk in _QUOTE_BLOCK.finditer(text, quote.end())] if quote else []


def _own_heading_after(text: str, start: int, end: int) -> int:
    """Where the writer's own document goes on after a part another wrote, which opens at ``start`` (its heading
    ending at ``end``): at the document's next heading in capitals, when it has such headings above the part (a
    forward's "ERRATA" ... "APPENDIX: COPY AS FILED", a quiz's "THE RESULTS" ... "COMMENTS (38)" ... "AUTHOR'S
    NOTE"); else the text's end."""
    headings = [at for at in (0, *(blank.end() for blank in PARAGRAPH_BREAK.finditer(text)))
                if CAPITALS_HEADING.match(text, at)]
    after = [at for at in headings if at >= end and at > start]
    return after[0] if after and any(at < start for at in headings) else len(text)


# an RSS item or an Atom entry of a saved feed, each a post of its own
_FEED_ITEM = re.compile(r"<(item|entry)\b[^<>]{0,200}>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


def others_posts(text: str) -> list[tuple[int, int]]:
    """In a forum thread (two posters or more), the posts of anyone but the one who opened it; on a Q&A page, all but
    the critic's answer (the accepted one, else the first); in a saved feed, the items other than the review's own, its
    longest ("Coming up next week: ..."); on a page of customer reviews, all but the first, and the listing above
    them; on a letters page, the letters after the first, and a reader's letter under the review; in a mailbag, the
    readers' letters; in any text, the quoted posts ("> name wrote:" and the lines marked ">" under it, or lines
    marked ">" that their writer signs: "> -- mira"), a document's comments but its author's ("Comment [JK] on B5:"),
    an e-mail's quotation of the message it answers and a message it forwards or answers below its reply (up to the
    writer's next heading, see :func:`_own_heading_after`); in a guest book, the entries not signed by the critic; in an
    exchange of letters, the replies addressed to the first letter's writer."""
    spans = [quote.span() for quote in _QUOTED_POST.finditer(text)] + _signed_quotes(text) if ">" in text else []
    if any(bar in text for bar in _BAR):  # (not the writer's own post, quoted under the handle the text opens with)
        opening = HANDLE.search(top_lines(text))
        spans += [post.span() for post in _FRAMED_POST.finditer(text)
                  if opening is None or post["handle"].lower() != opening.group().lower()]
    if "wrote:" in text:
        spans += [quote.span() for quote in _QUOTED_MAIL.finditer(text)]
    if "orward" in text or "riginal" in text:
        spans += [(forward.start(), _own_heading_after(text, forward.start(), forward.start()))
                  for forward in _FORWARDED.finditer(text)][:1]
    if "<item" in text or "<entry" in text:
        items = [item.span() for item in _FEED_ITEM.finditer(text)]
        if len(items) >= 2:  # a feed's other posts: the review is its longest item
            longest = max(items, key=lambda span: span[1] - span[0])
            spans += [span for span in items if span != longest]
    if "nswered" in text:  # ("answered", "Answered")
        spans += others_answers(text) + signed_answers(text)
    if "helpful" in text or "useful" in text:
        spans += others_reviews(text)
    if "omment" in text or "ote" in text or "nnotation" in text:
        spans += _others_document_comments(text)
    spans += others_letters(text)
    if _BOARD_WORD.search(text) is None:
        return spans
    headers = _headers(text)
    posts = _posts(text)
    # who opened the thread: the poster a header marks so ("name (author) commented"), or whom a tracker's line says
    # opened it ("tobias-vance opened this issue"), else the first poster
    opener = next((line["user"].lower() for line in headers if line["op"] or _OP_MARK.search(line.group())), None) \
        or next((line["user"].lower() for line in _OPENED.finditer(text)), None)
    # replies under arrows ("↳ name wrote:") with no header above them: the post above them is the writer's
    replies_only = bool(posts) and _REPLY_ARROW.match(text, posts[0][0]) is not None
    if not replies_only and len({user for _, user in posts} | ({opener} if opener else set())) < 2:
        return spans
    ends = [indented_end(text, start, end) for (start, _), end in zip(posts, [s for s, _ in posts[1:]] + [len(text)],
                                                                     strict=True)]
    if "@@" in text:  # (a pull request's diff of the writer's file, shown between the comments, is no comment's)
        ends = [_before_diff(text, start, end) for (start, _), end in zip(posts, ends, strict=True)]
    # (the writer by the bylines, or by the handle the text opens with: "Mara Lind @maraframes" over a reply of theirs)
    handle = HANDLE.search(top_lines(text, posts[0][0]))
    own = byline_names(text, posts[0][0]) | ({handle.group().lower()} if handle else set())
    writer = _commenter(posts, ends, opener or posts[0][1], len(text))
    return spans + [(start, end) for (start, user), end in zip(posts, ends, strict=True)
                    if (replies_only or user != writer) and user not in own]


# a diff's file under review, as a pull request shows it between its comments: the file's path, then a hunk's header
# ("reviews/chapter-2.md" over "@@ -1,14 +1,17 @@")
_DIFF_FILE = re.compile(r"^(?:[ \t]*[\w./-]+\.\w{1,8}[ \t]*\n)?@@[ \t]+-\d+(?:,\d+)?[ \t]+\+\d+(?:,\d+)?[ \t]+@@",
                        re.MULTILINE)


def _before_diff(text: str, start: int, end: int) -> int:
    """Where the post at ``start`` ends: at ``end``, or before a diff of the file under review shown after it."""
    diff = _DIFF_FILE.search(text, start, end)
    return diff.start() if diff else end


@lru_cache(maxsize=2)  # (read for the others' posts and for the voices of one text)
def _headers(text: str) -> tuple[re.Match[str], ...]:
    return tuple(_POSTER.finditer(text))


@lru_cache(maxsize=4)
def _posts(text: str, numbered: bool = False) -> tuple[tuple[int, str], ...]:
    """Where each post of a thread starts, and its poster: a header naming its poster ("Post by name", "name
    wrote:", a Reddit handle: "u/name \u2022 8h", a handle with its time: "Dee @dee \u00b7 Oct 24, 9:40 PM"), or
    the handle's line over the board's marks ("Joined:", "Posts:"); with ``numbered``, also a numbered post's header
    with its time ("#2  name  \u00b7  Sat 11:58 PM")."""
    posts = [(line.start(), line["user"].lower()) for line in _headers(text)
             if line["by"] is not None or line["arrow"] is not None or line["said"] is not None
             or line["user"].lower().startswith("u/")
             or (numbered and line["number"] is not None and _POST_TIME.search(line.group()) is not None)
             or (line["user"].startswith("@") and _POST_TIME.search(line.group()) is not None)]  # a handle, a time
    return tuple(sorted(set(posts) | set(_marked_posts(text))))


@lru_cache(maxsize=2)
def _marked_posts(text: str) -> tuple[tuple[int, str], ...]:
    """The posts whose handle's line stands over the board's marks."""
    posts = []
    for marks in _POST_MARKS.finditer(text):
        above = text.rfind("\n", 0, marks.start())
        for _ in range(_MARKS_REACH):  # the handle's line: the nearest one above the marks that is one
            if above < 0:
                break
            start = text.rfind("\n", 0, above) + 1
            poster = _POSTER.fullmatch(text, start, above)
            if poster is not None and not _POST_MARKS.fullmatch(text, start, above):
                posts.append((start, poster["user"].lower()))
                break
            above = start - 1
    return tuple(posts)


def post_starts(text: str) -> list[int]:
    """Where each post of a forum thread of two posters or more starts (empty for any other text): each post is
    its poster's voice, and so are the posts that poster adds right under it (a thread's own run of posts, a reply
    nested under an arrow between them, "↳ @name ...", being another's post that parts no voice)."""
    if _BOARD_WORD.search(text) is None and "#" not in text:
        return []
    posts = _posts(text, numbered=True)
    if len({user for _, user in posts}) < 2:
        return []
    top = [(start, user) for start, user in posts if not _REPLY_ARROW.match(text, start)]
    return [start for index, (start, user) in enumerate(top) if not index or top[index - 1][1] != user]


# a post's time in its header: "Sat 11:58 PM", "3 days ago", "12/02/2017"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_POST_TIME = re.compile(r"\b\d{1,2}:\d\d\b|\bago\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|"
                        r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
                        # (a day of a month, an age after the header's dot: "\u00b7 Oct 2", "\u00b7 3 Oct", "\u00b7 2d")
                        rf"|\b{_MONTH}[ \t]+\d{{1,2}}\b|\b\d{{1,2}}[ \t]+{_MONTH}(?!\w)"
                        r"|[\u00b7\u2022][ \t]*\d{1,2}[smhdw]\b", re.IGNORECASE)


# the opener marked after the handle: "u/name \u2022 OP \u2022 7h", a submitter's "u/name [S] 388 points"
_OP_MARK = re.compile(r"[\u00b7\u2022|][ \t]*OP\b|\[S\]")
_REVIEW_LENGTH = 500  # a comment this long at least is a review in itself, not a reply


def _commenter(posts: Sequence[tuple[int, str]], ends: list[int], opener: str, size: int) -> str:
    """Whose posts are the text's own: the opener's, unless the opener only asks in a line or two and one comment
    holds most of the page (a thread's "Thoughts?" over the long comment the writer posted)."""
    sizes: dict[str, int] = {}
    for (start, user), end in zip(posts, ends, strict=True):
        sizes[user] = sizes.get(user, 0) + end - start
    longest = max(sizes, key=sizes.__getitem__)
    return longest if sizes.get(opener, 0) * 4 < sizes[longest] and sizes[longest] * 2 >= size \
        and sizes[longest] >= _REVIEW_LENGTH else opener
