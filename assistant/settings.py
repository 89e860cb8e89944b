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
from assistant.models import EngineName, SearchMode
from assistant.tuning import (
    GROUPS,
    EvidenceSettings,
    LintSettings,
    RetrievalSettings,
    VerifySettings,
    WriterSettings,
    flatten,
)

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
    """Every knob of the assistant. Each field can be set in config.toml or as ASSISTANT_<FIELD>;
    a stage's tuning numbers sit in its group: ``[evidence]`` in config.toml,
    ASSISTANT_EVIDENCE__<FIELD> in the environment."""

    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_",
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
        validate_default=True,
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
    search_mode: SearchMode = Field("hybrid", description="Default retriever.")
    top_k: int = Field(10, ge=1, le=200, description="Papers returned by search.")
    dense_snapshot_max_chunks: int = Field(
        1_000_000,
        ge=0,
        description="Up to this many vectors (about 100k papers), an embedded store is searched from a memory-mapped numpy copy (no chromadb import per question): exactly up to retrieval.dense_exact_max_chunks, above it by the copy's sign codes and an exact re-score (at 100k papers ~0.4 GB resident and ~20 ms a search on 2 busy cores, against 0.3-0.4 s for exact search and Chroma's 2.1 GB and 3.6 s to open); 0 = always query Chroma.",
    )

    # --- writing and verification
    engine: EngineName = Field(
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
        "int8",
        description="Local model: int8 = products in int8 with activations quantised per token (the model runs ~2x faster than float32; recall@10 -0.004 on evals/questions and 0 on blind-tune, citation precision and recall within 0.002, blind-tune citation recall +0.014); float32 = the model's own arithmetic. Part of the index identity: changing it re-embeds the collection.",
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
        description="Texts per onnxruntime call for the float32 model; texts are sorted by length first, so each batch is padded only to its own longest text. The int8 model (the default) embeds one text a call: its attention quantises a batch with one scale, so a text's vector would depend on its batch.",
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

    # --- tuning numbers, one group per stage (config.toml [retrieval] ..., ASSISTANT_RETRIEVAL__RRF_K)
    retrieval: RetrievalSettings = Field(RetrievalSettings(), description=RetrievalSettings.__doc__)
    evidence: EvidenceSettings = Field(EvidenceSettings(), description=EvidenceSettings.__doc__)
    writer: WriterSettings = Field(WriterSettings(), description=WriterSettings.__doc__)
    verify: VerifySettings = Field(VerifySettings(), description=VerifySettings.__doc__)
    lint: LintSettings = Field(LintSettings(), description=LintSettings.__doc__)

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

    def tuning(self) -> dict[str, Any]:
        """Every tuning number under its dotted name ("evidence.relevance_threshold"), for the eval."""
        return flatten({group: getattr(self, group) for group in GROUPS})

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

# Tuning numbers that were top-level settings before they were grouped by stage: an old name in
# config.toml or the environment is an error that gives the new one (silently ignoring it would
# change answers without a word).
MOVED: dict[str, str] = {
    name: f"{group}.{name}"
    for group, names in {
        "retrieval": ("rrf_k", "bm25_weight", "dense_weight", "fusion_depth"),
        "evidence": (
            "relevance_weights",
            "relevance_threshold",
            "single_paper_below",
            "relevance_gap",
            "topic_naming_papers",
            "topic_dense_exception",
            "topic_core_exception",
            "topic_unnamed_threshold",
            "topic_relevance_weights",
            "topic_relevance_threshold",
            "relative_cutoff",
            "abstain_threshold",
            "abstain_threshold_lexical",
        ),
    }.items()
    for name in names
}


def _moved_message(name: str) -> str:
    group, field = MOVED[name].split(".")
    return (
        f"setting '{name}' is now '{MOVED[name]}': in {config_path().name} put "
        f"'{field} = ...' under [{group}]; in the environment use "
        f"ASSISTANT_{group.upper()}__{field.upper()}."
    )


def _check_environment() -> None:
    """The two environment mistakes that would otherwise pass silently and write in odd places."""
    for name in os.environ:
        old = name.upper().removeprefix("ASSISTANT_").lower()
        if name.upper().startswith("ASSISTANT_") and old in MOVED:
            raise ConfigError(_moved_message(old))
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
    fields |= {
        f"ASSISTANT_{group.upper()}__{name.upper()}"
        for group, model in GROUPS.items()
        for name in model.model_fields
    }
    return sorted(
        name
        for name in os.environ
        if name.upper().startswith("ASSISTANT_") and name.upper() not in fields
    )


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "settings"
    if first["type"] == "extra_forbidden" and field in MOVED:
        return _moved_message(field)
    if first["type"] == "extra_forbidden":
        return (
            f"unknown setting '{field}' (in {config_path()} or the environment); "
            "see 'assistant config' for the valid names."
        )
    return f"setting '{field}': {first['msg']} (got {first.get('input')!r}); fix it in {config_path()} or ASSISTANT_{field.upper().replace('.', '__')}."
