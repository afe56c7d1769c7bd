"""The worker page (placeholder until the page lands)."""

from fastapi import APIRouter

router = APIRouter()
