"""Translations inside the portal (issue 14): a desk asks a translator, who signed a confidentiality
statement, to translate one text of a report (its narrative, a message, an addition, minutes) into
Dutch or English, or one outgoing message into the reporter's written language. No text leaves the
portal. The translator sees the assigned text and nothing else, and only while the assignment is open.
"""
