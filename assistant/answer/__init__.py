"""The answer stage between retrieval and writing: which papers a question is about
(``relevance``, ``evidence``), whether the collection answers it (``answerability``), the comparison
table (``table``), and the verifier that checks every drafted sentence (``verify``)."""
