def retention_purge(**_kwargs) -> dict:  # filled in below
    return {}
