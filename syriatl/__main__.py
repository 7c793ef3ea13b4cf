"""Run the command-line interface: ``python -m syriatl``."""

from syriatl.cli import main

main()
