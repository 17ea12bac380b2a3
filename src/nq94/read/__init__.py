"""Reading reports and targets files: YAML composed with the place of every part, workbooks read
at their cells, both validated by the models into located problems."""
