"""JUnit XML: a case per target per report, missed targets as failures, invalid files as errors.

GitLab, Jenkins and Azure DevOps show these natively. Written once every outcome is known, since
the counts head the document.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import TextIO

from nq94.evaluate import Evaluation
from nq94.i18n import t, tn
from nq94.model import Status
from nq94.outcome import Invalid, Validated
from nq94.render.numbers import explain, said, side
from nq94.render.outcomes import Checked


def check(outcomes: Iterable[Checked], out: TextIO, *, color: bool = False) -> None:
    """A <testsuite> per file: one case per target, or one erroring case for an invalid file."""
    del color
    root = ET.Element("testsuites", name="nq94 check")
    for outcome in outcomes:
        if isinstance(outcome, Invalid):
            _invalid_suite(root, outcome)
        elif isinstance(outcome, Evaluation):
            _evaluation_suite(root, outcome)
    _write(root, out)


def validate(outcomes: Iterable[Validated], out: TextIO, *, color: bool = False) -> None:
    """One <testsuite>, a case per file, an <error> per invalid file."""
    del color
    root = ET.Element("testsuites", name="nq94 validate")
    suite = ET.SubElement(root, "testsuite", name="nq94 validate")
    for outcome in outcomes:
        case = ET.SubElement(suite, "testcase", classname="nq94.validate", name=outcome.file)
        if isinstance(outcome, Invalid):
            _error(case, outcome)
    _count(suite)
    _write(root, out)


def _evaluation_suite(root: ET.Element, evaluation: Evaluation) -> None:
    suite = ET.SubElement(root, "testsuite", name=side(evaluation))
    for result in evaluation.results:
        target = result.target
        case = ET.SubElement(
            suite, "testcase", classname=f"{target.section}", name=target.id, file=evaluation.file
        )
        message = f"{said(result)}: {explain(result)}"
        if result.status is Status.MISSED:
            failure = ET.SubElement(case, "failure", message=message, type="missed")
            failure.text = target.words
        elif result.status in (Status.NO_DATA, Status.NOT_ASSESSED):
            ET.SubElement(case, "skipped", message=message)
        else:
            out = ET.SubElement(case, "system-out")
            out.text = message
    _count(suite)


def _invalid_suite(root: ET.Element, invalid: Invalid) -> None:
    suite = ET.SubElement(root, "testsuite", name=invalid.file)
    case = ET.SubElement(suite, "testcase", classname="nq94.validate", name=invalid.file)
    _error(case, invalid)
    _count(suite)


def _error(case: ET.Element, invalid: Invalid) -> None:
    count = len(invalid.problems)
    error = ET.SubElement(
        case,
        "error",
        message=t("invalid_report", problems=tn("problems", count)),
        type="invalid",
    )
    error.text = "\n".join(str(p) for p in invalid.problems)


def _count(suite: ET.Element) -> None:
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(c.find("failure") is not None for c in cases)))
    suite.set("errors", str(sum(c.find("error") is not None for c in cases)))
    suite.set("skipped", str(sum(c.find("skipped") is not None for c in cases)))


def _write(root: ET.Element, out: TextIO) -> None:
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root.findall("testsuite"))))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    text = _XML_FORBIDDEN.sub(_escape, ET.tostring(root, encoding="unicode"))
    # a CI log shows the file as it is: '::' and '##[' from a line break in a text (a targets
    # file's words) would start a command there; as character references XML reads them alike
    out.write(text.replace("::", ":&#58;").replace("##[", "##&#91;"))
    out.write("\n")


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 does not allow, which ElementTree writes as they are: a report that
holds one would make the whole JUnit file unreadable (GitLab drops it)."""


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"
