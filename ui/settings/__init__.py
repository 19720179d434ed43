"""Settings pages that have outgrown the one Settings form (the database this computer opens)."""
