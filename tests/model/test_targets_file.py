"""The shipped targets file encodes Resolution 94/NQ-HĐND as the product brief lists it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nq94.model import Kind, Operator, TargetsFile

from ..conftest import ROOT

# id, section, operator, threshold, kind: the brief's tables, in the resolution's order
SPEC = [
    ("grdp_growth", "economic", ">=", "7.5", "growth"),
    ("structure_industry_construction", "economic", "≈", "58.6", "share"),
    ("structure_services_taxes", "economic", "≈", "31.8", "share"),
    ("structure_agriculture", "economic", "≈", "9.6", "share"),
    ("industrial_output_growth", "economic", ">=", "8.5", "growth"),
    ("agricultural_output_growth", "economic", ">=", "3.5", "growth"),
    ("export_growth", "economic", ">=", "8", "growth"),
    ("local_export_growth", "economic", ">=", "9", "growth"),
    ("grdp_per_capita", "economic", ">=", "123", "level"),
    ("budget_revenue", "economic", ">=", "19515", "flow"),
    ("trained_labour_rate", "social", ">=", "74", "rate"),
    ("certified_labour_rate", "social", ">=", "36.5", "rate"),
    ("urban_unemployment_rate", "social", "<", "3", "rate"),
    ("poverty_rate_reduction", "social", ">=", "0.8", "change"),
    ("social_insurance_rate", "social", ">=", "42.5", "rate"),
    ("new_rural_communes", "social", ">=", "2", "count"),
    ("new_rural_districts", "social", ">=", "1", "count"),
    ("health_standard_communes_rate", "social", ">=", "72", "rate"),
    ("health_insurance_rate", "social", ">=", "95", "rate"),
    ("national_standard_schools_rate", "social", ">=", "89", "rate"),
    ("ethnic_boarding_pupils_rate", "social", ">=", "8", "rate"),
    ("cultural_families_rate", "social", ">=", "90", "rate"),
    ("cultural_hamlets_rate", "social", ">=", "90", "rate"),
    ("cultural_agencies_rate", "social", ">=", "92", "rate"),
    ("forest_cover_rate", "environment", ">=", "46", "rate"),
    ("rural_clean_water_rate", "environment", ">=", "97.5", "rate"),
    ("public_investment_disbursement_rate", "other", ">=", "100", "flow"),
    ("war_invalid_work_communes_rate", "other", ">=", "100", "rate"),
    ("military_recruitment_rate", "other", ">=", "100", "rate"),
    ("defence_drill_districts", "other", ">=", "3", "count"),
]


def test_ids_and_order(targets: TargetsFile) -> None:
    """All 30 ids of the brief, in its order: 26 main targets, then 4 other commitments."""
    assert [t.id for t in targets.targets] == [row[0] for row in SPEC]
    assert sum(t.section != "other" for t in targets.targets) == 26


@pytest.mark.parametrize(("target_id", "section", "operator", "threshold", "kind"), SPEC)
def test_comparison_of_each_target(
    targets: TargetsFile, target_id: str, section: str, operator: str, threshold: str, kind: str
) -> None:
    """Each target compares as the brief says."""
    target = targets.by_id[target_id]
    assert (target.section, target.operator, target.threshold, target.kind) == (
        section,
        Operator(operator),
        Decimal(threshold),
        Kind(kind),
    )
    low, high = target.plausible
    assert low <= target.threshold <= high


def test_words_are_quoted_with_their_numbers(targets: TargetsFile) -> None:
    """The resolution's words carry the number in its Vietnamese form (7,5% ; 19.515)."""
    by_id = targets.by_id
    assert by_id["grdp_growth"].words == "Tốc độ tăng trưởng kinh tế (GRDP): 7,5%"
    assert (
        by_id["budget_revenue"].words == "Thu ngân sách nhà nước trên địa bàn tỉnh: 19.515 tỷ đồng"
    )
    assert by_id["urban_unemployment_rate"].words == "Tỷ lệ thất nghiệp ở thành thị: Dưới 3%"
    assert by_id["new_rural_communes"].words == "Số xã đạt chuẩn nông thôn mới trong năm: 02 xã"


def test_default_margins(targets: TargetsFile) -> None:
    """0.5 for % and points, 2 % of the threshold for amounts, 0 for counts, never more than a
    tenth of the threshold; military recruitment, final once reported, has none."""
    by_id = targets.by_id
    assert by_id["grdp_growth"].at_risk_margin == Decimal("0.5")
    assert by_id["poverty_rate_reduction"].at_risk_margin == Decimal("0.08")
    assert by_id["urban_unemployment_rate"].at_risk_margin == Decimal("0.3")
    assert by_id["military_recruitment_rate"].at_risk_margin == 0
    assert by_id["budget_revenue"].at_risk_margin == Decimal("390.30")
    assert by_id["grdp_per_capita"].at_risk_margin == Decimal("2.46")
    assert by_id["new_rural_communes"].at_risk_margin == 0


def test_rules(targets: TargetsFile) -> None:
    """The structure shares add up to 100 ± 0.2; certified labour is within trained labour."""
    assert [rule.id for rule in targets.rules] == ["structure_adds_up", "certified_within_trained"]


def test_top_level_file_is_the_packaged_one() -> None:
    """targets.yaml at the top of the repository is the file shipped in the package."""
    top = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    assert top == (ROOT / "src" / "nq94" / "targets.yaml").read_text(encoding="utf-8")
