"""Near-duplicate fingerprints: MinHash over word shingles, banded for an index.

The same wire story reaches several outlets with a different dateline, a
different footer or a corrected word, so an exact content hash misses it.
A MinHash signature estimates the Jaccard similarity of two texts' 5-word
shingles; splitting it into bands (LSH) turns "find similar documents" into
equality look-ups on an indexed column, so the cost of linking one new
document does not grow with the store. Candidates found through a band are
confirmed on the whole signature before they are linked.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

SHINGLE_WORDS = 5
# Only the opening of a text is fingerprinted: wire copies agree most at the
# top, and outlets append their own boilerplate at the bottom.
MAX_WORDS = 400
# Below this, texts are too short for shingles to say anything (a headline, a
# one-line notice); those rely on the exact content hash alone.
MIN_WORDS = 40
BANDS = 8
ROWS = 4
HASHES = BANDS * ROWS
THRESHOLD = 0.6

_PRIME = np.uint64((1 << 31) - 1)
_rng = np.random.default_rng(20261123)  # fixed: signatures are stored, so they must not change between runs
_A = _rng.integers(1, (1 << 31) - 1, size=HASHES, dtype=np.uint64)
_B = _rng.integers(0, (1 << 31) - 1, size=HASHES, dtype=np.uint64)
_BASE = np.uint64(1_000_003)
_BAND_MOD = np.uint64((1 << 47) - 115)  # a prime below 2**47: band keys fit SQLite's signed 64-bit integers
_WORD = re.compile(r"[^\W_]+")


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:
        if len(_WORD_HASHES) > 500_000:  # bounded: a vocabulary, not a corpus
            _WORD_HASHES.clear()
        value = _WORD_HASHES[word] = zlib.crc32(word.encode("utf-8"))
    return value


_WORD_HASHES: dict[str, int] = {}


def signature(text: str | None) -> np.ndarray | None:
    """The MinHash signature of `text` (HASHES unsigned ints), or None when it is too short to compare."""
    if not text:
        return None
    # Words average well under 15 characters: the opening slice holds MAX_WORDS.
    words = _WORD.findall(text[: MAX_WORDS * 15].lower())[:MAX_WORDS]
    if len(words) < MIN_WORDS:
        return None
    # Each word hashed once (and cached: vocabularies repeat); a shingle's hash
    # is a polynomial over its five word hashes, computed for all shingles at
    # once, which costs far less than joining and hashing every shingle string.
    word_hashes = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    count = len(words) - SHINGLE_WORDS + 1
    shingles = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE_WORDS):
        shingles = (shingles * _BASE + word_hashes[offset : offset + count]) % _PRIME
    shingles = np.unique(shingles)
    # (a*h + b) mod p stays below 2**63 because a, h < 2**31 and b < 2**31.
    return ((_A[:, None] * shingles[None, :] + _B[:, None]) % _PRIME).min(axis=1).astype(np.uint32)


def bands(sig: np.ndarray) -> list[int]:
    """One integer index key per band: two documents sharing any key are candidates.

    The band number sits in the top bits so equal rows in different bands
    never collide.
    """
    rows = sig.astype(np.uint64).reshape(BANDS, ROWS)
    combined = np.zeros(BANDS, dtype=np.uint64)
    for column in range(ROWS):
        combined = (combined * _BASE + rows[:, column]) % _BAND_MOD
    return [(band << 48) | int(value) for band, value in enumerate(combined.tolist())]


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    if len(first) != len(second) or not len(first):
        return 0.0
    return float(np.count_nonzero(first == second)) / len(first)


def encode(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def decode(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)
