from .core import DESK_CCI, DESK_EXTERNAL, Row

DESKS = DESK_CCI | DESK_EXTERNAL

ROWS = [
    Row("cases:inbox", DESKS),
    # A CCI report: the external desk must not see it, nor anyone outside the desks.
    Row("cases:report-detail", DESK_CCI, kwargs=lambda ctx: {"report_id": ctx["cci_report"].pk}),
]
