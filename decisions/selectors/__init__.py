"""Reads of the decision trail that pages, PDFs and the API share."""
