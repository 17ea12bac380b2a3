"""Tests of nq94."""
