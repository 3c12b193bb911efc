"""Multi-step writes of the conferences app (see registrations.py for seats and waiting lists)."""
