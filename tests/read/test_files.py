"""Writing output files: only onto regular files, atomically, one winner among racing runs, one
line for every failure, no temporary file left by a signal, and no note cut off in a workbook."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pytest

from nq94.render.write import write_atomic

from ..conftest import CLI_TYPE as CLI
from ..conftest import SAMPLES, Script

SAMPLE = str(SAMPLES / "2024-9m.yaml")
WIDE: dict[str, str | None] = {"COLUMNS": "300"}
"""The width the runs of the real command below are given."""
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="mknod and mount need root")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _mounted(folder: Path, *args: str, why: str) -> Iterator[Path]:
    """``folder``, made and mounted with ``mount ARGS FOLDER``, until the test ends; the test is
    skipped where mounting is not possible (``why`` says what it needs)."""
    if os.geteuid() != 0:
        pytest.skip(f"{why} needs root")
    folder.mkdir()
    run = subprocess.run(["mount", *args, str(folder)], capture_output=True, text=True, check=False)
    if run.returncode:
        pytest.skip(f"cannot mount here ({run.stderr.strip()})")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs, so that a write meets a real ENOSPC."""
    disk = tmp_path / "disk"
    yield from _mounted(disk, "-t", "tmpfs", "-o", "size=64k", "tmpfs", why="mounting a tmpfs")


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A folder mounted read-only over itself (root writes anywhere a mode allows)."""
    folder = tmp_path / "ro"
    yield from _mounted(folder, "--bind", "-o", "ro", str(folder), why="a read-only bind mount")


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder no file can be created in, and the reason the system gives: mode 555 for a
    user; for root, whom modes do not stop, the immutable attribute (chattr +i)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder, "Permission denied"
        folder.chmod(0o755)
        return
    run = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
    if run.returncode:
        pytest.skip(f"chattr +i does not work here ({run.stderr.strip()})")
    yield folder, "Operation not permitted"
    subprocess.run(["chattr", "-i", str(folder)], check=True)


# --- 1. only regular files are replaced


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "fifo.yaml")
    return folder / "fifo.yaml"


def _device(folder: Path) -> Path:
    if os.geteuid() != 0:
        pytest.skip("mknod needs root")
    os.mknod(folder / "null.yaml", 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null
    return folder / "null.yaml"


def _link_to_stdout(folder: Path) -> Path:
    (folder / "fd1.yaml").symlink_to("/proc/self/fd/1")
    return folder / "fd1.yaml"


@pytest.mark.parametrize("make", [_fifo, _device, _link_to_stdout], ids=["fifo", "device", "fd1"])
def test_template_force_refuses_what_is_not_a_regular_file(
    cli: CLI, tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    """`template --force -o X` onto a FIFO, a device node or a link to /proc/self/fd/1 refuses
    with one line and exit 2, and X stays what it was."""
    target = make(tmp_path)
    before = os.lstat(target)
    run = cli("template", "--force", "-o", str(target))
    assert run.exit_code == 2, run
    reason = "a symbolic link, not a regular file; name the file it points to instead"
    if not target.is_symlink():
        reason = "not a regular file"
    assert run.stderr == f"nq94: cannot write {target}: {reason}\n", run
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert _leftovers(tmp_path) == []


def test_export_refuses_a_link_to_dev_full(cli: CLI, tmp_path: Path) -> None:
    """`export -o out.csv` where out.csv links to /dev/full: refused, no 0666 file left."""
    link = tmp_path / "out.csv"
    link.symlink_to("/dev/full")
    run = cli("export", SAMPLE, "-o", str(link))
    assert run.exit_code == 2, run
    assert run.stderr.startswith(f"nq94: cannot write {link}: a symbolic link"), run
    assert os.readlink(link) == "/dev/full"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_link_to_a_regular_file_is_refused_and_both_kept(cli: CLI, tmp_path: Path) -> None:
    """A link to a regular file is refused too (documented): the link and its file stay."""
    real = tmp_path / "real.csv"
    real.write_text("previous\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real.name)
    run = cli("export", SAMPLE, "-o", str(link))
    assert run.exit_code == 2, run
    assert (link.is_symlink(), real.read_text(encoding="utf-8")) == (True, "previous\n")
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to("missing.yaml")
    run = cli("template", "--force", "-o", str(dangling))
    assert run.exit_code == 2, run
    assert not (tmp_path / "missing.yaml").exists()
    assert _leftovers(tmp_path) == []


def test_refusal_in_vietnamese(cli: CLI, tmp_path: Path) -> None:
    """The refusal is in the reader's language."""
    fifo = _fifo(tmp_path)
    run = cli("template", "--lang", "vi", "--force", "-o", str(fifo))
    assert run.exit_code == 2, run
    assert run.stderr == f"nq94: không ghi được {fifo}: không phải là tệp thông thường\n"


