"""The coordinator's overview of the legal clocks: a report waits under "acknowledgement" until it is
acknowledged, and under "feedback" until the reporter has had feedback."""

from cases import selectors, services
from cases.models import StandardMessage


def test_the_overview_lists_each_report_under_the_clock_still_running_for_it(team, report_factory):
    coordinator = team["coordinator"]
    waiting, acknowledged, done = (report_factory().report for _ in range(3))
    for report in (acknowledged, done):
        services.report_message_send(
            report=report, actor=coordinator, kind=StandardMessage.Kind.ACKNOWLEDGEMENT, body="We have received your report."
        )
    services.report_message_send(
        report=done, actor=coordinator, kind=StandardMessage.Kind.FEEDBACK, body="We spoke with the manager concerned."
    )

    overview = selectors.deadline_overview(coordinator)
    assert [row["reference"] for row in overview["acknowledgement"]] == [waiting.reference]
    assert {row["reference"] for row in overview["feedback"]} == {waiting.reference, acknowledged.reference}
    assert overview["suspended"] == [] and overview["concerns"] == []
