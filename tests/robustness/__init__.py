"""Robustness: crash safety under SIGKILL, faults while writing, bad input, no network."""
