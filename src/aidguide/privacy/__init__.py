"""Privacy by design: personal data is masked before anything else sees a message."""

from aidguide.privacy.masking import MASKS, mask_personal_data

__all__ = ["MASKS", "mask_personal_data"]
