"""Offline-first sync between a desk and the central server (protocol: docs/sync.md)."""
