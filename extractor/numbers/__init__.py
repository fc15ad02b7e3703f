"""Interpreters: pure functions from the characters of one expression to typed values.

No spaCy and no offsets here: ``numerals`` reads numbers, ``quantities`` and ``dates`` find
and read money, counts, percents, durations, ages and dates in a string, ``resolve`` fills
in years. Everything is tested by tables alone.
"""
