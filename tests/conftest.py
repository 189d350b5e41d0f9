"""Shared test fixtures: where the real DOF samples and our own fixtures live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SAMPLES = ROOT.parent / "shared" / "dof-samples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden .expected.json files instead of comparing")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def samples() -> Path:
    """The real DOF samples in ../shared/dof-samples; tests using them skip when it is absent."""
    if not SAMPLES.is_dir():
        pytest.skip("../shared/dof-samples is not present")
    return SAMPLES
