from django.apps import AppConfig


class VertrouwenspersonenConfig(AppConfig):
    name = "vertrouwenspersonen"
    verbose_name = "Confidential counsellors"
