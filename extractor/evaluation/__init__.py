"""Scoring predictions against gold (SPEC §6): matching, scores, and their report."""
