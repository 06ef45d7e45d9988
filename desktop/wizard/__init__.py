"""The guided charter builder: seven steps from purpose and scope to sign-off."""

from desktop.wizard.wizard import CharterWizard

__all__ = ["CharterWizard"]
