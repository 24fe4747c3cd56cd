from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    """The three ways in besides the public form: the manager channel, advice requests, and the
    reporter-facing channel guide with its procedure pages. Every channel ends in intake's Report."""

    name = "meldpunt.channels"
    label = "channels"
    verbose_name = "Channels and procedure information"
