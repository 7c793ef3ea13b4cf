"""Exporters: a built chronology in the formats its users work in."""
