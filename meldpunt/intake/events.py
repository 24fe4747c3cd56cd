"""Domain events that intake announces. Intake never imports the desks; the desks listen here.

They are sent explicitly by intake's services inside the transaction of the change, not from model
signals, so a listener's writes commit or roll back with it.
"""

from django.dispatch import Signal

# Sent with report=<Report> after a report is stored, inside report_submit's transaction.
report_received = Signal()
# Sent with report=<Report>, message=<MailboxMessage> after a reporter writes in the mailbox.
reporter_message_received = Signal()
# Sent with report=<Report>, meeting=<Meeting> when a reporter asks for a meeting from the mailbox.
meeting_requested = Signal()
# Sent with report=<Report>, minutes=<Minutes> when a reporter accepts minutes or asks for a correction.
minutes_answered = Signal()
# Sent with report=<Report>, checkin=<AftercareCheckIn> when a reporter answers an aftercare check-in.
aftercare_answered = Signal()
# Sent with report=<Report>, addition=<ReportAddition> when a reporter adds information to their report.
report_addition_received = Signal()
# Sent with report=<Report>, reissue=<ReceiptReissue> when a named reporter's request for a new code
# matched their report: the desk checks it and sends the one-time link.
receipt_reissue_requested = Signal()
# Sent with report=<Report>, disclosure=<IdentityDisclosure> when a reporter answers a request to pass
# their identity on (consent given or refused).
disclosure_answered = Signal()
# Sent with report=<Report>, consent=<ForwardingConsent> when a reporter answers a desk's question whether
# the report may go to another desk; a proposal to move (consent.moves_on_acceptance) that the reporter
# accepted is carried out by the desks' listener inside the same transaction.
forwarding_consent_answered = Signal()
