"""The desk's helpers (a team, cases in any state) for the attacks that need them."""

from tests.cases.conftest import case_in, cheap_receipt_hashes, team  # noqa: F401
