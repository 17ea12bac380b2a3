"""`python -m nq94`."""

from nq94.cli import main

main()
