"""What makes a summary sentence worth more, or less, than its centrality says.

- **Transcripts:** in a transcript or remarks, what is announced or decided (announce, agree, launch …)
  gains, and anything said after the first question from the floor counts for less.
- **Redundancy:** a sentence that repeats the words of one already picked loses (MMR).
- **Focus:** in a summary of the knowledge base, a topic or actor the team tracks (config/topics.yaml,
  config/actors.yaml) that no picked sentence covers yet is worth a gain to the sentence that covers it.
Variants measured on the BBC dev sample are in bench/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

DECISION = 0.3  # gain of a sentence in a transcript that announces or decides something
AFTER_QUESTIONS = 0.5  # factor for a transcript sentence said after the first question
REDUNDANCY = 0.3  # MMR: penalty per unit of word overlap (Jaccard) with a sentence already picked
FOCUS = 0.8  # gain for covering tracked topic points not yet covered …
FOCUS_CAP = 4  # … counted up to this many per sentence
ACTOR = 0.35  # gain for being a tracked actor's best threat excerpt, per actor not yet covered

_DECISION = re.compile(
    r"\b(announc\w*|agreed?|decided?|decision|launch\w*|commit\w*|approv\w*|sign\w*|establish\w*|"
    r"impos\w*|designat\w*|pledg\w*|will provide|are providing|today,? (we|the united states))\b",
    re.IGNORECASE,
)
TRANSCRIPT_TYPES = frozenset({"transcript", "meeting_remarks", "speech"})


def transcript_weights(texts: Sequence[str], after_question: Sequence[bool]) -> np.ndarray:
    decided = np.array([1.0 + DECISION * bool(_DECISION.search(t)) for t in texts])
    later = np.array([AFTER_QUESTIONS if q else 1.0 for q in after_question])
    return decided * later