def test_temporary_file_is_private_until_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the data is written the file is 0600; it gets the output's mode afterwards
    (0666 less the umask for a new file)."""
    seen: list[int] = []
    write = os.write

    def spy(handle: int, data: bytes) -> int:
        seen.append(os.fstat(handle).st_mode & 0o777)
        return write(handle, data)

    monkeypatch.setattr(os, "write", spy)
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.txt", b"data")
    finally:
        os.umask(old)
        monkeypatch.undo()
    assert seen == [0o600]
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o640


# --- 2. without --force, exactly one run creates the file


def test_file_created_during_the_run_is_not_replaced(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program creates the output while `template -o` (no --force) writes: it is kept,
    and this run says the file already exists."""
    output = tmp_path / "x.yaml"
    fsync = os.fsync

    def meanwhile(handle: int) -> None:
        if not output.exists():
            output.write_text("theirs\n", encoding="utf-8")
        fsync(handle)

    monkeypatch.setattr(os, "fsync", meanwhile)
    run = cli("template", "-o", str(output))
    assert run.exit_code == 2, run
    assert "already exists; use --force to overwrite it" in run.stderr, run
    assert output.read_text(encoding="utf-8") == "theirs\n"
    assert _leftovers(tmp_path) == []


def test_twenty_concurrent_templates_one_wins(script: Script, tmp_path: Path) -> None:
    """20 `nq94 template -o x.yaml` started at once: one writes, 19 exit 2 saying it exists."""
    output = tmp_path / "x.yaml"
    with ThreadPoolExecutor(max_workers=20) as pool:  # each thread waits on a process of its own
        runs = list(pool.map(lambda _: script("template", "-o", output, env=WIDE), range(20)))
    results = [(run.exit_code, run.stderr) for run in runs]
    winners = [err for code, err in results if code == 0]
    assert winners == [f"wrote {output}\n"], results
    losers = [err for code, err in results if code == 2 and "already exists" in err]
    assert len(losers) == 19, results
    assert output.read_text(encoding="utf-8").startswith("# Report on the 2024 targets")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


# --- 3. every write failure is one line and exit 2


def test_missing_parent_directory(cli: CLI, tmp_path: Path) -> None:
    """-o into a folder that does not exist: one line, in either language."""
    output = tmp_path / "nowhere" / "x.html"
    run = cli("export", SAMPLE, "-o", str(output))
    assert (run.exit_code, run.stderr) == (
        2,
        f"nq94: cannot write {output}: No such file or directory\n",
    ), run
    run = cli("export", "--lang", "vi", SAMPLE, "-o", str(output))
    assert (run.exit_code, run.stderr) == (
        2,
        f"nq94: không ghi được {output}: không có tệp hay thư mục này\n",
    ), run


def test_parent_is_a_file(cli: CLI, tmp_path: Path) -> None:
    """-o below a file: one line naming the system's reason."""
    output = tmp_path / "file.txt" / "x.yaml"
    (tmp_path / "file.txt").write_text("", encoding="utf-8")
    run = cli("template", "-o", str(output))
    assert (run.exit_code, run.stderr) == (2, f"nq94: cannot write {output}: Not a directory\n")


def test_unwritable_parent(cli: CLI, unwritable: tuple[Path, str]) -> None:
    """A folder nothing can be created in: one line with the system's reason, exit 2."""
    folder, reason = unwritable
    output = folder / "x.csv"
    run = cli("export", SAMPLE, "-o", str(output))
    assert (run.exit_code, run.stderr) == (2, f"nq94: cannot write {output}: {reason}\n"), run
    assert list(folder.iterdir()) == []


def test_read_only_file_system(cli: CLI, read_only: Path) -> None:
    """A read-only file system: one line, exit 2."""
    output = read_only / "x.yaml"
    run = cli("template", "-o", str(output))
    assert (run.exit_code, run.stderr) == (
        2,
        f"nq94: cannot write {output}: Read-only file system\n",
    ), run
    run = cli("template", "--lang", "vi", "-o", str(output))
    assert run.stderr == f"nq94: không ghi được {output}: hệ thống tệp chỉ cho phép đọc\n"


def test_disk_full(cli: CLI, tiny_disk: Path) -> None:
    """A real ENOSPC: one line, exit 2, the previous output untouched, no temporary file."""
    output = tiny_disk / "x.html"
    output.write_text("previous\n", encoding="utf-8")
    _fill(tiny_disk / "filler")
    run = cli("export", SAMPLE, "-o", str(output))
    assert (run.exit_code, run.stderr) == (
        2,
        f"nq94: cannot write {output}: No space left on device\n",
    ), run
    assert output.read_text(encoding="utf-8") == "previous\n"
    assert _leftovers(tiny_disk) == []
    run = cli("export", "--lang", "vi", SAMPLE, "-o", str(output))
    assert run.stderr == f"nq94: không ghi được {output}: thiết bị đã hết chỗ trống\n", run


def _fill(filler: Path) -> None:
    """Take every free block of the file system ``filler`` is on."""
    with pytest.raises(OSError, match="No space left on device"):
        filler.write_bytes(b"\0" * 1024 * 1024)  # more than the disk holds: what fits stays


