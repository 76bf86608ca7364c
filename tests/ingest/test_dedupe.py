"""Canonical URLs and content hashes."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.ingest.dedupe import canonical_url, content_hash, normalise_text


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTP://Example.COM:80/a/b?utm_source=x&b=2&a=1#frag", "http://example.com/a/b?a=1&b=2"),
        ("https://ex.test:443?fbclid=abc&gclid=1", "https://ex.test/"),
        ("https://ex.test:8443/p?UTM_Medium=feed&id=7", "https://ex.test:8443/p?id=7"),
        ("https://ex.test/p?mc_cid=1&mc_eid=2&_hsenc=3&pk_campaign=x&q=", "https://ex.test/p?q="),
        ("https://ex.test/Path/Keeps/Case/", "https://ex.test/Path/Keeps/Case/"),
        ("", ""),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


_param = st.text(alphabet="abcdefgh", min_size=1, max_size=5)


_tracker = st.sampled_from(["utm_source", "utm_campaign", "fbclid"])


@given(st.lists(st.tuples(_param, _param), max_size=5), _tracker)
def test_tracking_params_and_order_never_matter(pairs: list[tuple[str, str]], tracker: str) -> None:
    query = "&".join(f"{k}={v}" for k, v in pairs)
    plain = canonical_url(f"https://ex.test/a?{query}")
    shuffled = "&".join(f"{k}={v}" for k, v in reversed(pairs))
    assert canonical_url(f"https://EX.test/a?{tracker}=zz&{shuffled}#top") == plain
    assert canonical_url(plain) == plain


def test_content_hash_ignores_whitespace_and_case() -> None:
    assert content_hash("Hello   World\n\nSecond") == content_hash(" hello world second ")
    assert content_hash("ﬁne") == content_hash("fine")  # NFKC folds the ligature
    assert content_hash("a") != content_hash("b")
    assert content_hash("A  b") == hashlib.sha256(normalise_text("A  b").encode()).hexdigest()
    assert normalise_text("A \n B") == "a b"
