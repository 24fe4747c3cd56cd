# Standard messages to reporters are content units: administrators edit them in the admin under
# "Ministry content" (meldpunt.content), with their translation status.
