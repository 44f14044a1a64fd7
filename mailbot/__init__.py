"""mailbot: books online job consultations (オンライン職業相談) for ハローワーク秋田 by email."""

__version__ = "0.1.0"
