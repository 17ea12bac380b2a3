"""nq94: are the 2024 targets of Resolution 94/NQ-HĐND (Thái Nguyên) met, missed or at risk?"""

__version__ = "0.1.0"


def main() -> None:
    """The `nq94` command: the command line, imported with the cyclic garbage collector paused.

    Importing typer, PyYAML and nq94 creates hundreds of thousands of objects, and the collector
    would scan them again and again while they are made, though none is garbage (about 35 ms
    of each run). They are made with it paused, then frozen (gc.freeze) so that later
    collections, and worker processes forked from this one, leave them alone.
    """
    import gc

    gc.disable()
    try:
        from nq94.cli import main as run
    finally:
        gc.freeze()
        gc.enable()
    run()