def test_name_of_250_bytes_is_written_and_256_refused(cli: CLI, tmp_path: Path) -> None:
    """The temporary name is short: any output name the system allows can be written; one it
    does not allow is one line."""
    legal = tmp_path / ("a" * 245 + ".yaml")
    run = cli("template", "-o", str(legal))
    assert run.exit_code == 0, run
    assert legal.read_text(encoding="utf-8").startswith("# Report")
    too_long = tmp_path / ("b" * 251 + ".yaml")
    run = cli("template", "-o", str(too_long))
    assert (run.exit_code, run.stderr) == (
        2,
        f"nq94: cannot write {too_long}: File name too long\n",
    ), run


@pytest.mark.parametrize("args", [("check", SAMPLE), ("template",)], ids=["check", "template"])
def test_standard_output_on_a_full_device(script: Script, args: tuple[str, ...]) -> None:
    """`nq94 check … > /dev/full`: one line on stderr, exit 2."""
    with open("/dev/full", "w") as full:
        run = script(*args, stdout=full, env=WIDE, timeout=60)
    assert (run.exit_code, run.stderr) == (
        2,
        "nq94: cannot write standard output: No space left on device\n",
    )


# --- 4. a signal during the write leaves no temporary file

SLOW_WRITE = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path

    def slow(handle):
        print("writing", flush=True)
        time.sleep(60)

    os.fsync = slow
    {run}
    """
)


def _writing(folder: Path, run: str) -> subprocess.Popen[str]:
    """A Python process running ``run`` in ``folder``, once it is in the middle of a write."""
    # a Popen: the test signals the process, stopped in a write by the fsync patched in here
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITE.format(run=run)],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "writing\n"
    return child


@pytest.mark.parametrize(
    ("signum", "returncodes"),
    [
        (signal.SIGTERM, {-signal.SIGTERM}),
        (signal.SIGHUP, {-signal.SIGHUP}),
        (signal.SIGINT, {-signal.SIGINT, 1}),  # KeyboardInterrupt, however Python ends on it
    ],
    ids=["SIGTERM", "SIGHUP", "SIGINT"],
)
def test_signal_during_write_atomic_removes_the_temporary_file(
    tmp_path: Path, signum: int, returncodes: set[int]
) -> None:
    """A process killed while write_atomic writes a large payload leaves neither the output nor
    a temporary file, and ends as the signal would have ended it."""
    run = (
        "from nq94.render.write import write_atomic; "
        "write_atomic(Path('big.xlsx'), b'x' * 5_000_000)"
    )
    child = _writing(tmp_path, run)
    assert len(_leftovers(tmp_path)) == 1  # the temporary file exists while the data is written
    child.send_signal(signum)
    _, err = child.communicate(timeout=30)
    assert child.returncode in returncodes, err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_sigterm_during_export_through_the_entry_point(tmp_path: Path) -> None:
    """`nq94 export … -o big.xlsx` stopped by SIGTERM while it writes: no temporary file."""
    output = tmp_path / "big.xlsx"
    argv = ["nq94", "export", SAMPLE, "-o", str(output)]
    child = _writing(tmp_path, f"import nq94; sys.argv = {argv!r}; nq94.main()")
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=30)
    assert child.returncode in {143, -signal.SIGTERM}, err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# --- 5. a note longer than a cell holds is kept whole


def test_long_note_is_kept_whole_in_the_workbook(cli: CLI, tmp_path: Path) -> None:
    """A note of 100,000 characters (Excel holds 32,767 in a cell) goes on in the cells below
    it, and the cells joined give it back; the next value keeps a row of its own."""
    words = "Số liệu ước tính, Cục Thống kê; xem phụ lục 😀 = chi tiết. "
    note = (words * (100_000 // len(words) + 1))[:100_000]
    report = tmp_path / "r.yaml"
    report.write_text(
        f'period: "2024"\nvalues:\n  grdp_growth: {{value: 7.6, note: "{note}"}}\n'
        "  budget_revenue: 20403\n",
        encoding="utf-8",
    )
    book = tmp_path / "r.xlsx"
    run = cli("export", str(report), "-o", str(book))
    assert run.exit_code == 0, run
    rows = list(openpyxl.load_workbook(book)["Sources"].iter_rows(min_row=2, values_only=True))
    assert rows[0][:2] == ("grdp_growth", 7.6)
    continued = [row for row in rows[1:] if row[0] is None]
    assert all(set(row[:5]) == {None} for row in continued)
    cells = [rows[0][5], *(row[5] for row in continued)]
    assert len(cells) == 4
    assert all(len(cell.encode("utf-16-le")) // 2 <= 32_767 for cell in cells)
    assert "".join(cells) == note
    assert rows[len(cells)][:2] == ("budget_revenue", 20403)


def test_every_system_reason_is_in_both_catalogues() -> None:
    """The system's reasons nq94 translates are in both languages, the English ones in the
    system's own words."""
    from nq94.errors import SYSTEM_REASONS
    from nq94.i18n import en, vi

    for number, key in SYSTEM_REASONS.items():
        assert en.MESSAGES[key] == os.strerror(number), key
        assert vi.MESSAGES[key].strip(), key
