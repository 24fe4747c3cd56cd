from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "meldpunt.organisation"
    label = "organisation"
    verbose_name = "Posts and directorates"
