"""Tuning numbers of writing an answer and checking it: the extractive writer, the verifier, the
output lint."""

from __future__ import annotations

from pydantic import Field

from assistant.tuning.group import Group


class WriterSettings(Group):
    """Write: how the extractive writer chooses and groups what it says."""

    group_similarity: float = Field(
        default=0.25,
        ge=0,
        le=1,
        description="related-work: average-link cosine (tf-idf) at which two groups of papers merge into one paragraph.",
    )
    single_join_similarity: float = Field(
        default=0.2,
        ge=0,
        le=1,
        description=(
            "related-work: a paper no group took joins the group it is closest to (average-link "
            "cosine, tf-idf) from this much (0.20 and above on tuning answers: Moirai with the "
            "time series foundation models, OPT-Tree with the speculative decoders, Quamba2 "
            "with Mamba; near 0.15 half the pairs share only a word); 1 switches this off."
        ),
    )
    phrase_word_share: float = Field(
        default=0.05,
        ge=0,
        le=1,
        description=(
            "ask, a question about several papers: a two-word term of the question whose rarer "
            "word at most this share of the collection writes ('normalization layers') has "
            "each paper writing it said by a sentence writing it, where nothing said of the "
            "paper does; commoner pairs ('generated text', 'experimental results') do not."
        ),
    )
    long_sentence_words: int = Field(
        default=45,
        ge=1,
        description="A sentence longer than this is used only when nothing shorter says the same.",
    )
    quoted_title_words: int = Field(
        default=12,
        ge=1,
        description=(
            "A paper said without a name to go by is said by its title in quotation marks, up to "
            "this many words (the title before a colon, when that is a phrase of its own); a "
            "longer one stays 'One paper', its title in the citation."
        ),
    )
    topic_sentence_words: int = Field(
        default=70,
        ge=1,
        description=(
            "Related work says a paper by a sentence naming the topic up to this long when no "
            "sentence of at most long_sentence_words does: a long sentence saying why the paper "
            "is cited beats a short one that does not."
        ),
    )
    rare_topic_word_papers: int = Field(
        default=30,
        ge=1,
        description=(
            "Related work says a paper none of whose sentences says the topic whole by its "
            "sentence writing the topic's rarest word, when at most this many papers of the "
            'collection write that word ("patch" under "patch-based time series '
            'transformers"); a commoner word ("evaluating", "adaptation") is written in '
            "passing and says nothing of why the paper is cited."
        ),
    )
    related_work_paragraphs: int = Field(
        default=3,
        ge=1,
        description=(
            "Related work is at most this many paragraphs, as a paper's related-work section on "
            "one topic is: the largest groups of papers that work alike each have their own, and "
            "the rest (smaller groups, papers alone) share the last; the papers the relevance "
            "model is less sure of (evidence.sure_probability) follow in one more, apart."
        ),
    )
    related_work_paragraph_sentences: int = Field(
        default=2,
        ge=1,
        description=(
            "A related-work paragraph holds at least this many sentences: a paper said alone in "
            "one sentence joins the paragraph before it (the first, the one after it), as a "
            "related-work section never gives one cited sentence a paragraph; 108 of the 147 "
            "tuning related-work answers of more than one paragraph had such a paragraph."
        ),
    )
    less_certain_sentences: int = Field(
        default=2,
        ge=1,
        description=(
            "Sentences per paper a topic answer says apart as less certainly on the question "
            "(evidence.sure_probability): what it is and one more, enough to judge it by."
        ),
    )
    related_work_sentences: int = Field(
        default=1,
        ge=1,
        description=(
            "Sentences per paper in related work: a related-work section says what each cited "
            "paper does in one sentence (two made the mission's paragraphs read as abstracts "
            "stitched together)."
        ),
    )
    related_work_few_papers: int = Field(
        default=3,
        ge=0,
        description=(
            "A related-work section on at most this many papers (the less certain aside) says "
            "what each reports after what it does: its figure, else its finding (one sentence "
            "a paper left such a section two or three sentences long)."
        ),
    )
    side_by_side_words: int = Field(
        default=30,
        ge=5,
        description=(
            "A comparison sets a group's papers side by side in one sentence, each by how it "
            "works in at most this many words; a paper whose mechanism and proposal are longer "
            "is said on its own."
        ),
    )
    clause_meaning_min: float = Field(
        default=0.3,
        ge=-1,
        le=1,
        description=(
            "A comparison's clause no sentence of a paper answers in words is answered by the "
            "paper's sentence closest to it in meaning (MiniLM cosine), when at least this close "
            "and closer than what was said of the paper ('what information does each use to set "
            "it': SMB's 'second-order information' sentence, 0.33; DoG's nearest, 0.09, says "
            "nothing of it)."
        ),
    )
    axis_meaning_min: float = Field(
        default=0.4,
        ge=-1,
        le=1,
        description=(
            "A comparison table's column for a question the request asks of each paper ('how "
            "does each decide how long a step to take') is filled, where no sentence of a paper "
            "shares enough of its words, by the paper's sentence closest to it in meaning "
            "(MiniLM cosine) when at least this close: DoG's 'The DoG step sizes depend on "
            "simple empirical quantities (distance from the initial point and norms of "
            "gradients)', 0.50, for 'how does each avoid hand-tuning the step size'; below it "
            "the nearest sentences of the tuning compares mostly say something else ('Extensive "
            "experiments are conducted on two widely used datasets', 0.33)."
        ),
    )
    lookup_figure_reach: int = Field(
        default=6,
        ge=1,
        description=(
            "A lookup asking for a figure prefers, among its best this many sentences, those "
            "stating one (blind-tune: 'how much of the gap' reached the 82% sentence, 4th best)."
        ),
    )
    lead_common_share: float = Field(
        default=0.15,
        gt=0,
        le=1,
        description=(
            "A group's lead term needs a word in at most this share of the collection's abstracts "
            "('sample selection' passes on 'selection'; a term of common words is no common thread)."
        ),
    )
    lead_ubiquitous_share: float = Field(
        default=0.6,
        gt=0,
        le=1,
        description="... and none of its words in more than this share ('we introduce').",
    )
    lead_ground_share: float = Field(
        default=0.8,
        gt=0,
        le=1,
        description=(
            "A term (words in a row) at least this share of an answer's papers write (four papers "
            "or more) is the ground they all stand on, like the request's own words: it leads no "
            "group ('time series' under a request on forecasting with side information, where "
            "every paper forecasts time series; 'sample selection', in three of four entropy-TTA "
            "papers, still leads)."
        ),
    )
    repeat_share: float = Field(
        default=0.9,
        gt=0,
        le=1,
        description=(
            "A sentence citing one paper is left out when an earlier sentence of the answer "
            "citing that paper alone already writes this share of its words (stems): the "
            "claims writer's result clause said again as a sentence of its own, a comparison's "
            "'What each does' repeating what it said under a question. Below it, a sentence "
            "adds something (Scaling Law with LR Annealing's second claim of accurate loss "
            "prediction adds its cost, 'less than 1% of the computational cost')."
        ),
    )
    lead_label_words: int = Field(
        default=12,
        ge=1,
        description=(
            "A group's lead lists its papers by name when their labels come to at most this many "
            "words ('Sample selection is common to DeYO, Open-Set Test-Time Adaptation and "
            "Efficient Test-Time Model Adaptation without Forgetting', 10); past it (two titles of "
            "14 words) it counts them ('Two papers share error discovery'), the citations naming "
            "them, so long titles are not said twice in a row."
        ),
    )


