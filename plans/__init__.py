"""The Local Reform Plan: Board, missions, standards, budget, engagement, requests, zone."""

from plans.kind import PLAN

__all__ = ["PLAN"]
