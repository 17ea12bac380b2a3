"""Rules across the targets of a file, which a report's figures must keep: shares that add up
to a total, one figure within another; pure, no I/O."""

from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, ConfigDict, Discriminator, Field, Tag
from pydantic_core import PydanticCustomError

from nq94.i18n import pick
from nq94.model.numtext import plain
from nq94.model.values import Frozen, Names, Number, invalid


def _at_least_two(names: tuple[str, ...]) -> tuple[str, ...]:
    if len(names) < 2:
        raise invalid("err.rule_targets")
    return names


class SumRule(Frozen):
    """Several targets' values must add up to a total, within a tolerance."""

    model_config = ConfigDict(json_schema_extra={"description": "schema.targets.sum_rule"})

    id: str = Field(description="schema.targets.rule_id")
    rule: Literal["sum"] = Field(description="schema.targets.rule")
    targets: Annotated[tuple[str, ...], AfterValidator(_at_least_two)] = Field(
        description="schema.targets.rule_targets"
    )
    total: Number = Field(description="schema.targets.total")
    tolerance: Number = Field(description="schema.targets.rule_tolerance")
    description: Names = Field(description="schema.targets.rule_description")

    @property
    def names(self) -> tuple[str, ...]:
        """The targets the rule speaks of."""
        return self.targets

    def broken(self, values: Mapping[str, Decimal]) -> PydanticCustomError | None:
        """Why ``values`` (by target id) break the rule; None when they keep it or lack one."""
        if not all(name in values for name in self.targets):
            return None
        total = sum((values[name] for name in self.targets), Decimal(0))
        if abs(total - self.total) <= self.tolerance:
            return None
        return invalid(
            "err.rule_sum",
            at=self.targets[:1],
            terms=" + ".join(self.targets),
            total=plain(total),
            expected=plain(self.total),
            tolerance=plain(self.tolerance),
            description=pick(self.description),
        )


class AtMostRule(Frozen):
    """One target's value must not exceed another's."""

    model_config = ConfigDict(json_schema_extra={"description": "schema.targets.at_most_rule"})

    id: str = Field(description="schema.targets.rule_id")
    rule: Literal["at_most"] = Field(description="schema.targets.rule")
    target: str = Field(description="schema.targets.rule_target")
    limit: str = Field(description="schema.targets.limit")
    description: Names = Field(description="schema.targets.rule_description")

    @property
    def names(self) -> tuple[str, ...]:
        """The targets the rule speaks of."""
        return self.target, self.limit

    def broken(self, values: Mapping[str, Decimal]) -> PydanticCustomError | None:
        """Why ``values`` (by target id) break the rule; None when they keep it or lack one."""
        if not (self.target in values and self.limit in values):
            return None
        if values[self.target] <= values[self.limit]:
            return None
        return invalid(
            "err.rule_at_most",
            at=(self.target,),
            value=plain(values[self.target]),
            limit=self.limit,
            limit_value=plain(values[self.limit]),
            description=pick(self.description),
        )


def _rule_kind(data: Any) -> Any:
    return data.get("rule") if isinstance(data, dict) else getattr(data, "rule", None)


Rule = Annotated[
    Union[Annotated[SumRule, Tag("sum")], Annotated[AtMostRule, Tag("at_most")]],  # noqa: UP007
    Discriminator(_rule_kind),
]
"""A rule across targets, of the kind its ``rule`` key names."""
