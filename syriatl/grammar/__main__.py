"""``python -m syriatl.grammar``: write the generated trigger index again."""

from syriatl.grammar.triggers import main

main()
