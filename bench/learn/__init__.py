"""Learned steps measured against the rules: trained and cross-validated on the annotated stories."""
