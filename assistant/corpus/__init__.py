"""Parse listing pages and JSONL into papers, merge duplicates, and give each paper a stable id.

The package: ``identity`` (ids, citation keys, input limits), ``listing`` (listing pages),
``records`` (JSONL, paper files, merging).
"""

from __future__ import annotations

from assistant.corpus.identity import (
    MAX_ABSTRACT_CHARS,
    MAX_INPUT_BYTES,
    MAX_TITLE_CHARS,
    MIN_ABSTRACT_AFTER_HEADER,
    MIN_LISTING_ABSTRACT_CHARS,
    SHORT_ID_DIGITS,
    assign_unique_ids,
    citation_key,
    is_derived_id,
    paper_id,
    unique_paper_id,
)
from assistant.corpus.listing import (
    ListingEntry,
    listing_files,
    load_listing_directory,
    papers_from_entries,
    parse_listing,
    read_text_file,
)
from assistant.corpus.records import (
    jsonl_records,
    merge_collections,
    paper_from_record,
    paper_from_stored_record,
    paper_to_record,
    parse_jsonl,
    parse_paper_file,
)
from assistant.text.identity import normalise_title

__all__ = [
    "MAX_ABSTRACT_CHARS",
    "MAX_INPUT_BYTES",
    "MAX_TITLE_CHARS",
    "MIN_ABSTRACT_AFTER_HEADER",
    "MIN_LISTING_ABSTRACT_CHARS",
    "SHORT_ID_DIGITS",
    "ListingEntry",
    "assign_unique_ids",
    "citation_key",
    "is_derived_id",
    "jsonl_records",
    "listing_files",
    "load_listing_directory",
    "merge_collections",
    "normalise_title",
    "paper_from_record",
    "paper_from_stored_record",
    "paper_id",
    "paper_to_record",
    "papers_from_entries",
    "parse_jsonl",
    "parse_listing",
    "parse_paper_file",
    "read_text_file",
    "unique_paper_id",
]
