"""Inbound fax providers: one module each, a pure ``parse_delivery`` plus an API client."""
