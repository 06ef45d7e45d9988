"""The Local Reform Plan: Board, missions, standards, budget, engagement, requests, zone."""
