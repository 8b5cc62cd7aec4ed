"""One reader per input file of a plugin. Only the readers touch the plugin folder."""
