"""Shared test fixtures: where the real DOF samples and our own fixtures live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests never fail on timing: CI shares 2 cores with other work. Under CI the examples
# are derandomized too, so a red build is reproducible and never a roll of the dice; locally
# hypothesis explores new examples on every run.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

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
