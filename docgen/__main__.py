from docgen.cli import console_entry

console_entry()
