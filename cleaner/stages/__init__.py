"""Pipeline stages: plain functions ``stage(draft) -> None``, run in the order ``pipeline.STAGES`` gives."""
