"""Pure text analysis, the bottom of the pipeline: tokens, sentences, sentence roles, names,
question analysis, claims, acronyms, stated facts; word lists as data in ``lexicon/``. Nothing here
knows about the index, retrieval or writing."""
