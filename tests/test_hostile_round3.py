"""Hostile site folders: one nq94 cannot read or may not empty, a marker that is a FIFO, the
current folder as the output, SIGHUP while a site is written, a folder whose mode and group
matter. Each is refused with one line and exit 2 (nothing moved, nothing left beside), or
built keeping what the folder was.

Permission cases need an ordinary user: they run as this user when it is one, and, when the
tests run as root (who reads and deletes whatever the modes say), as 'nobody' through setpriv.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from nq94.site import publish

from .conftest import CLI_TYPE as CLI
from .conftest import ROOT, Script

SAMPLES = [ROOT / "samples" / f"{name}.yaml" for name in ("2024-h1", "2024-9m")]
NOBODY = 65534
SETPRIV = shutil.which("setpriv")


@pytest.fixture(params=["this user", "nobody"])
def ordinary(request: pytest.FixtureRequest) -> list[str]:
    """How to run a command as an ordinary user: as this one, or as 'nobody' from root."""
    root = os.geteuid() == 0
    if request.param == "this user" and root:
        pytest.skip("running as root, who reads and deletes whatever the modes say")
    if request.param == "nobody":
        if not root:
            pytest.skip("switching to 'nobody' needs root; this user is an ordinary one already")
        if SETPRIV is None:
            pytest.skip("setpriv is not installed")
        return [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]
    return []


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder any user may work in (pytest's own are root's alone when run as root), with the
    reports copied into it."""
    folder = Path(tempfile.mkdtemp(prefix="nq94-hostile-"))
    os.chmod(folder, 0o777)
    for sample in SAMPLES:
        shutil.copy(sample, folder / sample.name)
        os.chmod(folder / sample.name, 0o644)
    yield folder
    for path, folders, _ in os.walk(folder):
        for name in folders:
            os.chmod(os.path.join(path, name), 0o700)
    shutil.rmtree(folder)


def home(folder: Path) -> dict[str, str | None]:
    """HOME and matplotlib's settings in ``folder``, where the user a run is made as may write."""
    return {"HOME": str(folder), "MPLCONFIGDIR": str(folder / ".mpl")}


def built(script: Script, folder: Path, prefix: list[str]) -> Path:
    """A site nq94 built in ``folder``/site, as the user ``prefix`` runs as."""
    done = script(
        "site", *(sample.name for sample in SAMPLES), "-o", "site",
        cwd=folder, env=home(folder), prefix=prefix,
    )  # fmt: skip
    assert done.exit_code == 0, done
    return folder / "site"


def listing(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if not name.startswith(".mpl"))


# --- the site folder ----------------------------------------------------------------------------


