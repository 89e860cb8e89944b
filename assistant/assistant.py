"""The assistant: ask, compare and related-work, one pipeline for every engine.

retrieve → select evidence → abstain or write → verify → Answer. The writer sees only the evidence;
the verifier checks whatever the writer produced; the Answer carries both what survived and why.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.answer.answerability import check_answerable, dense_support
from assistant.answer.evidence import Weights, evidence_for_papers, select_evidence
from assistant.answer.kinds import asked_kinds, asks_of_titles, papers_of_kind, papers_titled
from assistant.answer.senses import assign_senses
from assistant.answer.table import build_comparison_table
from assistant.answer.verify import verify
from assistant.citations import CANNOT_ANSWER
from assistant.errors import InputError, LLMError, UnknownPaperError
from assistant.models import (
    Answer,
    CheckedSentence,
    Draft,
    Evidence,
    Paper,
    SearchHit,
    Task,
    papers_label,
)
from assistant.retrieve import Retrieval, Retriever
from assistant.settings import Settings, load_settings
from assistant.text.query import (
    asked_names,
    compared_axes,
    listed_names,
    listed_senses,
    listed_things,
    rare_names,
    split_clauses,
    used_word,
)
from assistant.writers import writer_class
from assistant.writers.base import TextSink, Writer
from assistant.writers.extractive import ExtractiveWriter
from assistant.writers.leads import TitleTerms

if TYPE_CHECKING:
    from assistant.embedding import Embedder
    from assistant.models import SearchMode

CLOSEST_PAPERS = 3  # papers shown with an abstention
NO_ENDPOINT_WARNING = (
    "no LLM endpoint configured (set ASSISTANT_LLM_BASE_URL); used the extractive engine"
)


class Assistant:
    """Answers questions about the collection with verified citations.

    >>> answer = Assistant().ask("how do entropy-based TTA methods differ")
    >>> answer.abstained, [sentence.citations for sentence in answer.sentences]
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        retriever: Retriever | None = None,
        writer: Writer | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self.retriever = retriever or Retriever(self.settings)
        self._writer = writer
        self._extractive: ExtractiveWriter | None = None

    # --- the three tasks ----------------------------------------------------------------------

    def ask(
        self,
        question: str,
        *,
        engine: str | None = None,
        mode: SearchMode | None = None,
        on_text: TextSink | None = None,
    ) -> Answer:
        """Answer a question: a lookup gets the paper and its figure; a topic every paper."""
        return self._run(
            "ask", _required(question, "question"), engine=engine, mode=mode, on_text=on_text
        )

    def related_work(
        self,
        topic: str,
        *,
        engine: str | None = None,
        mode: SearchMode | None = None,
        on_text: TextSink | None = None,
    ) -> Answer:
        """A related-work section on a topic, grouped by theme, every sentence cited."""
        return self._run(
            "related-work", _required(topic, "topic"), engine=engine, mode=mode, on_text=on_text
        )

    def compare(
        self,
        topic: str | None = None,
        *,
        paper_ids: Sequence[str] | None = None,
        engine: str | None = None,
        mode: SearchMode | None = None,
        on_text: TextSink | None = None,
    ) -> Answer:
        """Compare the papers on a topic, or the papers given by id: what they share, how each
        differs, and a table whose every cell comes from one abstract sentence."""
        if paper_ids:
            papers = self._papers_by_id(paper_ids)
            evidence = evidence_for_papers(papers, topic=topic, config=self.settings.evidence)
            label = topic.strip() if topic and topic.strip() else papers_label(papers)
            return self._answer(
                "compare",
                label,
                evidence,
                engine=engine,
                on_text=on_text,
                started=time.perf_counter(),
            )
        if topic is None or not topic.strip():
            raise InputError(
                "compare needs a topic or at least two paper ids (--papers ID ID ...)."
            )
        return self._run("compare", topic.strip(), engine=engine, mode=mode, on_text=on_text)

    # --- the pipeline -------------------------------------------------------------------------

    def _run(
        self,
        task: Task,
        question: str,
        *,
        engine: str | None,
        mode: SearchMode | None,
        on_text: TextSink | None,
    ) -> Answer:
        started = time.perf_counter()
        self.retriever.ensure_index(wait=False)  # a question never waits for a writer
        retrieval = self.retriever.retrieve(
            question,
            k=max(self.settings.retrieval.papers_per_question, self.settings.top_k),
            mode=mode,
        )
        if task != "compare":
            # (what each listed thing is closest to: a topic answer's tiers; a comparison is
            # never one)
            retrieval = self.retriever.with_item_similarity(retrieval)
            # (how close each paper is to what the request says it does not want)
            retrieval = self.retriever.with_left_out_closeness(retrieval)
        frequency = self.retriever.bm25_index.document_frequency
        if task == "ask":
            # the papers that write a dataset or model the question names, wherever they rank
            # (and a capitalised word few papers write: "Chinese-language data")
            rare = rare_names(question, frequency, self.settings.evidence.rare_name_papers)
            retrieval = self.retriever.with_name_writers(
                retrieval, [*asked_names(question), *listed_names(question), *rare]
            )
        elif task == "compare":
            # "Compare FreezeNet and STEP": a paper the request names is compared, wherever its
            # name ranks it (the words of "STEP" fetched forty papers about step sizes)
            retrieval = self.retriever.with_name_writers(retrieval, asked_names(question))
        size = len(self.retriever.bm25_index.doc_ids)
        # "Are there any surveys or theses here?": the papers that say they are one answer it,
        # however far their abstracts (about their fields) sit from the question
        asks_for_kind = task == "ask" and bool(asked_kinds(question))
        kind = papers_of_kind(question, self.retriever.paper_store.all()) if asks_for_kind else []
        # ... and "For each paper whose title says it is robust, robust against what?": the
        # papers whose titles say it, however their abstracts sit to the question (t008 cited
        # one paper, none of the twelve)
        if not kind and task == "ask" and asks_of_titles(question):
            kind = papers_titled(question, self.retriever.paper_store.all())
        if not kind and task == "ask":
            # ... and "'Resolution' seems to mean something different in almost every abstract
            # ... Which papers use the word, and in which sense?": every paper writing it, when
            # an answer can hold them all (t009 cited one of the eleven; a word more papers write
            # is left to the relevance model, which picks those about it)
            kind = self._word_writers(question)
        if kind:
            most = self.settings.max_evidence_papers
            evidence = evidence_for_papers(
                kind[:most],
                topic=question,
                weights=Weights(frequency, size),
                config=self.settings.evidence,
            )
            left_out = max(0, len(kind) - most)
        else:
            selection = select_evidence(
                retrieval,
                self.settings,
                task=task,
                document_frequency=frequency,
                collection_size=size,
                threads=self._thread_retrievals(question, mode) if task == "related-work" else (),
            )
            evidence, left_out = selection.evidence, selection.left_out
            verdict = check_answerable(
                question,
                retrieval,
                evidence,
                self.settings,
                document_frequency=frequency,
                collection_size=size,
                piece_support=lambda piece: dense_support(
                    self.retriever.retrieve(piece, k=self.settings.top_k, mode="dense")
                ),
                stem_writers=self.retriever.word_writers,
                task=task,
            )
            if not verdict.answerable:
                closest = (
                    _closest(retrieval.hits, evidence[:CLOSEST_PAPERS]) if verdict.near else []
                )
                return self._abstention(
                    task, question, closest, self._engine_name(engine), verdict.reason, [], started
                )
        return self._answer(
            task,
            question,
            evidence,
            engine=engine,
            on_text=on_text,
            started=started,
            left_out=left_out,
        )

    def _answer(
        self,
        task: Task,
        question: str,
        evidence: list[Evidence],
        *,
        engine: str | None,
        on_text: TextSink | None,
        started: float,
        left_out: int = 0,
    ) -> Answer:
        writer, warnings = self._writer_for(engine)
        if left_out:
            # "Which papers run experiments on CIFAR-10?": 22 papers write it; an answer of 20
            # that says nothing of the other two looks complete
            more = "paper" if left_out == 1 else "papers"
            warnings.append(
                f"the answer draws on the {len(evidence)} most relevant papers; {left_out} more "
                f"{more} of the collection bear on this (to include them, raise "
                f"max_evidence_papers, e.g. ASSISTANT_MAX_EVIDENCE_PAPERS={len(evidence) + left_out})"
            )
        fallback = "no LLM endpoint is configured" if NO_ENDPOINT_WARNING in warnings else ""
        if task == "compare":
            evidence = self._with_clause_meaning(question, evidence)
        elif len(evidence) > 1:
            evidence = self._with_senses(task, question, evidence)
        try:
            draft = writer.write(
                task, question, evidence, on_text=on_text if writer.can_stream else None
            )
        except LLMError as error:
            warnings.append(
                f"the LLM endpoint failed ({_one_line(error)}); used the extractive engine"
            )
            fallback = f"the LLM endpoint failed: {_one_line(error)}"
            writer = self._extractive_writer()
            draft = writer.write(task, question, evidence, on_text=on_text)
        warnings.extend(draft.warnings)
        if [sentence.text.strip() for sentence in draft.sentences] == [CANNOT_ANSWER]:
            return self._abstention(
                task,
                question,
                evidence[:CLOSEST_PAPERS],
                draft.engine,
                "the writer found no answer in the evidence",
                warnings,
                started,
            )
        checked = verify(
            draft, evidence, self.settings, embedder=self._embedder_if_loaded(), question=question
        )
        if not any(sentence.citations for sentence in checked.sentences):
            answer = self._abstention(
                task,
                question,
                evidence[:CLOSEST_PAPERS],
                draft.engine,
                "no drafted sentence survived verification",
                warnings,
                started,
            )
            answer.removed_citations = checked.removed_citations
            answer.dropped_sentences = checked.dropped
            answer.rejected = checked.rejected
            answer.fallback, answer.usage = fallback, draft.usage
            return answer
        paragraphs, headings = _structure(draft, checked.kept)
        cited = list(
            dict.fromkeys(
                paper_id for sentence in checked.sentences for paper_id in sentence.citations
            )
        )
        by_id = {item.paper.id: item.paper for item in evidence}
        if task == "related-work" and len(cited) == 1:
            # A related-work section with one paper is more often a field the collection writes
            # in other words than a field of one paper: say so rather than look complete.
            warnings.append(
                "only one paper of the collection was found on this topic; papers that name it "
                "in other words may be missing (try a synonym or a broader phrase)"
            )
        index = self.retriever.bm25_index
        table = (
            build_comparison_table(
                evidence,
                question,
                document_frequency=index.document_frequency,
                collection_size=len(index.doc_ids),
                # what each sentence says of each question asked of every paper, in meaning
                meaning=self.retriever.clause_similarity(
                    compared_axes(question), [item.paper for item in evidence]
                ),
                meaning_min=self.settings.writer.axis_meaning_min,
                said=_said_under(checked.sentences, paragraphs, headings),
            )
            if task == "compare"
            else None
        )
        return Answer(
            task=task,
            question=question,
            engine=draft.engine,
            abstained=False,
            sentences=checked.sentences,
            references=[by_id[paper_id] for paper_id in cited if paper_id in by_id],
            evidence=evidence,
            paragraphs=paragraphs,
            headings=headings,
            table=table,
            warnings=warnings,
            removed_citations=checked.removed_citations,
            dropped_sentences=checked.dropped,
            seconds=time.perf_counter() - started,
            fallback=fallback,
            rejected=checked.rejected,
            usage=draft.usage,
        )

    def _abstention(
        self,
        task: Task,
        question: str,
        closest: list[Evidence],
        engine: str,
        reason: str,
        warnings: list[str],
        started: float,
    ) -> Answer:
        """Exactly ``CANNOT_ANSWER``, no citation, and the closest papers as evidence."""
        return Answer(
            task=task,
            question=question,
            engine=engine,
            abstained=True,
            sentences=[CheckedSentence(CANNOT_ANSWER, [], True, 0.0, reason, "abstention")],
            references=[],
            evidence=closest,
            warnings=warnings,
            seconds=time.perf_counter() - started,
        )

    # --- engines ------------------------------------------------------------------------------

    def _engine_name(self, engine: str | None) -> str:
        return (engine or self.settings.engine) if self._writer is None else self._writer.name

    def _writer_for(self, engine: str | None) -> tuple[Writer, list[str]]:
        if self._writer is not None and engine in (None, self._writer.name):
            return self._writer, []
        chosen = writer_class(engine or self.settings.engine)  # an unknown engine is an InputError
        if chosen is ExtractiveWriter:  # made once, with the collection's statistics
            return self._extractive_writer(), []
        if chosen.needs_endpoint and not self.settings.llm_base_url:
            return self._extractive_writer(), [NO_ENDPOINT_WARNING]
        return chosen.from_settings(self.settings), []

    def _extractive_writer(self) -> ExtractiveWriter:
        if self._extractive is None:
            index = self.retriever.bm25_index
            self._extractive = ExtractiveWriter(
                document_frequency=index.document_frequency,
                collection_size=len(index.doc_ids),
                config=self.settings.writer,
                rare_name_papers=self.settings.evidence.rare_name_papers,
                title_terms=TitleTerms(
                    lambda: [title for _, title in self.retriever.paper_store.titles()]
                ),
            )
        return self._extractive

    def _thread_retrievals(self, request: str, mode: SearchMode | None) -> list[Retrieval]:
        """A retrieval for each thing a related-work request lists (the first
        ``most_thread_searches``), searched alone as its own request would be, in the request's
        mode; none when it lists fewer than two."""
        threads = listed_things(request)[: self.settings.evidence.most_thread_searches]
        if len(threads) < 2:
            return []
        k = max(self.settings.retrieval.papers_per_question, self.settings.top_k)
        return [
            self.retriever.with_item_similarity(self.retriever.retrieve(thread, k=k, mode=mode))
            for thread in threads
        ]

    def _with_senses(self, task: Task, question: str, evidence: list[Evidence]) -> list[Evidence]:
        """Each paper with the sense or kind the question lists that it is an instance of, so the
        answer can be told sense by sense; as it was when the question lists fewer than two (or
        more than ``most_senses``: nothing is embedded for them)."""
        senses = listed_senses(question)
        if not 2 <= len(senses) <= self.settings.evidence.most_senses:
            return evidence
        similarity = self.retriever.clause_similarity(senses, [item.paper for item in evidence])
        return assign_senses(
            evidence, question, senses, similarity, self.settings.evidence, by_use=task == "ask"
        )

    def _with_clause_meaning(self, question: str, evidence: list[Evidence]) -> list[Evidence]:
        """Each evidence sentence with its cosine to every clause the comparison asks after its
        topic, so the writer can answer a clause no sentence shares a word with."""
        asked = [clause.text for clause in split_clauses(question)[1:]]
        similarity = self.retriever.clause_similarity(asked, [item.paper for item in evidence])
        if not similarity:
            return evidence
        return [
            replace(
                item,
                sentences=tuple(
                    replace(sentence, asked=similarity.get((item.paper.id, sentence.index), ()))
                    for sentence in item.sentences
                ),
            )
            for item in evidence
        ]

    def _word_writers(self, question: str) -> list[Paper]:
        """The papers writing the word a question quotes and asks which papers use, those writing
        it most first (BM25 over its stems), when ``max_evidence_papers`` can hold them all; else
        none."""
        word = used_word(question)
        if word is None:
            return []
        found = self.retriever.bm25_index.search(word, k=self.settings.max_evidence_papers + 1)
        if not found or len(found) > self.settings.max_evidence_papers:
            return []
        papers = self.retriever.paper_store.get_many([paper_id for paper_id, _ in found])
        return [papers[paper_id] for paper_id, _ in found if paper_id in papers]

    def _embedder_if_loaded(self) -> Embedder:
        # The verifier embeds only the sentences words cannot settle (paraphrases, LLM output), in
        # one batch; retrieval has usually loaded the model already.
        return self.retriever.embedder

    def _papers_by_id(self, paper_ids: Sequence[str]) -> list[Paper]:
        unique = list(dict.fromkeys(paper_id.strip() for paper_id in paper_ids if paper_id.strip()))
        if len(unique) < 2:
            raise InputError(
                "compare needs at least two different papers; pass two or more ids with --papers "
                "(find ids with 'assistant search TOPIC') or give a topic instead."
            )
        self.retriever.ensure_index()
        found = self.retriever.papers(unique)
        unknown = [paper_id for paper_id in unique if paper_id not in found]
        if unknown:
            raise UnknownPaperError(
                f"no paper with id {', '.join(repr(paper_id) for paper_id in unknown)} in the "
                "collection; "
                "find ids with 'assistant search TOPIC'."
            )
        return [found[paper_id] for paper_id in unique]


