"""A double click on a step: the second request is told "done" when the case's latest change is that very
step by that very person, within the minute; after that, or by someone else, it is another's change."""

from cases import selectors


def test_a_step_counts_as_just_taken_by_its_taker_for_one_minute_to_the_second(case_in, team, clock):
    case = case_in()
    latest = case.history.order_by("-at").first()
    assert latest is not None
    step, taker = latest.transition, latest.by

    clock.shift(60)
    assert selectors.step_just_taken_by(case, step, taker)
    assert not selectors.step_just_taken_by(case, step, team["handler"])
    assert not selectors.step_just_taken_by(case, "close", taker)
    clock.shift(1)
    assert not selectors.step_just_taken_by(case, step, taker)
