"""The ``forethought`` command (``python -m forethought`` too).

A hook call goes to the warm review server (started on demand, see
``forethought.integrations.warm``): that path imports only what a bare Python has loaded, plus
the C socket module. Everything else, and a hook call the server does not take, runs the click
CLI in this process.
"""

from __future__ import annotations

import sys


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["hook"]:
        from forethought.integrations.warm import through_server

        code, argv = through_server(argv)
        if code is not None:
            sys.exit(code)
    from forethought.cli import main as cli

    cli(args=argv)


if __name__ == "__main__":
    main()
