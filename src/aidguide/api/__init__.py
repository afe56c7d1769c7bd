"""The web layer: the only package that knows HTTP. Thin adapters over the services."""
