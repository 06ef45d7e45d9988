"""The guided builders: seven steps for a Respect Charter, fifteen for a Local Reform Plan."""

from desktop.wizard.charter_wizard import CharterWizard
from desktop.wizard.plan_wizard import PlanWizard

__all__ = ["CharterWizard", "PlanWizard"]
