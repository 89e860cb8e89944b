"""The one settings object: defaults < config file < environment (``ASSISTANT_<FIELD>``) < flags."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from assistant.errors import ConfigError

_PACKAGE_DIR = Path(__file__).resolve().parent


def default_home() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("assistant", appauthor=False))


def bundled_corpus_dir() -> Path:
    """The listing pages that ship with the project (wheel: inside the package; checkout: ./corpus)."""
    packaged = _PACKAGE_DIR / "bundled_corpus"
    return packaged if packaged.is_dir() else _PACKAGE_DIR.parent / "corpus"


def config_path() -> Path:
    """``ASSISTANT_CONFIG`` if set, else ``config.toml`` in the data directory."""
    explicit = os.environ.get("ASSISTANT_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("ASSISTANT_HOME")
    return (Path(home).expanduser() if home else default_home()) / "config.toml"


class Settings(BaseSettings):
    """Every knob of the assistant. Each field can be set in config.toml or as ASSISTANT_<FIELD>."""

    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_", extra="forbid", frozen=True, validate_default=True
    )

    # --- where things live
    home: Path = Field(
        default_factory=default_home,
        description="Data directory: index, added papers, model cache.",
    )
    corpus_dir: Path = Field(
        default_factory=bundled_corpus_dir,
        description="Directory of bundled listing pages (*.txt).",
    )
    model_dir: Path | None = Field(
        None,
        description="Where the exported ONNX embedding model is cached (default: <home>/models).",
    )

    # --- vector store
    chroma_url: str | None = Field(
        None,
        description="Chroma server URL (http://host:port); unset = embedded store in the data directory.",
    )
    chroma_collection: str = Field(
        "assistant_chunks",
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{1,510}[A-Za-z0-9]$",
        description="Chroma collection name: 3-512 letters, digits, '.', '_' or '-', starting and ending with a letter or digit (Chroma's rule).",
    )
    chroma_timeout: float = Field(
        5.0,
        gt=0,
        description="Seconds a Chroma server request may take in all before the server is reported unreachable.",
    )
    index_batch_papers: int = Field(
        64,
        ge=1,
        le=10_000,
        description="Papers embedded and written per batch (each batch is written whole).",
    )
    index_lock_wait: float = Field(
        300.0, ge=0, description="Seconds to wait for another process that is updating the index."
    )

    # --- embeddings
    embedder: Literal["local", "openai"] = Field(
        "local",
        description="local = packaged all-MiniLM-L6-v2 on onnxruntime; openai = an OpenAI-compatible embeddings endpoint.",
    )
    embedding_base_url: str | None = Field(
        None, description="Base URL of the embeddings endpoint when embedder = openai."
    )
    embedding_model: str = Field(
        "text-embedding-3-small", description="Embedding model name when embedder = openai."
    )

    # --- retrieval
    search_mode: Literal["hybrid", "dense", "bm25"] = Field(
        "hybrid", description="Default retriever."
    )
    top_k: int = Field(10, ge=1, le=200, description="Papers returned by search.")
    rrf_k: int = Field(
        10,
        ge=1,
        description="Reciprocal rank fusion constant (tuned on evals/: 10-20 is a plateau).",
    )
    bm25_weight: float = Field(1.0, ge=0, description="Weight of the BM25 ranking in fusion.")
    dense_weight: float = Field(
        0.4,
        ge=0,
        description="Weight of the dense ranking in fusion (BM25 is the stronger retriever here).",
    )
    dense_snapshot_max_chunks: int = Field(
        1_000_000,
        ge=0,
        description="Up to this many vectors (about 100k papers), an embedded store is searched exactly from a memory-mapped numpy copy (no chromadb import per question; at 100k papers ~0.3 GB resident and 0.4 s a search on 2 busy cores, against Chroma's 2.1 GB and 3.6 s to open); 0 = always query Chroma.",
    )
    fusion_depth: int = Field(
        50, ge=5, description="How deep each retriever's ranking goes into fusion."
    )

    # --- writing and verification
    engine: Literal["extractive", "llm"] = Field(
        "extractive", description="Writer: extractive (offline, default) or llm."
    )
    unsupported: Literal["drop", "mark"] = Field(
        "drop", description="What to do with a sentence its citations do not support."
    )
    max_evidence_papers: int = Field(
        20,
        ge=1,
        le=50,
        description="Most papers an answer may draw on (a related-work topic may have twenty).",
    )
    relevance_weights: dict[str, float] = Field(
        default_factory=lambda: {
            "bias": -5.192,
            "lexical": 2.079,
            "dense_paper": 0.835,
            "dense_sentence": 1.582,
            "dense_gap": 0.581,
            "title": 0.873,
            "core": 0.565,
            "anywhere": 1.308,
            "phrase": 0.066,
            "whole_phrase": 0.405,
            "short_phrase": 0.596,
            "short_whole_phrase": 0.432,
            "rank": 1.352,
            "other_sense": -0.008,
            "centroid": 1.082,
            "lead_lexical": -1.011,
            "lead_dense": -0.363,
            "lead_core": -0.666,
            "not_top": -0.508,
        },
        description=(
            "Logistic weights over the relevance features of assistant/answer/relevance.py (where "
            "the question's words occur, phrases, vector closeness, the best paper's lead) for a "
            "question about a finding and for a comparison, and to decide when one paper stands "
            "alone; fitted by evals/fit_relevance.py on every question of evals/questions.jsonl "
            "and evals/blind-tune.jsonl."
        ),
    )
    topic_relevance_weights: dict[str, float] = Field(
        default_factory=lambda: {
            "bias": -5.896,
            "lexical": 2.307,
            "dense_paper": 1.019,
            "dense_sentence": 2.316,
            "dense_gap": 0.708,
            "title": 0.808,
            "core": 0.107,
            "anywhere": 1.128,
            "phrase": -0.227,
            "whole_phrase": 0.424,
            "short_phrase": 0.951,
            "short_whole_phrase": 0.671,
            "rank": 1.678,
            "other_sense": 0.0,
            "centroid": 1.643,
            "lead_lexical": 0.053,
            "lead_dense": -0.072,
            "lead_core": 0.408,
            "not_top": -0.091,
        },
        description=(
            "The same model's weights for a request about a topic (a question asking for papers "
            "in the plural, related work), which wants every paper about the topic: closeness in "
            "meaning counts more and the best paper's lead less. Fitted by evals/fit_relevance.py "
            "on the tuning questions' topic and related-work requests only (out of fold at 0.5: "
            "topic P/R 0.86/0.87, related work 0.83/0.84)."
        ),
    )
    single_paper_below: float = Field(
        0.75,
        ge=0,
        le=1,
        description=(
            "ask: when the second most probable paper is below this, the question is one paper's "
            "to answer and the answer cites that paper alone (tuning questions: lookups' second "
            "paper 0.46-0.72 but one at 0.84; topics' 0.77-0.99 but one at 0.55)."
        ),
    )
    relevance_gap: float = Field(
        0.25,
        gt=0,
        le=1,
        description=(
            "Evidence stops at the first drop in probability larger than this between one paper "
            "and the next (most probable first): a clear break in the distribution separates the "
            "papers about the question from those that share its words (tuning questions: 0.20 "
            "P/R 0.95/0.88 on evals/, 0.25 0.94/0.89, 0.30 0.94/0.91, none 0.93/0.91)."
        ),
    )
    topic_naming_papers: int = Field(
        3,
        ge=1,
        description=(
            "When at least this many retrieved papers name a short topic phrase outright (or the "
            "collection's acronym for it), papers that do not name it leave the evidence (unless "
            "the two exceptions below hold)."
        ),
    )
    topic_dense_exception: float = Field(
        0.85,
        ge=0,
        le=1,
        description="A paper not naming the topic stays if its vector's cosine is at least this share of the best paper's ...",
    )
    topic_core_exception: float = Field(
        0.75,
        ge=0,
        le=1,
        description="... and the sentences saying what it does hold at least this share (idf) of the topic's words.",
    )
    topic_unnamed_threshold: float = Field(
        0.9,
        gt=0,
        le=1,
        description=(
            "... or the topic model gives it at least this probability (tuning questions: 0.9 "
            "keeps the distillation paper that says 'unlike a mixture of experts' (0.84) out of "
            "'mixture of experts' and lets pre-trained forecasters in under 'time series "
            "foundation models'; 1 switches this way in off)."
        ),
    )
    topic_relevance_threshold: float = Field(
        0.55,
        gt=0,
        lt=1,
        description=(
            "The relevance bar for the topic model (topic questions, related work). Tuning "
            "questions, evals/ topic P/R: 0.45 0.81/0.76, 0.50 0.83/0.81, 0.55 0.87/0.78; "
            "overall precision 0.91 -> 0.92 from 0.50 to 0.55."
        ),
    )
    relevance_threshold: float = Field(
        0.45,
        gt=0,
        lt=1,
        description=(
            "A retrieved paper enters the evidence when the relevance model gives it at least this "
            "probability of being about the question (the best paper always does). Held out on "
            "blind-tune (weights fitted on evals/ alone): topic P/R 0.40 0.98/0.80, 0.45 0.98/0.80, 0.50 1.00/0.71; related work 0.92/0.57 at all three."
        ),
    )
    relative_cutoff: float = Field(
        0.45,
        gt=0,
        le=1,
        description=(
            "With one retriever only (--mode bm25 or dense), where the relevance model lacks half "
            "its features: cite a paper only if its relevance is at least this share of the top "
            "paper's (evals/: 0.5 gives P 0.97/R 0.87, 0.45 P 0.97/R 0.90, 0.4 P 0.96/R 0.92)."
        ),
    )
    abstain_threshold: float = Field(
        0.47,
        ge=0,
        le=1,
        description=(
            "Dense support (mean cosine of the closest paper and sentence) below which the "
            "assistant abstains. Calibrated on evals/: answerable questions score >= 0.50, the "
            "highest unanswerable one not caught by its absent terms 0.44."
        ),
    )
    abstain_threshold_lexical: float = Field(
        0.29,
        ge=0,
        le=1,
        description="The same for --mode bm25 (idf share of the question found in the best paper; calibrated on evals/).",
    )

    # --- LLM endpoint (any OpenAI-compatible server)
    llm_base_url: str | None = Field(
        None,
        description="Base URL of an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1.",
    )
    llm_model: str | None = Field(None, description="Model name at that endpoint.")
    api_key: SecretStr | None = Field(
        None,
        description="API key for the LLM/embeddings endpoint (prefer ASSISTANT_API_KEY or OPENAI_API_KEY).",
    )
    llm_timeout: float = Field(
        60.0,
        gt=0,
        description="Seconds an LLM request may take in all, from sending it to the last byte of the answer.",
    )
    llm_max_retries: int = Field(2, ge=0, le=10, description="Retries after a failed LLM request.")
    llm_temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature.")
    llm_max_reply_chars: int = Field(
        100_000,
        ge=1_000,
        description="Longest LLM reply accepted (characters); a longer one is cut off and the extractive answer used. Answers are a few thousand characters.",
    )
    evidence_token_budget: int = Field(
        3000,
        ge=200,
        description="Tokens of evidence packed into an LLM prompt (counted with tiktoken).",
    )

    # --- evaluation
    eval_tolerance: float = Field(
        0.02, ge=0, description="Largest metric drop allowed by eval --fail-on-regression."
    )

    # --- performance: embedding speed, the vector snapshot, Chroma's HNSW graph
    embedding_precision: Literal["float32", "int8"] = Field(
        "float32",
        description="Local model weights: float32 = our ONNX export as is; int8 = its dynamic int8 quantisation (the model runs 1.6-2x faster, a cold index ~0.8x the time, but recall@10 fell 0.004 on evals/questions and 0.007 on blind-tune). Part of the index identity: changing it re-embeds the collection.",
    )
    embedding_threads: int = Field(
        0,
        ge=0,
        le=64,
        description="onnxruntime threads for the local model; 0 = auto: one when the machine is already busy (load average at or above the core count; measured 1.5x faster than two then), else every core up to 4.",
    )
    embedding_batch_size: int = Field(
        32,
        ge=1,
        le=1024,
        description="Texts per onnxruntime call; texts are sorted by length first, so each batch is padded only to its own longest text.",
    )
    snapshot_precision: Literal["float32", "float16"] = Field(
        "float32",
        description="How the exact-search vector snapshot is stored: float16 halves the file (recall unchanged on evals/ and the synthetic sets) but its search is ~3x slower, converting each block to float32.",
    )
    hnsw_search_ef: int | None = Field(
        None,
        ge=1,
        description="Chroma HNSW ef_search (candidates per query) for collections above dense_snapshot_max_chunks; unset = Chroma's default (100). Applied at the next 'assistant index'.",
    )
    hnsw_construction_ef: int | None = Field(
        None,
        ge=1,
        description="Chroma HNSW ef_construction for a new collection; unset = Chroma's default (100). Takes effect at 'assistant index --rebuild'.",
    )
    hnsw_max_neighbors: int | None = Field(
        None,
        ge=2,
        description="Chroma HNSW M (links per vector) for a new collection; unset = Chroma's default (16). Takes effect at 'assistant index --rebuild'.",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=config_path()),
        )

    def resolved_api_key(self) -> str | None:
        if self.api_key is not None:
            return self.api_key.get_secret_value()
        return os.environ.get("OPENAI_API_KEY")

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def model_cache_dir(self) -> Path:
        return self.model_dir or self.home / "models"

    @property
    def added_papers_path(self) -> Path:
        return self.home / "added_papers.jsonl"


def load_settings(**overrides: Any) -> Settings:
    """Settings from all sources; flags are passed as ``overrides`` (``None`` means not given)."""
    _check_environment()
    given = {name: value for name, value in overrides.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as error:
        raise ConfigError(_describe(error)) from None
    except (OSError, ValueError) as error:  # an unreadable or malformed config.toml
        raise ConfigError(
            f"cannot read config file {config_path()}: {error}; fix or remove it."
        ) from None


_NOT_FIELDS = {"ASSISTANT_CONFIG"}  # read by config_path(), not a field


def _check_environment() -> None:
    """The two environment mistakes that would otherwise pass silently and write in odd places."""
    explicit = os.environ.get("ASSISTANT_CONFIG")
    if explicit is not None and not Path(explicit).expanduser().is_file():
        raise ConfigError(
            f"ASSISTANT_CONFIG names {explicit!r}, which is not a file; create it or unset "
            "ASSISTANT_CONFIG."
        )
    home = os.environ.get("ASSISTANT_HOME")
    if home is not None and not home.strip():
        raise ConfigError(
            "ASSISTANT_HOME is set but empty (that would be the current directory); set it to a "
            "data directory or unset it."
        )


def unknown_environment() -> list[str]:
    """``ASSISTANT_*`` variables that name no setting: usually a typo the user should hear about."""
    fields = {f"ASSISTANT_{name.upper()}" for name in Settings.model_fields} | _NOT_FIELDS
    return sorted(
        name
        for name in os.environ
        if name.upper().startswith("ASSISTANT_") and name.upper() not in fields
    )


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "settings"
    if first["type"] == "extra_forbidden":
        return (
            f"unknown setting '{field}' (in {config_path()} or the environment); "
            "see 'assistant config' for the valid names."
        )
    return f"setting '{field}': {first['msg']} (got {first.get('input')!r}); fix it in {config_path()} or ASSISTANT_{field.upper()}."
