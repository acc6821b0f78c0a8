"""`make bench`: platygen's speed and memory on the corpus and on synthetic corpora made from it."""
