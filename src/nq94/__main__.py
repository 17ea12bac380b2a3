"""`python -m nq94`."""

from nq94 import main

main()
