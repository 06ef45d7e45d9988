"""The Respect Charter: its parts, guided steps and checks. Built on the reformkit kernel."""
