"""The name a paper gives its method, and the label prose and citations use for a paper."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Protocol

from assistant.text.roles import _OUR_NAMED, _SELF_REFERENCE, STRONG_CONTRIBUTION
from assistant.text.sentences import abstract_sentences


def _words(text: str) -> list[str]:
    return text.split()


# --- labels --------------------------------------------------------------------------------

_NAMED = re.compile(r"^(?=.*[A-Z].*[A-Z0-9+]|.*\d)[A-Za-zσ0-9][\w+.\-σ]*[\w+]$")
_COMMON_ACRONYMS = frozenset(
    _words(
        "AI ML NLP LLM LLMs TTA CLIP GPU GPUs CPU CNN CNNs RNN RNNs SSM SSMs VLM VLMs ViT ViTs "
        "BERT GPT MLP MLPs RL DNN DNNs GNN GNNs API APIs SOTA KV PDE PDEs ODE ODEs ASR TTS NMT QA "
        "IID OOD LM LMs MoE SGD CV MSE KL GAN GANs VAE VAEs AUC ROC SQL IoT HPC CoT RLHF PEFT "
        "LoRA NeRF MIMIC IV EHR ICU US UK EU II III"
    )
)
_NAME_AFTER_VERB = re.compile(
    r"\b(?:called|dubbed|named|termed|coined|propose|proposes|introduce|introduces|present|"
    r"presents|"
    r"develop|develops|establish|establishes)\s+(?:a |an |the )?(?:[\w-]+ ){0,6}?"
    r"\(?([A-Za-zσ][\w+.\-σ]*[\w+])\)?"
)
_DEFINED_ACRONYM = re.compile(r"\(([A-Za-z][\w+\-]*[A-Z0-9][\w+\-]*)\)")


def _is_name(token: str) -> bool:
    return bool(_NAMED.match(token)) and token not in _COMMON_ACRONYMS and len(token) <= 24


@lru_cache(maxsize=4096)
def method_name(title: str, abstract: str) -> str | None:
    """The name the paper gives its method: a title prefix ("Quamba2: ...") or one its abstract
    defines where it speaks for itself ("we introduce ... Destroy Your Object (DeYO)")."""
    if ":" in title:
        prefix = title.split(":", 1)[0].strip()
        if 0 < len(prefix) <= 28 and len(prefix.split()) <= 3:
            return prefix
    for sentence in abstract_sentences(abstract):
        if not _SELF_REFERENCE.search(sentence):
            continue
        if not (STRONG_CONTRIBUTION.search(sentence) or _OUR_NAMED.search(sentence)):
            continue
        for match in _DEFINED_ACRONYM.finditer(sentence):
            if _is_name(match.group(1)):
                return match.group(1)
        for pattern in (_NAME_AFTER_VERB, _OUR_NAMED):
            for match in pattern.finditer(sentence):
                if _is_name(match.group(1)):
                    return match.group(1)
    defined = Counter(
        match.group(1) for match in _DEFINED_ACRONYM.finditer(abstract) if _is_name(match.group(1))
    )
    frequent = [acronym for acronym in defined if abstract.count(acronym) >= 3]
    if len(frequent) == 1:
        return frequent[0]
    title_acronym = _DEFINED_ACRONYM.search(title)
    if title_acronym and _is_name(title_acronym.group(1)):
        return title_acronym.group(1)
    return None


class Titled(Protocol):
    """Anything with a title and an abstract (a Paper)."""

    @property
    def title(self) -> str: ...

    @property
    def abstract(self) -> str: ...


def short_label(paper: Titled) -> str:
    """The paper's name in prose and citations: the method's name, else its title before any
    colon, whole (a cut title reads as a typo and says less than the full one)."""
    name = method_name(paper.title, paper.abstract)
    if name:
        return name
    return re.split(r"[:?]", paper.title)[0].strip() or paper.title
