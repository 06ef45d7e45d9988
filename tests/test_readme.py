"""The README keeps up with the code: every command the CLI has is documented there."""

from __future__ import annotations

import argparse
from pathlib import Path

from reformkit.cli.main import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: str = "reformkit") -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append(f"{prefix} {name}")
                found.extend(_commands(sub, f"{prefix} {name}"))
    return found


def test_every_command_is_in_the_readme() -> None:
    commands = _commands(build_parser())
    assert "reformkit catalogue search" in commands
    missing = [command for command in commands if f"`{command}" not in README]
    assert not missing, f"document these in README.md: {missing}"


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block
