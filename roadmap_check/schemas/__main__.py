"""``python -m roadmap_check.schemas``: bring the generated parts of the shipped JSON Schemas
up to date (the codes a waiver may name, from the registry; the words every pattern says)."""

from __future__ import annotations

from roadmap_check.schemas import sync

if __name__ == "__main__":
    for changed in sync():
        print(f"updated {changed}")
