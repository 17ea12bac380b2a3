"""Every word nq94 shows, in English. Keys match nq94.i18n.vi one for one."""

MESSAGES: dict[str, str] = {
    # statuses, bases, changes, directions, how a figure was obtained
    "status.met": "met",
    "status.at_risk": "at risk",
    "status.missed": "missed",
    "status.no_data": "no data",
    "status.not_assessed": "not assessed",
    "status.estimate.met": "likely met",
    "status.estimate.missed": "likely missed",
    "status.part.met": "on track",
    "status.part.missed": "off track",
    "basis.official": "official",
    "basis.estimate": "estimate",
    "basis.preliminary": "preliminary",
    "change.worsened": "worsened",
    "change.removed": "no longer reported",
    "change.settled": "settled",
    "change.changed": "new figure",
    "change.added": "added",
    "change.improved": "improved",
    "change.target": "target amended: {was} → {now}",
    "direction.toward": "better",
    "direction.away": "worse",
    "direction.steady": "steady",
    "direction.within": "in the range",
    "direction.back": "back where it started",
    "direction.changed": "{direction}: {changes}",
    "obtained.reported": "reported",
    "obtained.derived": "derived",
    "obtained.projected": "projected",
    "kind.growth": "growth",
    "kind.share": "share",
    "kind.rate": "rate",
    "kind.level": "level",
    "kind.flow": "flow",
    "kind.count": "count",
    "kind.change": "change",
    "kind.index": "index",
    "kind_help.growth": "a growth rate in %; may be given as {{baseline, current}}, derived as "
    "(current / baseline - 1) * 100",
    "kind_help.share": "a share of a whole, in %",
    "kind_help.rate": "a rate, compared as it stands in any period",
    "kind_help.level": "a level, compared as it stands in any period",
    "kind_help.flow": "accumulated over the year; a partial period is projected linearly to "
    "year end",
    "kind_help.count": "a count; before the year ends, a count not yet reached is at risk, "
    "not missed",
    "kind_help.change": "a change in percentage points; may be given as {{baseline, current}}, "
    "derived as baseline - current",
    "kind_help.index": "an index, this year's figure as a percent of last year's (100.5 = 0.5 % "
    "more); may be given as {{baseline, current}}, derived as current / baseline * 100",
    # column headings
    "column.target": "Target (the {kind_lower}'s words)",
    "column.actual": "Actual",
    "column.required": "Required",
    "column.gap": "Gap",
    "column.percent": "Against target",
    "column.margin": "Margin",
    "column.status": "Status",
    "column.file": "File",
    "column.result": "Result",
    "column.period": "Period",
    "column.basis": "Basis",
    "column.values": "Values",
    "column.course": "Course",
    "column.year_end": "Year end",
    "column.change": "Change",
    "column.before": "Before",
    "column.after": "After",
    "column.difference": "Difference",
    "column.id": "Id",
    "column.words": "The {kind_lower}'s words",
    "column.comparison": "Comparison",
    "column.section": "Section",
    "column.name": "Name",
    "column.unit": "Unit",
    "column.kind": "Kind",
    "column.plausible": "Plausible range",
    "column.threshold": "Threshold",
    "column.why": "How obtained",
    "column.value": "Value",
    "column.baseline": "Baseline",
    "column.current": "Current",
    "column.source": "Source",
    "column.note": "Note",
    "csv.file": "file",
    "csv.period": "period",
    "csv.basis": "basis",
    "csv.section": "section",
    "csv.id": "id",
    "csv.words": "words",
    "csv.status": "status",
    "csv.actual": "actual",
    "csv.obtained": "obtained",
    "csv.value": "value",
    "csv.baseline": "last year",
    "csv.current": "this year",
    "csv.threshold": "threshold",
    "csv.operator": "operator",
    "csv.plan": "plan for the period",
    "csv.gap": "gap",
    "csv.percent_of_target": "percent_of_target",
    "csv.margin": "margin",
    "csv.unit": "unit",
    "csv.source": "source",
    "csv.note": "note",
    "sheet.status": "Status",
    "sheet.sources": "Sources",
    "sheet.report": "(report)",
    # the check table and what explains a result
    "document.name": "{kind} {number}",
    "document.resolution": "Resolution",
    "document.number_unknown": "(number unknown)",
    "section.all": "Targets",
    "period.year": "full year {year}",
    "period.half": "first half of {year}",
    "period.nine_months": "first nine months of {year}",
    "period.months": "first {months} months of {year}",
    "period.months_one": "January {year}",
    "period.quarter.1": "first quarter of {year}",
    "period.quarter.2": "second quarter of {year}",
    "period.quarter.3": "third quarter of {year}",
    "period.quarter.4": "fourth quarter of {year}",
    "period.second_half": "second half of {year}",
    "period.month": "{month} {year}",
    "short.year": "{year}",
    "short.to_date": "{months} months {year}",
    "short.months_one": "January {year}",
    "short.quarter": "Q{quarter} {year}",
    "short.second_half": "H2 {year}",
    "short.month": "{month} {year}",
    "part.year": "Full year",
    "part.to_date": "{months} months",
    "part.months_one": "January",
    "part.quarter": "Q{quarter}",
    "part.second_half": "H2",
    "part.month": "{month}",
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
    "quarter.1": "1",
    "quarter.2": "2",
    "quarter.3": "3",
    "quarter.4": "4",
    "check.title": "{document}, {period} ({basis}): {file}",
    "caption.final": "Official full-year figures: each value is compared strictly with its "
    "threshold.",
    "caption.estimate": "Estimate",
    "caption.preliminary": "Preliminary figures",
    "caption.partial": "Figures for part of the year",
    "caption.margin": "{what}: a value within the margin of its threshold is at risk; flows are "
    "projected to the year end.",
    "caption.margin_year": "{what}: a value within the margin of its threshold is at risk.",
    "summary.one": "{count} target: {parts}",
    "summary.other": "{count} targets: {parts}",
    "summary.warned": "{summary}; {warnings}",
    "warnings.one": "{count} warning",
    "warnings.other": "{count} warnings",
    "comparison.between": "{low} to {high}",
    "comparison.higher": ", or more",
    "comparison.lower": ", or less",
    "explain.no_figure": "no figure in the report; required {required}",
    "explain.versus": "{actual} vs {required}",
    "explain.gap": "gap {gap}",
    "explain.percent": "{percent} of target",
    "explain.margin": "margin ±{margin}",
    "headroom.left": "{value} to spare",
    "headroom.over": "{value} over",
    "band.inside": "within the range",
    "band.outside": "{value} outside the range",
    "note.capped": ", capped at the plausible maximum {high}",
    "headroom.none": "none to spare",
    "standing.points": "{value} points",
    "standing.short": "{value} short",
    "standing.over": "{value} over",
    "standing.equal": "at the requirement",
    "standing.equal_more": "at the requirement; more than {value} needed",
    "at_risk.meets": "meets it, but within the margin of {margin}: not certain yet",
    "at_risk.short": "short of it, but within the margin of {margin}: can still be met",
    "at_risk.count": "not reached yet; the year is not over",
    "band.near_edge": "within the range, {value} from its edge",
    "band.near_low": "within the range, {value} above its lower end",
    "band.near_high": "within the range, {value} below its upper end",
    "explain.ceiling": "nothing can be above the plausible maximum",
    "explain.plan": "plan for {period}: {plan}",
    "explain.year": "the year: {required}",
    "explain.needed_at_least": "the rest of the year needs growth of {needed}",
    "explain.needed_below": "the rest of the year must stay below growth of {needed}",
    "explain.above_range": "above the planned range",
    "explain.below_range": "below the planned range",
    "explain.stretch_reached": "stretch level {level}: reached",
    "explain.stretch_not_reached": "stretch level {level}: not reached",
    "explain.also": "{by} ({document}) {required}: {status}",
    "explain.amended": "amended by {document} from {since}, was {was}",
    "explain.added": "added by {document} from {since}",
    "explain.not_assessed": "not assessed from {part} alone",
    "alone.quarter": "a quarter",
    "alone.second_half": "the second half",
    "alone.month": "a month",
    "notice.period_meaning": "{file}: {period} is a part of the year alone ({name}): for the "
    "first {months} months to date, write {to_date}",
    "note.projected": "projected to year end from {value}",
    "note.growth": "growth derived from {baseline} → {current}",
    "note.change": "change derived from {baseline} → {current}",
    "note.read": "read '{written}' as {value}",
    "unit.points": "percentage points",
    # validate, invalid files
    "valid": "valid",
    "problems.one": "{count} problem",
    "problems.other": "{count} problems",
    "values.one": "{count} value",
    "values.other": "{count} values",
    "validate.title": "nq94 validate",
    "validate.summary": "{valid} valid, {invalid} invalid",
    "validate.line": "valid: {period}, {basis}, {values}",
    "invalid_files": "Invalid files",
    "invalid_report": "invalid report: {problems}",
    # trend and diff
    "trend.title": "{document}: {year}, period by period",
    "trend.caption": "{periods}. Flows are projected to the year end; status is the latest "
    "report's.",
    "trend.plan": "plan {plan}",
    "pace.per_month": "{unit} a month",
    "pace.needs": "needs {needed} {unit}, averaging {so_far} {unit} so far",
    "pace.needed": "needed {needed} {unit}, averaging {so_far} {unit}",
    "pace.reached": "reached, averaging {so_far} {unit}",
    "pace.at": "at {period}: {text}",
    "diff.settled_heading": "Settled: the estimate's figures are now official",
    "diff.title": "Changes from {old} to {new}",
    "diff.none": "No figure or status changed",
    "diff.no_worse": "no status got worse",
    "diff.worse.one": "{count} status got worse",
    "diff.worse.other": "{count} statuses got worse",
    "diff.settled_no_worse": "none the estimate said was met ends missed or at risk",
    "diff.settled_worse.one": "{count} the estimate said was met ends missed or at risk",
    "diff.settled_worse.other": "{count} the estimate said were met end missed or at risk",
    "diff.only.one": "{count} target differs: {verdict}",
    "diff.only.other": "{count} targets differ: {verdict}",
    "diff.part.settled_worse.one": "{count} of them worse than the estimate said",
    "diff.part.settled_worse.other": "{count} of them worse than the estimate said",
    "diff.changed.one": "{count} target differs: {parts}; {verdict}",
    "diff.changed.other": "{count} targets differ: {parts}; {verdict}",
    "diff.part.worsened.one": "{count} worse",
    "diff.part.worsened.other": "{count} worse",
    "diff.part.improved.one": "{count} better",
    "diff.part.improved.other": "{count} better",
    "diff.part.changed.one": "{count} with a new figure but the same status",
    "diff.part.changed.other": "{count} with new figures but the same status",
    "diff.part.added.one": "{count} reported for the first time",
    "diff.part.added.other": "{count} reported for the first time",
    "diff.part.removed.one": "{count} no longer reported",
    "diff.part.removed.other": "{count} no longer reported",
    "diff.part.settled.one": "{count} settled from the estimate",
    "diff.part.settled.other": "{count} settled from the estimate",
    # nq94 targets
    "targets.title": "{document}: targets for {year}",
    "targets.count.one": "{count} target. `nq94 targets ID` explains it.",
    "targets.count.other": "{count} targets. `nq94 targets ID` explains one.",
    "targets.count_file.one": "{count} target. `nq94 targets --targets {file} ID` explains it.",
    "targets.count_file.other": "{count} targets. `nq94 targets --targets {file} ID` explains one.",
    "targets.adopted": "Adopted by {issuer} on {date}.",
    "targets.issued": "Issued by {issuer}.",
    "targets.in_force": "In force on {date}: as the document was adopted.",
    "targets.in_force_amended": "In force on {date}: as amended by {document} from {since}.",
    "targets.amendment": "From {since}, {document}:",
    "targets.added": "  {id}: added, {now}",
    "targets.changed": "  {id}: {was} → {now}",
    "targets.reworded": "  {id}: reworded, the same requirement",
    "targets.removed": "  {id}: removed",
    "targets.section": "{section}, clause {clause}",
    "targets.margin": "± {margin} {unit} (estimates and partial periods; official full-year "
    "figures are compared strictly)",
    "targets.plausible": "{low} to {high} {unit} (a value outside it is an input error)",
    # nq94 template
    "template.header": "Report on the {year} targets of {document_lower}.\n"
    "Fill in the figures you have and delete the lines you have none for: an empty value\n"
    "is an error, a deleted line shows as 'no data'. A value is a number (7.5 or \"7,5\"),\n"
    'or {{value: 7.5, source: "...", note: "..."}}; growth and change targets may instead\n'
    "give {{baseline: ..., current: ...}}. Check the file with: nq94 validate FILE",
    "template.source": "Báo cáo số .../BC-UBND ngày ...",
    "template.derivable": " · or {{baseline, current}}",
    # nq94 schema
    "schema.number_text": 'e.g. "7,5" or "7,5%"',
    "schema.basis": "Whether the figures are final (official) or not yet (estimate, preliminary).",
    "schema.report": "A report of figures achieved against the targets of a resolution.",
    "schema.period": "The period the report covers: the year to date (YYYY, YYYY-9M) or a part "
    "of the year alone (YYYY-Q3, YYYY-M05).",
    "schema.report_source": "Where the report's figures come from.",
    "schema.report_targets": "The targets file the report is written against, relative to the "
    "report.",
    "schema.values": "Target id -> figure: a number, or a mapping (see each target).",
    "schema.title": "nq94 report for {document_lower} ({year})",
    "schema.targets_title": "nq94 targets file",
    "schema.target": "{words} ({required}; plausible {low} to {high})",
    "schema.value": "The figure for the period.",
    "schema.source": "Where this figure comes from.",
    "schema.note": "Anything a reader should know about it.",
    "schema.baseline": "The figure of the previous year.",
    "schema.current": "The figure of this period.",
    "schema.entry": "A reported figure: a value, or a baseline and current figure to derive it "
    "from.",
    # nq94 schema --targets-file
    "schema.targets.file1": "A targets file of format 1: a resolution, its sections, and each "
    "target with its clause and plausible range.",
    "schema.targets.file2": "A targets file of format 2: any document, its targets, and the "
    "amendments that change them from a day.",
    "schema.targets.format": "The file's format: 2 names any document under 'document'; a file "
    "without it (or with 1) is format 1, which names a resolution under 'resolution'.",
    "schema.targets.resolution": "Format 1: the resolution that sets the targets (number, title in "
    "both languages, issuer, adoption date, year).",
    "schema.targets.document": "The document that sets the targets: its kind, number, title, "
    "issuer, adoption date and the year its targets are for.",
    "schema.targets.sections": "Section id -> its names in Vietnamese and English, in the order "
    "tables show them; without it, one section.",
    "schema.targets.targets": "The targets, in the order reports show them; at least one.",
    "schema.targets.amendments": "Documents that change the targets from a day, in the order they "
    "take effect: each changes or adds targets, and may remove some.",
    "schema.targets.amendment": "An amendment: a document that changes the targets from the day "
    "it takes effect.",
    "schema.targets.document_kind": "What the document calls itself, in Vietnamese and English "
    "(Nghị quyết / Resolution, Kế hoạch / Plan...); Nghị quyết / Resolution when absent.",
    "schema.targets.number": 'The document\'s number as written, without its kind ("58/NQ-HĐND"); '
    '"unknown" when the press gives none.',
    "schema.targets.title": "The document's title in Vietnamese, and in English where it is given.",
    "schema.targets.issuer": "The body that adopted the document (Hội đồng nhân dân tỉnh ...).",
    "schema.targets.adopted": "The day the document was adopted, such as 2025-12-10; an "
    "amendment's is on or after that of the document it amends.",
    "schema.targets.year": "The year the targets are for; every report checked against the file "
    "is of that year.",
    "schema.targets.effective": "The day the amendment takes effect, such as 2025-07-15, within "
    "the year of the targets; the day it was adopted when absent.",
    "schema.targets.changes": "The targets the amendment changes or adds: an existing id takes the "
    "keys given and keeps the others (its path, weights and season too); a new id gives a whole "
    "target.",
    "schema.targets.change": "What an amendment says of a target: an existing id takes the keys "
    "given, a new id is a whole target.",
    "schema.targets.removed": "The ids of the targets the amendment removes, from the day it "
    "takes effect.",
    "schema.targets.target": "A quantified aim of the document, with the words that set it.",
    "schema.targets.id": "The target's id: lowercase letters, digits and '_'; reports use it, so "
    "it is never renamed.",
    "schema.targets.section": "The key of the section the target belongs to; required when the "
    "file declares sections.",
    "schema.targets.clause": 'Where the document sets the target, such as "I.2.1".',
    "schema.targets.words": "The document's own words that set the target, quoted exactly.",
    "schema.targets.part": "This target's own words, where one line of the document holds "
    "several targets.",
    "schema.targets.name": "A short name of the target, in Vietnamese and English.",
    "schema.targets.unit": 'The target\'s unit in Vietnamese and English, such as "%" or "tỷ '
    'đồng" / "billion VND".',
    "schema.targets.measure": "The nature of the unit: percent, points (percentage points), "
    "amount, count, or ratio (per N people); it decides the default at-risk margin.",
    "schema.targets.kind": "What the figure is: growth, share, rate, level, flow, count, change "
    "or index; it decides how the figure is derived and judged in part of the year.",
    "schema.targets.operator": "How a figure is compared with the threshold: >=, >, <=, <, "
    "between or ≈ (≥, ≤, approx and about are read too).",
    "schema.targets.threshold": "The figure the document sets; with 'between', the lower end of "
    "the range.",
    "schema.targets.upper": "The upper end of the range, with 'between' only.",
    "schema.targets.better": "The side of a range or an 'about' the plan means: higher or lower; "
    "when absent, both sides must hold.",
    "schema.targets.tolerance": "With '≈': how far from the threshold still meets it, in the "
    "target's unit (required in format 2).",
    "schema.targets.margin": "The at-risk margin: an estimate or a figure for part of the year "
    "nearer than this to the edge that decides is at risk; by measure when absent.",
    "schema.targets.stretch": 'The "phấn đấu" level beside the requirement: a number, or [low, '
    "high]; shown beside the status, it never changes it.",
    "schema.targets.also": "Other documents' requirements on the same figure, each judged beside "
    "the target's own.",
    "schema.targets.also_entry": "Another document's requirement on the same figure.",
    "schema.targets.by": "Who set this requirement, in Vietnamese and in English where given "
    "(Chính phủ giao / assigned by the Government).",
    "schema.targets.also_document": "The number of the document that sets this requirement, such "
    'as "25/NQ-CP".',
    "schema.targets.plausible": "[low, high]: a figure outside it is an input error, not a missed "
    "target; by measure when absent.",
    "schema.targets.path": "A growth target's planned growth of each quarter alone, Q1 to Q4: a "
    "report of part of the year is judged against the plan for its period.",
    "schema.targets.weights": "Each quarter's weight in the path's plan to date (last year's "
    "quarterly shares, Q1 to Q4): positive numbers of which only the proportions count; equal "
    "when absent.",
    "schema.targets.season": "A flow's share of the year's total expected by a period to date "
    "(H1: 0.55, 9M: 0.7), above 0 and at most 1; periods it does not list are projected "
    "linearly.",
    "schema.targets.names": "Words in Vietnamese (vi) and English (en).",
    "schema.targets.label": "Words in Vietnamese (vi), and in English (en) where given: the "
    "Vietnamese stand in for them where they are not.",
    "schema.targets.vi": "In Vietnamese.",
    "schema.targets.en": "In English.",
    "schema.targets.sum_rule": "A rule: several targets' figures add up to a total, within a "
    "tolerance.",
    "schema.targets.at_most_rule": "A rule: one target's figure does not exceed another's.",
    "schema.targets.rules": "Checks across the figures of a report, applied when every target "
    "they name has a figure.",
    "schema.targets.rule_id": "The rule's id.",
    "schema.targets.rule": "The kind of rule: sum or at_most.",
    "schema.targets.rule_targets": "The ids of the targets whose figures add up; at least two.",
    "schema.targets.total": "The total the figures add up to.",
    "schema.targets.rule_tolerance": "How far from the total the sum may be.",
    "schema.targets.rule_description": "What the rule checks, in Vietnamese and English; said when "
    "a report breaks it.",
    "schema.targets.rule_target": "The id of the target whose figure may not exceed the limit.",
    "schema.targets.limit": "The id of the target whose figure is the limit.",
    # what is wrong with a file
    "describe.null": "nothing (null)",
    "describe.bool": "a boolean ({value})",
    "describe.date": "a date ('{text}')",
    "describe.mapping": "a mapping",
    "describe.list": "a list",
    "describe.text": "text, not keys and values",
    "warning": "warning",
    "warn.fraction": "{value} looks like a fraction; did you mean {meant}?",
    "err.more": "and {count} more problems; correct these first",
    "err.too_many_values": "more than {count} values; a report holds a few hundred",
    "err.not_a_file": "not a regular file (a device, a FIFO or a folder); name a file",
    "err.or": "{first} or {last}",
    "err.empty_file": "an empty file",
    "err.example.period": ' (e.g. period: "{year}" or "{year}-9M")',
    "err.example.values": " (a mapping of target id to value, e.g. values: {{grdp_growth: 7.5}})",
    "err.expected_mapping": "expected a mapping, got {got}",
    "err.unknown_key": "unknown key; expected one of: {keys}",
    "err.missing_key": "missing required key '{key}'{example}",
    "err.expected_text": "expected text, got {got}",
    "err.expected_choice": "expected {expected}, got {got}",
    "err.basis_words": " ('chính thức', 'ước tính', 'ước thực hiện', 'sơ bộ' are read too)",
    "err.expected_list": "expected a list, got {got}",
    "err.expected_report": "expected a report with period and values, got {got}",
    "err.expected_period": 'expected a period such as "{year}", "{year}-Q3", "{year}-H1", '
    '"{year}-9M" or "{year}-M05" (or "9 tháng đầu năm {year}"), got {got}{hint}',
    "err.empty_value": "empty; write a number, or delete the line if there is no figure",
    "err.empty_key": "'{key}' is empty; expected a number",
    "err.value_and_derived": "give either 'value' or 'baseline' and 'current', not both",
    "err.value_or_derived": "expected 'value', or both 'baseline' and 'current'",
    "err.expected_targets_file": "expected a targets file with resolution, sections, targets, "
    "got {got}",
    "err.expected_year": "expected a whole year from 1900 to 2200, got {got}",
    "err.expected_id": "expected text matching {pattern}, got {got}",
    "err.expected_pair": "expected a list of two numbers [low, high], got {got}",
    "err.rule_targets": "expected at least two target ids",
    "err.expected_rule": "expected 'sum' or 'at_most', got {got}",
    "err.expected_number": "expected a number, got {got}",
    "err.expected_finite": "expected a finite number, got {got}",
    "err.too_many_digits": "a figure has at most {most} significant digits, got {got}",
    "err.magnitude": "expected a number between 1e-{limit} and 1e{limit}, got {got}",
    "err.plausible_order": "plausible range must be [low, high] with low < high",
    "err.upper_between": "'upper' is required with 'between' and only with it",
    "err.upper_above": "'upper' must be above 'threshold'",
    "err.tolerance_approx": "'tolerance' applies only to the '≈' operator",
    "err.margin_negative": "'margin' must not be negative",
    "err.tolerance_negative": "'tolerance' must not be negative: it is how far from the threshold "
    "still meets it",
    "err.better_range": "'better' applies only to a range ('between') or an 'about' ('≈')",
    "err.tolerance_required": "an 'about' ('≈') needs 'tolerance' in format 2: how far from the "
    "threshold still meets it, in the target's unit (tolerance: 0 for exactly)",
    "err.expected_operator": "expected one of {options}, got {got}{hint}",
    "err.expected_date": "expected a date such as 2025-02-25, got {got}",
    "err.no_targets": "a targets file lists at least one target",
    "err.no_sections": "section '{section}' is not declared: the file has no 'sections' (declare "
    "them, or leave 'section' out)",
    "err.amendment_order": "amendments come in the order they take effect: this one takes effect "
    "before the one above it",
    "err.amend_unknown": "there is no target '{id}' to change at this point; {hint}",
    "err.amend_new": "a new target gives all of its keys (missing: {missing})",
    "err.quarter_key": "expected a quarter, {quarters}, got {got}{hint}",
    "err.amendment_before": "adopted before the document it amends; expected {adopted} or later, "
    "the day {document} was adopted",
    "err.effective_year": "takes effect on {day}, outside {year}, the year of the targets; "
    "expected a day from {year}-01-01 to {year}-12-31",
    "err.adopted_year": "adopted on {day}, so in effect from that day, outside {year}, the year of "
    "the targets; expected a day in {year}, or an 'effective' day in it",
    "err.no_such_day": "'{text}' is not a real date: month {month} of {year} has days 1 to "
    "{days}; expected a date such as 2025-02-25",
    "err.no_such_month": "'{text}' is not a real date: a year has months 1 to 12; expected a date "
    "such as 2025-02-25",
    "err.amended_measure": "an amendment changes what '{id}' requires, not what it measures: "
    "'{key}' must stay as it is (a target that measures something else is another target: "
    "remove this one and add it under a new id)",
    "err.removed_unknown": "there is no target '{id}' to remove at this point{hint}",
    "err.amended": "as amended: {said}",
    "err.path_growth": "'{key}' applies only to a growth target",
    "err.path_quarters": "'{key}' gives each of the four quarters: Q1, Q2, Q3 and Q4",
    "err.weights_positive": "every weight must be above 0",
    "err.season_flow": "'season' applies only to a flow",
    "err.season_share": "the share of the year's total expected by {key} must be above 0 and at "
    "most 1",
    "err.season_key": "expected a period to date within the year, such as H1, 9M or 5M, got "
    "'{key}'",
    "err.duplicate_id": "duplicate target id '{id}'",
    "err.unknown_section": "unknown section '{section}'; expected one of: {known}",
    "err.threshold_plausible": "threshold is outside the plausible range",
    "err.rule_unknown": "rule '{rule}' names unknown target '{name}'",
    "err.period_year": "period {period} is not in {year}, the year of the targets in {targets} "
    "({document}); name the targets for {period.year} with --targets FILE",
    "err.targets_line": "expected the path of a targets file, relative to the report, got {got}",
    "err.targets_missing": "targets file '{path}' not found (looked in {folder})",
    "err.targets_not_a_file": "'{path}' is not a regular file; name a targets file",
    "err.a_targets_file": "this is a targets file, not a report: check it with `nq94 targets "
    "{file}`, or check reports against it with --targets {file}",
    "err.toml": "cannot read nq94.toml: {reason}",
    "targets.builtin": "the built-in targets",
    "err.did_you_mean": "did you mean '{name}'?",
    "err.see_targets": "see `nq94 targets` for the ids",
    "err.unknown_id": "unknown target id; {hint}",
    "err.added_later": "not a target for this period: {document} adds it from {since} (check with "
    "--as-of to judge by another day)",
    "err.removed_before": "no longer a target for this period: {document} removed it from {since}",
    "err.unknown_id_invisible": "unknown target id: it holds an invisible character, {code} "
    "{name}; delete it ({hint})",
    "err.unknown_id_character": "unknown target id: it holds '{character}', {code} {name}, which "
    "no id holds (ids are Latin letters without accents, digits and '_'); type the id again "
    "({hint})",
    "err.unknown_key_hint": "unknown key; {hint}",
    "err.not_derivable": "'baseline' and 'current' apply only to growth and change targets; "
    "this is a {kind} target, give 'value'",
    "err.zero_baseline": "a growth baseline must not be 0",
    "err.whole_count": "a count must be a whole number, got {value}",
    "err.implausible": "value '{value}' is outside the plausible range {low} to {high} {unit}",
    "err.implausible_derived": "derived value {value} is outside the plausible range {low} to "
    "{high} {unit}",
    "err.thousands_hint": "; if {value} means {meant} (a '.' between thousands), write {meant}",
    "err.index_hint": "; if {value} is an index against the same period last year, the growth "
    "is {growth}: write {growth}",
    "err.rule_sum": "{terms} = {total}, expected {expected} ± {tolerance}: {description}",
    "err.rule_at_most": "{value} is above {limit} ({limit_value}); {description}",
    "err.not_number_text": "expected a number, got '{text}'; write it like 7.5 or \"7,5\"",
    "err.english_separators": "'{text}' mixes separators the English way; write {plain} "
    '(or "{vi}")',
    "err.not_a_number": "'{text}' is not a number; write it like 1234.5",
    "err.ambiguous": "'{text}' could be {small_said} or {large}; write {small} or {large}, "
    "without a thousands separator",
    "err.not_number_text@xlsx": "expected a number, got '{text}'; type it like 7.5 or 7,5",
    "err.ambiguous@xlsx": "'{text}' could be {small_said} or {large}; type {small} or {large}, "
    "without a thousands separator",
    "err.english_separators@xlsx": "'{text}' mixes separators the English way; type {plain} "
    "(or {vi})",
    "err.invisible": "'{text}' holds an invisible character, {code} {name}; delete it and "
    "type the number again",
    "err.unit": "'{text}' has a unit after the number; remove the unit: write {number}",
    "err.percent_sign": "'{text}' has a '%', but this target is not a percentage; write {number}",
    "err.cannot_read": "cannot read file: {reason}",
    "err.not_in_folder": "no such file in the folder {folder}",
    "err.no_folder": "no folder {folder}, where it would be",
    "err.too_large": "file is larger than {max_bytes} bytes; a report is far smaller",
    "err.utf16": "file is UTF-16; save it as UTF-8",
    "err.not_utf8": "byte 0x{byte} is not valid UTF-8; save the file as UTF-8",
    "err.invalid_yaml": "invalid YAML: {what}",
    "err.too_deep": "values nest deeper than {depth} levels",
    "err.too_deep_report": "values nest deeper than {depth} levels; a report needs three",
    "err.alias_bomb": "aliases expand to more than {count} values; write values out",
    "err.tag": "YAML tag '{tag}' is not allowed; a report holds plain values",
    "err.complex_key": "keys must be plain names; merge keys and complex keys are not supported",
    "err.duplicate_key": "duplicate key, first given at line {line}; each key may appear once",
    "err.cannot_read_directory": "cannot read this directory: {reason}; the reports in it "
    "are not checked",
    "err.empty_directory": "no report (.yaml, .yml or .xlsx) in this directory",
    "err.empty_directory_below": "no report (.yaml, .yml or .xlsx) in this directory or below it",
    "err.no_match": "no file matches this pattern",
    "err.other_year": "period {period} is of {year}, but {first} is of {first_year}; review "
    "reports of one year together",
    "err.period_twice": "period {period} is also the period of {other}; give one report per "
    "period and basis (`nq94 diff` compares two submissions)",
    "err.other_targets": "this report is checked against {targets}, {first} against "
    "{first_targets}: a year's reports are reviewed against one targets file (name it with "
    "--targets)",
    # the command line
    "cli.wrote": "wrote {output}",
    "cli.unknown_extension": "unknown extension '{suffix}'; use one of {known}",
    "cli.overwrite_report": "the output would overwrite the report itself",
    "cli.not_a_period": "'{period}' is not a period; use {year}, {year}-H1, {year}-9M, {year}-Q3 "
    "or {year}-M05{hint}",
    "cli.exists": "{output} already exists; use --force to overwrite it",
    "err.cannot_write": "nq94: cannot write {output}: {reason}",
    "err.not_regular": "not a regular file",
    "err.symlink": "a symbolic link, not a regular file; name the file it points to instead",
    "err.stdout": "standard output",
    "os.no_space": "No space left on device",
    "os.quota": "Disk quota exceeded",
    "os.too_big": "File too large",
    "os.read_only": "Read-only file system",
    "os.denied": "Permission denied",
    "os.not_permitted": "Operation not permitted",
    "os.no_such_file": "No such file or directory",
    "os.not_a_directory": "Not a directory",
    "os.is_a_directory": "Is a directory",
    "os.name_too_long": "File name too long",
    "os.loop": "Too many levels of symbolic links",
    "os.io": "Input/output error",
    "os.bad_descriptor": "Bad file descriptor",
    "cli.unknown_target": "nq94: unknown target id '{id}'; {hint}",
    "cli.worker_lost": "nq94: a worker process stopped unexpectedly; nothing more was checked",
    "cli.out_of_memory": "nq94: out of memory; nothing more was checked",
    "help.app": "Check reports against the targets of a document (a Council's resolution, a plan, "
    "the Government's assigned figures): which are met, missed or at risk.",
    "help.version": "Show the version and exit.",
    "help.lang": "Language of the output: vi or en. [default: vi when the locale (LANG, "
    "LC_ALL) is Vietnamese, else en]",
    "help.targets_file": "The targets file to check against; else the report's own targets: line, "
    "then NQ94_TARGETS, then targets = in an nq94.toml here or above, then the targets built into "
    "nq94.",
    "help.as_of": "Judge every report by the targets in force on this day (YYYY-MM-DD), rather "
    "than on the last day of its period.",
    "help.paths": "Report files, directories (their .yaml/.yml/.xlsx files) or globs "
    "('reports/**/*.yaml').",
    "help.format": "Output format. auto: github under GitHub Actions, table on a terminal, "
    "else text.",
    "help.recursive": "Look for reports below directories too.",
    "help.max_bytes": "Refuse report files larger than this, before reading them.",
    "help.check": "Validate each report and show, for every target, whether it is met, missed "
    "or at risk.",
    "help.check_exit": "Exit codes: 0 every file valid; 1 a status at or beyond --fail-on; 2 "
    "invalid input (one FILE:LINE:COL: line per problem on stderr).",
    "help.strict": "Treat warnings (figures that look wrong, such as 0.95 for 95 %) as "
    "problems: exit 2.",
    "help.fail_on": "Exit 1 when a target of any report is missed ('missed'), or missed or at "
    "risk ('at-risk').",
    "help.validate": "Check that reports are well formed, plausible and consistent, without "
    "evaluating targets.",
    "help.validate_exit": "Exit codes: 0 every file valid; 2 a file is invalid (FILE:LINE:COL: "
    "lines).",
    "help.review_format": "Output format; auto is the table.",
    "help.trend": "Show each target across the periods of a year: status in each, course, year "
    "end, pace.",
    "help.trend_exit": "Exit codes: 0 reports read; 2 invalid input, another year or a period "
    "twice.",
    "help.trend_reports": "Reports of one year, in any order (one per period): files, folders "
    "or patterns ('reports/*.yaml').",
    "help.diff": "List what changed between two reports: figures, and statuses, worst first.",
    "help.diff_exit": "Exit codes: 0 compared; 1 a status got worse, with --fail-on regressed; "
    "2 invalid input.",
    "help.diff_old": "The earlier report.",
    "help.diff_new": "The later report.",
    "help.fail_on_regressed": "Exit 1 when any target's status got worse ('regressed').",
    "help.export": "Write a report's status table to a file for people: CSV, JSON, Markdown, "
    "HTML or Excel.",
    "help.export_report": "The report to export.",
    "help.export_output": "File to write; its extension picks the format: .csv .json .md .html "
    ".xlsx",
    "help.schema": "Print the JSON Schema of a report file, for editors and schema validators.",
    "help.template": "Write a blank report listing every target, with its name, unit and "
    "threshold.",
    "help.template_period": "Period of the report, e.g. YYYY-9M. [default: the targets' year]",
    "help.template_basis": "Whether the figures are final: official, preliminary or estimate "
    "(chính thức, sơ bộ, ước tính).",
    "help.template_output": "File to write instead of stdout.",
    "help.force": "Overwrite the output file (-o) if it exists.",
    "help.targets": "Check a targets file and list its targets with the document's words and what "
    "each amendment changed, or explain one target.",
    "help.schema_targets_file": "Print the schema of a targets file instead of a report's.",
    "help.init": "Write a targets file to fill in: a document and one example of each way a "
    "document words a target, commented.",
    "help.init_year": "The year the targets are for.",
    "help.init_output": "The targets file to write (.yaml).",
    "help.target_id": "A target id to explain; all targets are listed without it.",
    "help.heading.arguments": "Arguments",
    "help.heading.options": "Options",
    "help.heading.commands": "Commands",
    "help.heading.default": "[default: {{}}]",
    "help.heading.required": "[required]",
    "help.heading.envvar": "[env var: {{}}]",
    "yaml.mapping_values": "a value cannot start here (often a missing space after ':', or "
    "wrong indentation)",
    "yaml.expected_key": "expected a key here (often wrong indentation)",
    "yaml.unclosed_list": "expected ',' or ']' (a list left open)",
    "yaml.unclosed_mapping": "expected ',' or '}}' (a mapping left open)",
    "yaml.bad_character": "a character that cannot start a value (such as a tab; indent with "
    "spaces)",
    "yaml.tab": "a tab; indent with spaces",
    "yaml.control": "a control character ({code}) that a report cannot hold, often pasted from "
    "Word (Shift+Enter); delete it",
    "yaml.end_of_stream": "the file ends too soon (often a quote left open)",
    "yaml.unclosed_quote": "a quote opened here is never closed",
    "yaml.another_document": "a second document (---); a report is one document",
    "yaml.escape": "an unknown escape after \\ in double quotes; write \\\\ for a backslash, "
    "or use single quotes",
    "yaml.undefined_alias": "an alias (*) to no anchor (&)",
    "yaml.expected_colon": "expected ':' after a key",
    # workbooks: the template, and reading one back
    "workbook.title": "Report on the {year} targets of {document_lower}",
    "workbook.instructions": "Fill in the yellow cells: a figure per target you have one for, "
    "and leave the others empty (no data). Growth and change targets may instead give the "
    "baseline and current figures. Check the file with: nq94 check FILE.xlsx",
    "workbook.period": "Period",
    "workbook.basis": "Basis",
    "workbook.source": "Source",
    "workbook.targets": "Targets file",
    "workbook.choose_period": "Choose the period from the list.",
    "workbook.choose_basis": "Choose official, estimate or preliminary from the list.",
    "workbook.period_hint": "code of the period, from the list",
    "workbook.basis_hint": "official, estimate or preliminary, from the list",
    "workbook.out_of_range": "Enter a number from {low} to {high} {unit}.",
    "workbook.column.id": "Target id",
    "workbook.column.section": "Section",
    "workbook.column.target": "Target (the {kind_lower}'s words)",
    "workbook.column.unit": "Unit",
    "workbook.column.threshold": "Required",
    "workbook.column.value": "Value",
    "workbook.column.baseline": "Last year",
    "workbook.column.current": "This year",
    "workbook.column.source": "Source",
    "workbook.column.note": "Note",
    "err.xlsx.xls": "an Excel 97-2003 workbook (.xls); open it and save it as .xlsx",
    "err.xlsx.xlsb": "an Excel binary workbook (.xlsb); open it and save it as .xlsx",
    "err.xlsx.ods": "an OpenDocument spreadsheet (.ods); open it and save it as .xlsx",
    "err.xlsx.macros": "a workbook with macros (.xlsm), which nq94 does not open; save it as "
    ".xlsx (Excel Workbook)",
    "err.xlsx.encrypted": "a workbook protected by a password; remove the password (File > Info "
    "> Protect Workbook) and save it as .xlsx",
    "err.xlsx.links": "the workbook links to other files; break the links (Data > Edit Links) "
    "and save it as .xlsx",
    "err.xlsx.not_a_workbook": "not an .xlsx workbook; give a report in YAML or .xlsx",
    "err.xlsx.damaged": "the workbook is damaged or cut short; open it in Excel or LibreOffice "
    "and save it as .xlsx again",
    "err.xlsx.entities": "the workbook holds XML entity declarations, which no spreadsheet "
    "program writes; open it in Excel or LibreOffice and save it as .xlsx again",
    "err.xlsx.too_large": "the workbook unpacks to more than {max_bytes} bytes; a report is far "
    "smaller",
    "err.xlsx.unsafe": "workbooks cannot be read safely without defusedxml; reinstall nq94",
    "err.xlsx.own_output": "a workbook 'nq94 {command} -o' wrote for people, not a report; "
    "keep it apart from the reports (a folder of reports is read whole)",
    "err.xlsx.no_header": "no header row naming the columns 'id' and 'value'; restore the "
    "template's header row (row 8) or start from nq94 template -o report.xlsx",
    "err.xlsx.no_value_column": "the header row has no column 'value'; restore the header",
    "err.xlsx.no_period": "no period cell: give the cell holding the period the name 'period' "
    "(Formulas > Define Name), or write 'period' in a cell above the header and the period in "
    "the cell to its right",
    "err.xlsx.empty_period": "the period cell is empty; choose the period from the list (e.g. "
    "{year}-9M)",
    "err.xlsx.period_elsewhere": "the period cell is empty, and {cells} each hold a period; fill "
    "in this cell with the period meant",
    "err.xlsx.figures_elsewhere": "no figures on this sheet, but the sheets {sheets} hold figures "
    "under the same headers; nq94 reads one sheet: keep the figures on one and delete the other "
    "copies",
    "err.xlsx.figures_also": "the sheets {sheets} hold figures too, under the same headers; nq94 "
    "reads one sheet of a report: keep the figures on '{sheet}' alone and delete the copies",
    "note.xlsx.sheet_read": "{file}: no figures on the sheet '{empty}'; read the figures from the "
    "sheet '{read}', the only one that holds any",
    "note.xlsx.period_read": "{file}: the period cell {cell} is empty; read the period from "
    "{other}, the only other sheet that holds one",
    "note.xlsx.period_found": "{file}: no period cell on the report's sheet; read the period from "
    "{other}, the only sheet that holds one",
    "err.xlsx.uncalculated": "a formula without a saved result; open and save the file in Excel "
    "or LibreOffice",
    "err.xlsx.error_cell": "the cell shows the error {error}; correct its formula",
    "err.xlsx.percent_cell": "the cell is formatted as a percentage, but this target is in "
    "{unit}; format it as a number",
    "err.xlsx.percent_cell_typed": "the cell is formatted as a percentage, but this target is in "
    "{unit}: type {number} in a cell formatted as a number",
    "err.xlsx.no_id": "figures without a target id in column {column}; fill it in or clear the row",
    "err.xlsx.duplicate_id": "target {id} given twice, first in row {row}; give each target once",
    "err.xlsx.empty": "the file is empty; give a report in YAML or .xlsx",
    "err.xlsx.strict": "a Strict Open XML workbook, which nq94 does not read; save it as Excel "
    "Workbook (.xlsx)",
    "err.xlsx.duplicate_column": "the header names '{key}' in {first} and again in {again}; "
    "keep one column '{key}'",
    "err.xlsx.no_header_sheet": "no sheet has a header row naming the columns 'id' and 'value'; "
    "restore the template's header row (row 8) or start from nq94 template -o report.xlsx",
    "err.xlsx.name_range": "the name '{name}' points to the range {value}, not to one cell; "
    "point it to the cell that holds the {name} (Formulas > Name Manager)",
    "err.xlsx.name_deleted": "the name '{name}' points to a deleted cell ({value}); point it to "
    "the cell that holds the {name} (Formulas > Name Manager)",
    "err.xlsx.name_not_cell": "the name '{name}' is not a cell ({value}); point it to the cell "
    "that holds the {name} (Formulas > Name Manager)",
    "err.xlsx.merged_header": "a figure under the header '{key}', which is merged over {cells}: "
    "nq94 reads column {column} only; unmerge the header and move the figure to column {column}",
    "workbook.a_number": "Enter a number.",
    "workbook.whole_in_range": "Enter a whole number from {low} to {high} {unit}.",
    # nq94 convert
    "help.convert": "Convert a report between YAML and Excel (.xlsx), losing nothing.",
    "help.convert_input": "The report to convert: .yaml, .yml or .xlsx.",
    "help.convert_output": "File to write: .xlsx from YAML, .yaml from a workbook.",
    "cli.one_report": "'{pattern}' names {count} reports; name one",
    "cli.convert_kinds": "convert turns YAML into .xlsx or .xlsx into YAML; name the output "
    ".xlsx, .yaml or .yml, unlike the input",
    # usage: help and usage errors, which typer says in English only
    "help.help": "Show this message and exit.",
    "help.usage": "Usage:",
    "help.options_metavar": "[OPTIONS]",
    "help.command_metavar": "COMMAND [ARGS]...",
    "usage.see_help": " (see: {command} --help)",
    "usage.missing_argument": "missing argument {name}",
    "usage.missing_option": "missing option {name}",
    "usage.no_such_option": "no such option: {name}{hint}",
    "usage.needs_value": "option {name} needs a value",
    "usage.extra_arguments": "unexpected extra arguments: {arguments}",
    "usage.choice": "'{value}' is not one of {choices}",
    "usage.basis": "'{value}' is not a basis; use official, preliminary or estimate (chính thức, "
    "sơ bộ, ước tính)",
    "usage.date": "'{value}' is not a day: write it as 2025-02-25",
    "usage.range": "{value} is outside the range {low} to {high}",
    "usage.integer": "expected a whole number",
    "usage.at_least": "expected {bound} or more",
    "usage.at_most": "expected {bound} or less",
    "usage.bad_value": "invalid value: {reason}",
    "help.metavar.number": "NUMBER",
    "help.metavar.file": "FILE",
    "help.metavar.path": "PATH",
    "help.metavar.report": "REPORT",
    "help.metavar.id_or_file": "ID|FILE",
    "help.metavar.day": "YYYY-MM-DD",
    "help.metavar.basis": "BASIS",
    "help.metavar.period": "PERIOD",
    "help.metavar.old": "OLD",
    "help.metavar.new": "NEW",
    "usage.no_such_command": "no such command: {name}{hint}",
    "usage.missing_command": "missing command",
    # nq94 site
    "help.site": "Build a static site for Council members from one year's reports: an overview "
    "and a page per target, in Vietnamese and English, with charts and the figures to download.",
    "help.site_exit": "Exit codes: 0 site built; 2 invalid input, another year or a period twice, "
    "or an output that is not a new or empty folder or a site nq94 built.",
    "help.site_output": "Folder to build the site in: new, empty, or a site nq94 built before "
    "(replaced whole).",
    "cli.site_wrote": "wrote {output}: {pages} pages; open {index}",
    "site.not_a_folder": "a file, not a folder; name a new or empty folder for the site",
    "site.not_ours": "a folder nq94 did not build, and not empty; name a new or empty folder, or "
    "a site nq94 built before",
    "site.symlink": "a symbolic link; name the folder it points to instead",
    "site.not_built": "a site nq94 built, which now also holds '{file}', a file nq94 did not "
    "build; move it out of the folder, or name another folder",
    "site.unreadable": "cannot read {folder}: {reason}; nq94 replaces a site only when it can see "
    "every file in it",
    "site.protected": "{folder} is write-protected: nq94 could not remove the files in it, and "
    "replaces a site only whole; make it writable, or name another folder",
    "site.previous_left": "the new site is in place, but the previous one could not be removed "
    "whole: what is left of it is in {folder}",
    "site.current_folder": "the folder you are in, or one that holds it; nq94 replaces the site's "
    "folder whole: name it from outside (cd .. first)",
    "site.mount_point": "a mount point, which cannot be replaced; name a folder inside it",
    "site.title": "{document}: the targets for {year}",
    "site.overview": "Overview",
    "site.skip": "Skip to the content",
    "site.scorecard": "At a glance",
    "site.latest": "By the latest report, {period}",
    "site.by_section": "Every target",
    "site.course": "Through the year",
    "site.course_note": "A chart per target: its figure in each report against the target. "
    "Reports: {periods}. Select a chart for the target's page.",
    "site.chart_tables": "The charts' figures, as tables",
    "site.reports": "The reports",
    "site.clause": "{document}, clause {clause}",
    "site.as_of": "by the report of {period}",
    "site.fact.margin": "At-risk margin",
    "site.fact.plan": "Plan for the period",
    "site.fact.needed": "The rest of the year",
    "site.fact.stretch": "Stretch level",
    "site.fact.amended": "Amended",
    "site.fact.also": "Another document",
    "site.margin": "±{margin}: an estimate or a part-year figure this close to the threshold is "
    "at risk",
    "site.no_margin": "none; a figure is met or missed as it stands",
    "site.fact.pace": "Pace",
    "site.chart_caption": "{name} in the reports of {year}, against the target {required}",
    "site.chart_amended": "; from {since}, as {document} amended it, {now} (was {was})",
    "site.key.figure": "Figure compared with the target",
    "site.key.projected": "Year-end figure: projected from the figure to date (hollow marks), "
    "or the year's",
    "site.key.hollow": "Hollow mark: a year-end figure projected from the figure to date",
    "site.key.to_date": "Figure to date (flows)",
    "site.key.target": "Target {required}",
    "site.key.target_line": "Target",
    "site.key.plan": "Plan for the period",
    "site.key.range": "Range that meets the target",
    "site.key.band": "At-risk band around the target",
    "site.key.at_risk": "At risk within ±{margin} (estimates and part-year figures)",
    "site.no_figures": "No report has a figure for this target yet.",
    "site.column.report": "Report",
    "site.column.figure": "Figure for the period",
    "site.column.plan": "Plan for the period",
    "site.column.compared": "Compared with the target",
    "site.table_caption": "The chart's figures, report by report ({unit})",
    "site.downloads": "Download the figures",
    "site.download_note": "The figures of every report, the same in both languages: period, "
    "basis, value, actual (the figure compared with the target), status, source, note.",
    "site.download.csv": "CSV, for a spreadsheet",
    "site.download.json": "JSON, for programs",
    "site.targets_nav": "Other targets",
    "site.previous": "Previous: {name}",
    "site.next": "Next: {name}",
    "site.footer.one": "Built by nq94 {version} from {count} report. The {kind_lower}'s words are "
    "quoted exactly; the figures are the report's.",
    "site.footer.other": "Built by nq94 {version} from {count} reports. The {kind_lower}'s words "
    "are quoted exactly; the figures are the reports'.",
    "help.trend_output": "Also write the trend to a file for people, chosen by its extension: "
    ".html (a printable page with each target's chart and table) or .xlsx (the table, and a "
    "chart per target).",
    "trendfile.title": "{document}: the targets through {year}",
    "trendfile.periods": "Reports: {periods}",
    "trendfile.at_a_glance": "At a glance: each target in each report",
    "trendfile.target": "Target",
    "trendfile.flows": "For a flow (accumulated over the year, such as budget revenue), a "
    "report's figure is its total to date, and its status is decided on that total projected "
    "to the year end, which the flow's chart shows.",
    "trendfile.sheet.table": "Trend",
    "trendfile.sheet.charts": "Charts",
    "trendfile.band_from": "At-risk band, from",
    "trendfile.band_to": "At-risk band, to",
    "help.diff_output": "Also write the changes to a file for people, chosen by its extension: "
    ".html (a printable page: the changes, then each changed target's chart and table) or .xlsx "
    "(the changes, and a chart per changed target).",
    "difffile.reports": "From {old} to {new}",
    "difffile.sheet.table": "Changes",
}
