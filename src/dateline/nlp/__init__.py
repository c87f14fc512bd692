"""NLP: spaCy loading and span proposal.  spaCy objects never leave this folder."""
