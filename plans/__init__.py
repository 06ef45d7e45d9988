"""The Local Reform Plan: Board, missions, standards, budget, engagement, requests, zone."""

from plans.parts import PLAN

__all__ = ["PLAN"]
