"""An event's status: ``fact``, ``alleged``, ``intent`` or ``negated``.

Read from the clause before the trigger, in this order:

1. **negated**: a negation just before it ("tidak", "belum"), or a denial anywhere before it in the
   clause ("membantah", "menolak tuduhan");
2. **alleged**: a hedge just before it ("diduga", "disebut-sebut"), or an accusation it is embedded
   in ("menuduh Pyongyang memasok ...");
3. **intent**: a future or plan word just before it ("akan", "berencana", "berupaya"), unless a
   past marker ("telah") stands between;
4. **alleged** again when a third party reports it: the speaker of the words is neither side of the
   event nor of the same body as its source ("AS mengatakan Rusia membeli amunisi");
5. else **fact**.
"""

from __future__ import annotations

from kabar.events.clause import has_phrase
from kabar.events.document import SentenceView
from kabar.events.lexicon import Lexicon, StatusCues
from kabar.model import Actor, EventStatus


def _padded(words: list[str]) -> str:
    return " " + " ".join(words) + " "


def _near(sentence: SentenceView, left: int, first: int, cues: StatusCues) -> bool:
    window = sentence.words[max(left, first - cues.window) : first]
    return has_phrase(_padded(window), cues.words)


def _embedded(sentence: SentenceView, left: int, first: int, cues: StatusCues) -> bool:
    return bool(cues.embedding) and has_phrase(_padded(sentence.words[left:first]), cues.embedding)


def _intent(sentence: SentenceView, left: int, first: int, lexicon: Lexicon) -> bool:
    cues = lexicon.status["intent"]
    start = max(left, first - cues.window)
    window = sentence.words[start:first]
    for k, word in enumerate(window):
        if has_phrase(_padded(window[k : k + 2]), cues.words) or word in cues.words:
            return not any(w in lexicon.past_markers for w in window[k + 1 :])
    return False


def third_party(reporter: Actor | None, sources: list[Actor], targets: list[Actor]) -> bool:
    """Whether ``reporter`` speaks about others: not a side of the event, nor of its source's body."""
    if reporter is None or not sources:
        return False
    sides = {a.id for a in sources + targets}
    if reporter.id in sides:
        return False
    return all(reporter.code != a.code for a in sources)


def status_of(
    sentence: SentenceView,
    left: int,
    first: int,
    lexicon: Lexicon,
    reporter: Actor | None = None,
    sources: list[Actor] | None = None,
    targets: list[Actor] | None = None,
) -> EventStatus:
    """The status of the event whose trigger starts at token ``first`` of a clause starting at ``left``."""
    negated, alleged = lexicon.status["negated"], lexicon.status["alleged"]
    if _near(sentence, left, first, negated) or _embedded(sentence, left, first, negated):
        return "negated"
    if _near(sentence, left, first, alleged) or _embedded(sentence, left, first, alleged):
        return "alleged"
    if _intent(sentence, left, first, lexicon):
        return "intent"
    if third_party(reporter, sources or [], targets or []):
        return "alleged"
    return "fact"
