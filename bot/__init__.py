"""policybot: a knowledge bot that answers with cited, verbatim excerpts."""

__version__ = "0.1.0"
