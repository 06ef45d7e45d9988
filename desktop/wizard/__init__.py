"""The guided charter builder: seven steps from purpose and scope to sign-off."""

from desktop.wizard.charter_wizard import CharterWizard

__all__ = ["CharterWizard"]
