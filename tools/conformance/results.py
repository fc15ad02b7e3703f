"""What a suite says of each of its cases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CaseResult", "Status"]

Status = Literal["passed", "failed", "out_of_scope"]


@dataclass(frozen=True)
class CaseResult:
    """One case: ``passed``, ``failed`` (with what differed), or ``out_of_scope`` (with why)."""

    case_id: str
    status: Status
    detail: str = ""
