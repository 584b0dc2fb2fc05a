"""Doors that fetch faxes themselves: a polling loop over provider APIs without webhooks
(:mod:`ingest.doors.polling`, :mod:`ingest.doors.srfax`) and the fax-to-email door
(:mod:`ingest.doors.imap`)."""
