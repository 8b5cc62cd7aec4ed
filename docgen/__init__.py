"""docgen: render and check the README.md of a Dokku datastore plugin from its source."""

__version__ = "0.1.0"
