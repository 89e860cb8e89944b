"""Sentences of an abstract: splitting exactly as the index does, and undoing listing-page artefacts."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from assistant.text.tokens import tokenize

# a sentence may end inside the page's brace group ("... without any extra efforts.} In
# addition") and open one ("{Further experiments demonstrate ...}")
# (a brace closed after the full stop stays with its sentence, for the group to be undone)
# ... and inside inline math closed after it ("... e^{-2 K (p_{comp} - 0.5)^2}.$ Our empirical
# results ...": one sentence to the index, its first half quoted without a citation of its own)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?P<close>[\"')\]}$]*)\s+(?=[A-Z0-9(\"'\[{])")
# a listing page that lost the space between two sentences ("making it more practical.We
# evaluate DD ..."): a lowercase word of three letters or more, its full stop, and a capitalised
# word. "nn.Module", "e.g.The" and "a.b.Cde" are not cut (two letters, a dot before the word);
# a dotted name in prose ("torch.Tensor is") would be, which abstracts hardly ever write.
_GLUED_END = re.compile(r"(?<![\w.])[a-z]{3,}[.!?](?=[A-Z][a-z]+[\s,])")
# ("etc." ends its sentence before a capital: "... and bounds for interpolating algorithms etc.
# We show ..." was one sentence, said with one citation at its end, the first half read as
# uncited; review51. Every "etc." before a capital in the bundled abstracts ends a sentence.)
_NO_BREAK_BEFORE = re.compile(
    r"(\b(e\.g|i\.e|et al|vs|cf|Fig|Figs|Eq|Eqs|Sec|No|approx|resp|Dr|Mr|Ms|w\.r\.t)\.|\b[A-Z]\.)$"
)
# ... though a single capital is a symbol ending its sentence, not an initial, after a lowercase
# word or before a word that opens sentences: "we need a behavioural model of how pi relates to R.
# In the current literature, the most common ..." was one sentence, quoted whole. Every single
# capital before a full stop and a capitalised word in the bundled abstracts is such a symbol
# ("parameters B and C. To ensure ...", "a power law of P. We relate ..."). An initial follows a
# name or "by" and comes before a name: "John F. Kennedy", "as shown by J. Smith".
_WORD_BEFORE = re.compile(r"(?:^|\s)(?P<before>\S+)\s+[A-Z]\.$")
_NEXT_WORD = re.compile(r"[A-Za-z]+")
_SINGLE_CAPITAL = re.compile(r"\b[A-Z]\.$")


@lru_cache(maxsize=1)
def _sentence_openers() -> frozenset[str]:
    """Words that open a sentence and never follow an initial: first person, and the first word of
    each discourse opener and connective (lexicons ``first_person``, ``openers``,
    ``lint_connectives``)."""
    from assistant.text.lexicon import words

    entries = [*words("first_person"), *words("openers"), *words("lint_connectives")]
    return frozenset(entry.split()[0].lower() for entry in entries)


def _no_break(text: str, end: int, next_start: int) -> bool:
    if not _NO_BREAK_BEFORE.search(text, 0, end):
        return False
    following = _NEXT_WORD.match(text, next_start)
    if not _SINGLE_CAPITAL.search(text, 0, end) or following is None:
        return True  # an abbreviation
    if len(following.group(0)) == 1:
        return True  # initials in a row ("A. B. Turing")
    before = _WORD_BEFORE.search(text[max(0, end - 60) : end])
    if (
        before is not None
        and re.fullmatch(r"[a-z]+", before["before"])
        and before["before"] != "by"
    ):
        return False  # a symbol in prose ("relates to R.")
    return following.group(0).lower() not in _sentence_openers()


# A footnote the listing page ran into the sentence it marks: "a simple yet effective framework,
# PromptTPPOur code is available at {\small \url{ https://...}}, by integrating ..." is the
# framework's name and the rest of the sentence
GLUED_FOOTNOTE = re.compile(
    r"(?<=[A-Za-z0-9])(?:Our |The )?[Cc]ode (?:is |will be )?(?:publicly )?(?:available|released)"
    r" at\s*(?:\{\\\w+\s*)?\\url\{[^{}]*\}\}?"
)


def split_sentences(text: str) -> list[str]:
    """Split an abstract into sentences without breaking "e.g.", "et al." or decimals like 4.30."""
    text = GLUED_FOOTNOTE.sub("", text)
    # (where the sentence ends, where the next one starts)
    ends = sorted(
        [
            *(
                (
                    match.end("close")
                    if "}" in match.group("close") or "$" in match.group("close")
                    else match.start(),
                    match.end(),
                )
                for match in _SENTENCE_END.finditer(text)
                if not _no_break(text, match.start(), match.end())
            ),
            *((match.end(), match.end()) for match in _GLUED_END.finditer(text)),
        ]
    )
    pieces: list[str] = []
    start = 0
    for end, next_start in ends:
        candidate = text[start:end].rstrip()
        if candidate:
            pieces.append(candidate)
        start = next_start
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


# --- sentences -----------------------------------------------------------------------------


# inline math "\( A \)": the symbol itself, in prose and in claims alike
INLINE_MATH = re.compile(r"\\\(\s*(.+?)\s*\\\)")
# "{\it model size}" (or "{it model size}" where the page lost the backslash): italics only
FONT_GROUP = re.compile(
    # ... a math font too ("{{boldsymbol x}_i}" is "{x_i}")
    r"\{\\?(?:it|em|bf|sl|rm|tt|sc|sf|textit|emph|boldsymbol|mathbf|mathcal|mathbb)\s+([^{}]*)\}"
)
# "{Further experiments demonstrate that ... dominant.}": a brace group of plain prose (no math:
# "D_{KL}", "k^{th}" keep theirs) is the page's grouping, not text
# ... a font command with its argument, its backslash lost: "three critical textit{O}bstacles"
FONT_ARGUMENT = re.compile(
    # ... a math font too: "an excess risk of mathcal{O}(mathcal{C_Phi/m} + ...)" is "O(C_Phi/m + ...)"
    r"(?<![A-Za-z])\\?(?:textsc|textbf|textit|mathrm|emph|mathcal|mathbf|mathbb|boldsymbol)"
    r"\{([^{}]*)\}"
)
# ... and a name the page set in angle brackets ("a framework called <projektor>"), which a
# Markdown renderer would take for a tag and hide
ANGLED_NAME = re.compile(r"(?<![\w<])<([A-Za-z][\w-]{2,30})>(?![\w>])")
PLAIN_GROUP = re.compile(r"(?<![\w^_])\{([A-Za-z][^{}\\^_$=]*)\}")


def _font_argument(match: re.Match[str]) -> str:
    argument = match.group(1)
    # "three critical textit{O}bstacles": a capital the page set apart to coin "(O1)", "(O2)"
    # reads as a stray capital inside a sentence ("critical Obstacles"); a word run on from a
    # lowercase word keeps the lowercase the sentence has
    before, after = match.string[: match.start()], match.string[match.end() : match.end() + 1]
    if re.fullmatch(r"[A-Z]", argument) and after.islower() and re.search(r"[a-z,] $", before):
        return argument.lower()
    return argument


def without_fonts(text: str) -> str:
    """A font command or group, with or without its backslash, is its argument."""
    if "{" not in text:
        return text  # (every form is a brace group)
    return PLAIN_GROUP.sub(r"\1", FONT_GROUP.sub(r"\1", FONT_ARGUMENT.sub(_font_argument, text)))


# A LaTeX accent the listing page kept: "Fr\\'echet" is "Fréchet", as the writer prints it
ACCENT = re.compile(r"\\([\"'`^~])\{?([A-Za-z])\}?")
_ACCENT_MARKS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303"}


def accented(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFC", match.group(2) + _ACCENT_MARKS[match.group(1)])


@lru_cache(maxsize=16384)  # a sentence is cleaned again for every answer showing it
def clean_sentence(text: str) -> str:
    """Undo listing-page artefacts ("models~(VLMs)", "5.13\\%", "5times", "Fr\\'echet");
    no claim changes."""
    # (each rewrite only where the text holds a sign it cannot match without: most hold none)
    if "\\" in text:
        text = ACCENT.sub(accented, text)
    # (a tilde before a number is "about": "~1,400 decisions")
    if "~" in text:
        text = re.sub(r"(?<![\s(])~(?!\d)|(?<=[\s(])~(?![\d\s])", " ", text)
    text = text.replace("\\%", "%").replace("\\&", "&").replace("\\_", "_")
    if "times" in text:
        text = re.sub(r"(\d)times\b", r"\1×", text)
    if "{" in text:
        text = without_fonts(text)
        # a group around a sentence that held groups of its own ("{Further experiments ...
        # {\it model size} ... dominant.}") is plain once those are undone
        text = PLAIN_GROUP.sub(r"\1", text)
    text = without_stray_brace(text)
    if "\\(" in text:
        text = INLINE_MATH.sub(r"\1", text)
    if "<" in text:
        text = ANGLED_NAME.sub(r"\1", text)
    # "as shown by [Blum & Lykouris]": an author citation in the abstract's own brackets would
    # read as one of the answer's citations
    if "[" in text:
        text = AUTHOR_CITATION.sub(r"(\1)", text)
    return re.sub(r"\s{2,}", " ", text).strip()


# a word of the authors' own ("we", "our", "us") left in a sentence said of a paper
FIRST_PERSON_WORD = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
# the number of an item of a list ("(ii) ", "3) ", "b) ") opening a sentence or a cell
LIST_MARK = re.compile(r"^\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])\)\s+")


def without_stray_brace(text: str) -> str:
    """A sentence without the closing brace of a page group whose opening brace went with an
    opener ("Further experiments demonstrate ... are dominant.}")."""
    if text.count("}") > text.count("{"):
        text = re.sub(r"\}+(?=[.!?]?\s*$)", "", text)
    return text


AUTHOR_CITATION = re.compile(
    r"\[([A-Z][^\[\]]{0,60}?(?:\bet al\.?|\s&\s|\s(?:19|20)\d\d)[^\[\]]{0,20})\]"
)


@lru_cache(maxsize=4096)
def abstract_sentences(abstract: str) -> tuple[str, ...]:
    """The abstract split exactly as the index split it (chunk positions are indices into this)."""
    return tuple(split_sentences(abstract))


@lru_cache(maxsize=16384)
def _sentence_tokens(sentence: str) -> frozenset[str]:
    return frozenset(tokenize(sentence))
