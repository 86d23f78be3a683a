"""Interface text and words: one table per language, and comparing words.

`labels.py` reads `text.es.yml` and `text.en.yml` (the same keys in both; tests check);
`text.py` folds and compares words the way readers type them.
"""
