"""Reads of the meeting cycle that pages, PDFs and the API share."""
