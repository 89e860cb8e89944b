r"""Claims: an abstract analysed once into what the paper names, proposes, does and reports.

Every field is a span of one abstract sentence (``sentence`` indexes ``abstract_sentences``,
``start``/``end`` are offsets into that sentence) and its ``text`` is the span made printable by
edits that cannot change a claim: leading discourse openers dropped ("To address these issues,",
"Second,"), first person resolved ("we propose X" -> "proposes X", "our method" -> the name),
listing-page artefacts fixed ("\%", "5times", "~("). Negations, hedges, numbers and their units
stay as written. A span whose meaning hangs on a sentence it does not contain ("these issues",
"such models") is not used; a field nothing clean fills is ``None``.

Pure text analysis: no index, no model, no network; word lists live in ``assistant/text/lexicon``.

The package reads in pipeline order: ``base`` (the record types, tuning numbers, word lists),
``spans`` (cutting and cleaning spans, figures), ``names`` (what a paper calls its contribution),
``fields`` (proposal, finding, mechanism), ``context`` (problem, setting), ``results`` (figures with their metric
and comparison), ``analyse`` (the entry point).
"""

from assistant.text.claims.analyse import analyse, standalone
from assistant.text.claims.base import PaperClaims, Result, Span, common_acronyms
from assistant.text.claims.context import generic_setting
from assistant.text.claims.fields import RESULT_WORDS
from assistant.text.claims.names import paper_name
from assistant.text.claims.spans import (
    balanced,
    evidence_verb_before,
    fix_artefacts,
    opens_with_subject,
    row_clause,
    verb_before,
    without_openers,
)

__all__ = [
    "RESULT_WORDS",
    "PaperClaims",
    "Result",
    "Span",
    "analyse",
    "balanced",
    "common_acronyms",
    "evidence_verb_before",
    "fix_artefacts",
    "generic_setting",
    "opens_with_subject",
    "paper_name",
    "row_clause",
    "standalone",
    "verb_before",
    "without_openers",
]
