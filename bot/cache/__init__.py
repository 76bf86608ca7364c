"""Load-time caches in the data folder: parsed files, their index terms, and the finished index.

Every entry is keyed by a hash of everything it was made from (file bytes, config, code), so a cache
can be missing, old or corrupt and the answer is still the same as a fresh build, only slower.
"""
