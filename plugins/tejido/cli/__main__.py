"""`python -m tejido.cli`: the same as the `tejido` command."""

import sys

from tejido.cli.commands import main

sys.exit(main())
