"""The web application over the store: feeds, mail and (webcore) the Flask app."""
