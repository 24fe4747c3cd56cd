"""The shipped content (content/*.po) is loaded by every migrate; transactional tests flush it, so load it again."""


def ensure_procedure_content() -> None:
    from meldpunt.content.models import ContentUnit
    from meldpunt.content.services import content_load

    if not ContentUnit.objects.filter(key="procedure/options-for-action/body").exists():
        content_load()


def unit(key: str, language: str) -> str:
    from meldpunt.content.models import ContentUnit

    return ContentUnit.objects.get(key=key, language=language).text