def _required(text: str, what: str) -> str:
    if text is None or not text.strip():
        raise InputError(f"the {what} is empty; type a {what} in words.")
    return text.strip()


def _one_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def _closest(hits: Sequence[SearchHit], have: Sequence[Evidence]) -> list[Evidence]:
    """The evidence papers, topped up from the ranking to ``CLOSEST_PAPERS``."""
    chosen = list(have)
    seen = {item.paper.id for item in chosen}
    for hit in hits:
        if len(chosen) >= CLOSEST_PAPERS:
            break
        if hit.paper.id not in seen:
            chosen.append(Evidence(paper=hit.paper, score=0.0, rank=len(chosen) + 1))
            seen.add(hit.paper.id)
    return chosen


def _said_under(
    sentences: Sequence[CheckedSentence], paragraphs: list[list[int]], headings: list[str]
) -> dict[tuple[str, str], str]:
    """What the answer says of one paper under each heading, by (heading, paper id): under a
    question a comparison asks of each paper, that paper's answer to it."""
    said: dict[tuple[str, str], str] = {}
    for paragraph, heading in zip(paragraphs, headings, strict=False):
        for index in paragraph:
            citations = sentences[index].citations
            if heading and len(citations) == 1:
                said.setdefault((heading, citations[0]), sentences[index].text)
    return said


def _structure(draft: Draft, kept: list[int]) -> tuple[list[list[int]], list[str]]:
    """The draft's paragraphs renumbered to the sentences verification kept."""
    position = {draft_index: answer_index for answer_index, draft_index in enumerate(kept)}
    paragraphs = draft.paragraphs or [list(range(len(draft.sentences)))]
    headings = draft.headings or [""] * len(paragraphs)
    result: list[list[int]] = []
    titles: list[str] = []
    for paragraph, heading in zip(paragraphs, headings, strict=False):
        renumbered = [position[index] for index in paragraph if index in position]
        if renumbered:
            result.append(renumbered)
            titles.append(heading)
    placed = {index for paragraph in result for index in paragraph}
    stray = [index for index in range(len(kept)) if index not in placed]
    if stray:
        result.append(stray)
        titles.append("")
    return result, titles
