from django.db import models


class RateLimitCounter(models.Model):
    """Fixed-window counters shared by all processes (one row per key and minute)."""

    key = models.CharField(max_length=200)
    window = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window"], name="ratelimit_unique_window")
        ]

    def __str__(self) -> str:
        return f"{self.key}@{self.window}: {self.count}"
