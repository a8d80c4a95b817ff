"""``python -m cascade``: the same as the ``cascade`` console script."""

from cascade.cli import main

main()
