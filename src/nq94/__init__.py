"""nq94: are the 2024 targets of Resolution 94/NQ-HĐND (Thái Nguyên) met, missed or at risk?"""

__version__ = "0.1.0"
