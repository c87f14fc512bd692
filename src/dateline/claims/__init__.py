"""Claims: quotes and reported statements with speaker, channel and confirmation status."""
