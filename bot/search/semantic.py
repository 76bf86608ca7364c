"""An optional semantic signal for !ask: WordLlama static embeddings (settings `search.semantic: wordllama`).

Every sentence is embedded once per load (about 40k sentences a second); a question is compared with the
sentences of the re-ranking pool only. The weights and tokenizer ship inside the `wordllama` wheel and are
loaded from its own folder with downloads disabled, so nothing reaches the network. Off by default: on the
benchmarks it did not beat BM25 with context (bench/README.md, "semantic signal").
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np


class Semantic:
    def __init__(self, texts: Sequence[str]) -> None:
        import wordllama  # optional dependency: pip install -e '.[semantic]'
        from wordllama import WordLlama

        self.model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
        self.vectors = self.embed(texts).astype(np.float16) if len(texts) else np.zeros((0, 1), np.float16)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.model.embed(list(texts), norm=True), dtype=np.float32)

    def similarity(self, question: str, pool: np.ndarray) -> np.ndarray:
        """Cosine of the question with each pooled sentence."""
        return self.vectors[pool].astype(np.float32) @ self.embed([question])[0]