def test_a_folder_in_the_site_that_cannot_be_read_is_refused(
    script: Script, shared: Path, ordinary: list[str]
) -> None:
    """mkdir site/private; chmod 000: refused, naming it; nothing moved (it was moved into a
    hidden folder beside the site, and 'wrote site' said)."""
    site = built(script, shared, ordinary)
    private = site / "private"
    private.mkdir()
    (private / "minutes.txt").write_text("mine", encoding="utf-8")
    if not ordinary:
        os.chown(private, NOBODY, NOBODY)
    os.chmod(private, 0o000)
    before = listing(shared)
    done = script(
        "site", *(s.name for s in SAMPLES), "-o", "site",
        cwd=shared, env=home(shared), prefix=ordinary,
    )  # fmt: skip
    assert done.exit_code == 2, done
    assert done.stderr == (
        "nq94: cannot write site: cannot read site/private: Permission denied; nq94 replaces a "
        "site only when it can see every file in it\n"
    ), done
    assert listing(shared) == before
    os.chmod(private, 0o700)
    assert (private / "minutes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("protected", ["site", "site/targets"])
def test_a_write_protected_site_is_left_as_it_is(
    script: Script, shared: Path, ordinary: list[str], protected: str
) -> None:
    """chmod 555 on the site or a folder in it: refused before anything is moved (the rebuild
    exited 0, left the old site in a hidden folder and went round the protection)."""
    site = built(script, shared, ordinary)
    os.chmod(shared / protected, 0o555)
    pages = sorted(path.name for path in (site / "targets").iterdir())
    before = listing(shared)
    done = script(
        "site", *(s.name for s in SAMPLES), "-o", "site",
        cwd=shared, env=home(shared), prefix=ordinary,
    )  # fmt: skip
    assert done.exit_code == 2, done
    assert done.stderr == (
        f"nq94: cannot write site: {protected} is write-protected: nq94 could not remove the files "
        "in it, and replaces a site only whole; make it writable, or name another folder\n"
    ), done
    assert listing(shared) == before
    assert sorted(path.name for path in (site / "targets").iterdir()) == pages
    assert stat.S_IMODE(os.stat(shared / protected).st_mode) == 0o555


def test_a_previous_site_that_cannot_be_removed_whole_is_said(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should a file of the previous site resist removal after the swap, the run says where
    what is left of it is, and exits 2 (it was removed with ignore_errors, in silence)."""
    out = tmp_path / "site"
    assert cli("site", str(SAMPLES[0]), "-o", str(out)).exit_code == 0
    real = os.unlink

    def resisting(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if str(path) == "index.html" and "dir_fd" in kwargs:  # rmtree's, in the previous site
            raise PermissionError(13, "Permission denied", str(path))
        real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", resisting)
    run = cli("site", *(str(s) for s in SAMPLES), "-o", str(out))
    monkeypatch.setattr(os, "unlink", real)
    assert run.exit_code == 2, run
    (left,) = [path for path in tmp_path.iterdir() if path.name.startswith(".nq94-")]
    assert run.stderr == (
        f"nq94: cannot write {out}: the new site is in place, but the previous one could not be "
        f"removed whole: what is left of it is in {os.path.relpath(left)}\n"
    ), run
    assert (out / "index.html").exists()


@pytest.mark.parametrize("mode", [0o700, 0o2750])
def test_the_new_site_keeps_the_folders_mode_and_group(cli: CLI, tmp_path: Path, mode: int) -> None:
    """A 0700 site stays the owner's; a 2750 site keeps its group and its setgid bit, and what
    is written in it takes the group (they became 0755, and the group was lost)."""
    out = tmp_path / "site"
    assert cli("site", str(SAMPLES[0]), "-o", str(out)).exit_code == 0
    group = NOBODY if os.geteuid() == 0 else os.getgroups()[-1]
    os.chown(out, -1, group)
    os.chmod(out, mode)
    assert cli("site", *(str(s) for s in SAMPLES), "-o", str(out)).exit_code == 0
    found = os.stat(out)
    assert (oct(stat.S_IMODE(found.st_mode)), found.st_gid) == (oct(mode), group)
    if mode & stat.S_ISGID:
        assert os.stat(out / "targets").st_gid == group
        assert os.stat(out / "index.html").st_gid == group


def test_a_folder_of_empty_folders_is_not_taken_for_an_empty_one(cli: CLI, tmp_path: Path) -> None:
    """A folder nq94 did not build that holds only an empty folder is not replaced: only an
    empty folder, or a site nq94 built, is."""
    out = tmp_path / "docs"
    (out / "drafts").mkdir(parents=True)
    run = cli("site", str(SAMPLES[0]), "-o", str(out))
    assert run.exit_code == 2, run
    assert "a folder nq94 did not build, and not empty" in run.stderr
    assert (out / "drafts").is_dir()


def test_a_fifo_for_a_marker_is_refused_at_once(script: Script, shared: Path) -> None:
    """A FIFO named .nq94-site in the output: refused, without waiting on it (the run hung)."""
    site = built(script, shared, [])
    (site / publish.MARKER).unlink()
    os.mkfifo(site / publish.MARKER)
    done = script(
        "site", *(s.name for s in SAMPLES), "-o", "site", cwd=shared, env=home(shared), timeout=20
    )
    assert done.exit_code == 2, done
    assert done.stderr == (
        "nq94: cannot write site: a folder nq94 did not build, and not empty; name a new or "
        "empty folder, or a site nq94 built before\n"
    )


@pytest.mark.parametrize("output", [".", ".."])
def test_the_current_folder_as_the_output_is_refused_in_words(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    """site -o . (or ..) in a site folder: said in words a person understands, exit 2 (it was
    'Invalid argument' or 'Device or resource busy')."""
    out = tmp_path / "site"
    assert cli("site", str(SAMPLES[0]), "-o", str(out)).exit_code == 0
    monkeypatch.chdir(out)
    run = cli("site", str(SAMPLES[0]), "-o", output)
    assert (run.exit_code, run.stdout) == (2, ""), run
    assert run.stderr == (
        f"nq94: cannot write {output}: the folder you are in, or one that holds it; nq94 "
        "replaces the site's folder whole: name it from outside (cd .. first)\n"
    )
    assert (out / "index.html").exists()


STOPPED_WRITING = """
import os, signal, sys
from pathlib import Path
import nq94

real = Path.write_bytes
written = []

def hang_up(path, data):
    written.append(path)
    if len(written) == 10:
        os.kill(os.getpid(), signal.SIGHUP)
    return real(path, data)

Path.write_bytes = hang_up
sys.argv = ["nq94", "site", *sys.argv[1:]]
nq94.main()
"""


def test_sighup_while_the_site_is_written_leaves_nothing_beside_it(
    script: Script, shared: Path
) -> None:
    """The terminal closing while the site is written (SIGHUP): exit 129, the previous site as
    it was, no half-built .nq94-* folder beside it (one was left)."""
    site = built(script, shared, [])
    before = sorted(str(path.relative_to(site)) for path in site.rglob("*"))
    # a Python of its own: the hang-up must come in the middle of a write, patched in to send it
    done = subprocess.run(
        [sys.executable, "-c", STOPPED_WRITING, *(s.name for s in SAMPLES), "-o", "site"],
        cwd=shared,
        env={**os.environ, "NQ94_LANG": "en", "MPLCONFIGDIR": str(shared / ".mpl")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (128 + signal.SIGHUP, ""), done
    assert listing(shared) == sorted(["site", *(s.name for s in SAMPLES)])
    assert sorted(str(path.relative_to(site)) for path in site.rglob("*")) == before