class VerifySettings(Group):
    """Verify: when a draft sentence counts as supported by the papers it cites.

    answer/verify.py and answer/meaning.py read these (``settings.verify``). Two numbers that
    define the parsing itself stay fixed beside it: STEM_PREFIX (answer/lexical.py, what "the same
    word" means) and ANCHOR_WINDOW (answer/parsed.py, a parsed sentence's neighbourhoods)."""

    lexical_support: float = Field(
        default=0.8,
        ge=0,
        le=1,
        description="Share of a sentence's content words found in its cited abstracts at which it is supported.",
    )
    lexical_floor: float = Field(
        default=0.4, ge=0, le=1, description="Below this share no similarity can save the sentence."
    )
    semantic_support: float = Field(
        default=0.72,
        ge=0,
        le=1,
        description="Cosine to the closest cited sentence that supports a paraphrase.",
    )
    citation_share: float = Field(
        default=0.25,
        ge=0,
        le=1,
        description="A paper cited in a multi-citation sentence must hold this share of its words.",
    )
    candidate_sentences: int = Field(
        default=3,
        ge=1,
        description="Abstract sentences per paper compared by embedding (the lexically closest).",
    )
    summary_share: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description=(
            "A sentence citing several papers is a faithful summary when every paper it cites holds "
            "this share of its content words on its own ..."
        ),
    )
    summary_semantic: float = Field(
        default=0.45,
        ge=0,
        le=1,
        description="... or this cosine to that paper's closest sentence or title (MiniLM puts a short summary near 0.5).",
    )
    close_paraphrase: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description=(
            "A sentence restating two abstract sentences at once falls below semantic_support "
            "against either; this similarity is enough ..."
        ),
    )
    close_paraphrase_words: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description="... when at least this share of its content words is in the cited abstract.",
    )
    clause_share: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description=(
            "Each clause of a sentence that joins clauses must have this share of its content "
            "words in the cited abstracts (so two papers' claims cannot be merged and cited to one) ..."
        ),
    )
    clause_min_words: int = Field(
        default=3, ge=1, description="... for clauses of at least this many content words."
    )
    group_semantic: float = Field(
        default=0.45,
        ge=0,
        le=1,
        description=(
            "A sentence that organises an answer ('Two methods remove the draft model [a][b]', "
            "lexicon/group_nouns.txt), whose words are the writer's own, is supported when every "
            "paper it cites has a sentence or title this close to it ..."
        ),
    )
    group_margin: float = Field(
        default=0.02,
        ge=0,
        le=1,
        description=(
            "... and every evidence paper it does not cite is this much further from it than the "
            "least close paper it cites (a group sentence re-cited to a neighbour of the same "
            "topic is closer to neither) ..."
        ),
    )
    group_subject_words: int = Field(
        default=6,
        ge=1,
        description="... and its group noun comes within this many words of its start.",
    )
    lead_share: float = Field(
        default=0.4,
        ge=0,
        le=1,
        description=(
            "A topic sentence whose papers the next sentences of its paragraph go on to describe "
            "(each supported) is supported when its cited abstracts and those sentences hold this "
            "share of its content words (its other words are the writer's abstraction)."
        ),
    )
    lead_min_claim_words: int = Field(
        default=2,
        ge=0,
        description=(
            "... when it has more content words than this; with this many or fewer, a share is "
            "one word, and each must be held ('This survey proves TTA is solved [a]': 'TTA' "
            "held, 'solved' not, passed at 50%)."
        ),
    )
    min_shared: int = Field(
        default=3,
        ge=1,
        description="Meaning checks: content words a source sentence must share with the draft to be about the same thing.",
    )
    close_share: float = Field(
        default=0.35,
        ge=0,
        le=1,
        description="Meaning checks: a negation flip is judged against a source sentence this close to the draft.",
    )
    min_anchors: int = Field(
        default=2,
        ge=1,
        description="Meaning checks: content words near both opposite direction words that make them the same thing reversed.",
    )
    direction_margin: int = Field(
        default=1,
        ge=0,
        description=(
            "Meaning checks: when the cited sentences state both sides of a direction near the "
            "draft's words, the opposite side must share more than this many neighbours more "
            "with the draft than its own side (a source that says both of about as much lets "
            "the draft take either)."
        ),
    )
    subject_reach: int = Field(
        default=8,
        ge=1,
        description="Meaning checks: words before an auxiliary in which a negated subject ('no annotations from humans or GPTs are needed') denies it.",
    )
    change_verb_reach: int = Field(
        default=8,
        ge=1,
        description="Figure checks: words before 'from a to b' in which a direction verb must agree with the change ('increases the success rate of Retro* from').",
    )
    figure_words: int = Field(
        default=3,
        ge=1,
        description="Figure checks: content words before and after a figure (never past another figure) that say what it measures.",
    )
    compared_reach: int = Field(
        default=8,
        ge=1,
        description="Meaning checks: words a comparison reaches after 'than' ('slower estimation than baselines').",
    )
    negated_clause_share: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Meaning checks: a negation is about the cited work when more than this share of its clause's words is in it.",
    )


class LintSettings(Group):
    """Lint: the style checks an answer's text must pass (eval counts their findings)."""

    echo_min_words: int = Field(
        default=4,
        ge=1,
        description=(
            "A run of this many content words (stemmed, stopwords out) shared with the question, "
            "written by the writer rather than copied from a cited abstract, is the question echoed back."
        ),
    )
    heading_max_words: int = Field(
        default=8, ge=1, description="A heading longer than this is a sentence, not a topic phrase."
    )
    subject_max_words: int = Field(
        default=8,
        ge=1,
        description="The subject of a sentence ends within this many words ('The S4D paper's final model S4D is').",
    )
