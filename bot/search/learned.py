"""A learned re-ranker for !ask: LightGBM LambdaMART over `bot.search.rank_features` (settings
`ranking.model`). The model file is trained by `python -m bench.train_ranker` on the tuning half of ReQA
only, and read here once per load; scoring 600 sentences takes well under a millisecond.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bot.search.rank_features import COLUMNS


class LearnedRanker:
    def __init__(self, path: Path) -> None:
        import lightgbm

        self.booster = lightgbm.Booster(model_file=str(path))
        if self.booster.num_feature() != len(COLUMNS):
            raise ValueError(f"{path}: the model reads {self.booster.num_feature()} features, not {len(COLUMNS)}")

    def score(self, rows: np.ndarray) -> np.ndarray:
        return np.asarray(self.booster.predict(rows, num_threads=1), dtype=np.float64)
