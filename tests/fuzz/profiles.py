"""Hypothesis settings for the fuzz tests: 2,000 examples in CI, many more with `pytest --fuzz`.

Speed is bounded by work counts in the properties (see test_dispatcher_fuzz.py), not by the clock. The
deadline here is only a tripwire for a pathological input (the 500×U+FDFA question took 2 s): it is ten
times the 100 ms target and a thousand times a typical answer on the seed article, so a loaded machine
cannot trip it, while a quadratic blow-up still does. The 100 ms figure itself is measured by
`python bench/bench_worst_input.py` on the White House set.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

DEEP = os.environ.get("POLICYBOT_FUZZ") == "1"  # set by `pytest --fuzz` (tests/conftest.py)
EXAMPLES = 50_000 if DEEP else 2_000
TRIPWIRE = timedelta(seconds=1)

SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]


def fuzz_settings(examples: int = EXAMPLES, deadline: timedelta | None = TRIPWIRE) -> settings:
    return settings(max_examples=examples, deadline=deadline, suppress_health_check=SLOW_OK, print_blob=True)
