"""Suggesting recommendation tags for free text, by ranking it against the catalogue."""

from __future__ import annotations

from reformkit.catalogue.store import Catalogue

_SEED_KINDS = ("recommendation", "duty", "right", "principle", "idea", "rule", "body", "role")


def suggest_tags(text: str, catalogue: Catalogue, limit: int = 3) -> list[str]:
    """The recommendations ``text`` most likely answers, best first.

    A matching recommendation counts in full; a matching duty, principle or body counts
    towards the recommendations it relates to. Earlier hits weigh more.
    """
    scores: dict[str, float] = {}
    hits = catalogue.search(text, limit=12, kinds=_SEED_KINDS, match_any=True)
    for rank, hit in enumerate(hits, 1):
        weight = 1.0 / rank
        if hit.entry.kind == "recommendation":
            scores[hit.entry.id] = scores.get(hit.entry.id, 0.0) + weight
        for related in hit.entry.related:
            if related.startswith("R"):
                scores[related] = scores.get(related, 0.0) + weight / 2
    ranked = sorted(scores, key=lambda rid: (-scores[rid], int(rid[1:])))
    return ranked[:limit]
