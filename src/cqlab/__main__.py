"""``python -m cqlab COMMAND``: the course's commands for students without ``make`` (Windows, conda, a hub).

Each command lives in the module that owns it; this file only dispatches, so ``python -m cqlab`` stays fast.
"""

from __future__ import annotations

import importlib
import sys

# command -> (module, one-line help). Each module has ``main(argv: list[str]) -> int``.
COMMANDS = {
    "lab": ("cqlab.launch", "open the course in JupyterLab on lesson 00 (what `make lab` does)"),
    "update": ("cqlab.update", "get the course's updates without losing your work"),
    "language": ("cqlab.settings", "show or set the course language (en or zh) for every lesson"),
    "present": ("cqlab.present", "show a lesson as an app for a projector: python -m cqlab present 01"),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print("usage: python -m cqlab COMMAND [options]\n\ncommands:")
        for name, (_, text) in COMMANDS.items():
            print(f"  {name:<10} {text}")
        return 0
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"python -m cqlab: unknown command {name!r}; the commands are: {', '.join(COMMANDS)}",
              file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    return int(module.main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
