"""Rating scales stored in the database: looking up the label a verdict names."""

from factcheck.errors import Invalid

# Every label maps to one of these, so claims rated on different scales can be compared.
BUCKETS = ("true", "mostly_true", "mixed", "mostly_false", "false", "other")


def list_scales(db, default_scale):
    """Every scale with its labels, truest first."""
    labels_by_scale = {}
    for label in db.query(
        "SELECT scale_id, slug, name, description, ordinal, bucket FROM rating_labels "
        "ORDER BY scale_id, position"
    ):
        labels_by_scale.setdefault(label.pop("scale_id"), []).append(label)
    scales = list(db.query("SELECT id, slug, name, description FROM rating_scales ORDER BY id"))
    for scale in scales:
        scale["is_default"] = scale["slug"] == default_scale
        scale["labels"] = labels_by_scale.get(scale.pop("id"), [])
    return scales


def resolve_label(db, scale_slug, rating_slug):
    """The scale id for a (scale, rating) pair, or 422 naming what is wrong."""
    scale = next(db.query("SELECT id FROM rating_scales WHERE slug = ?", [scale_slug]), None)
    if scale is None:
        raise Invalid(f"There is no rating scale {scale_slug!r}.", {"scale": ["Unknown scale."]})
    slugs = [
        row["slug"]
        for row in db.query(
            "SELECT slug FROM rating_labels WHERE scale_id = ? ORDER BY position", [scale["id"]]
        )
    ]
    if rating_slug not in slugs:
        raise Invalid(
            f"{rating_slug!r} is not a label on the {scale_slug!r} scale.",
            {"rating": [f"Use one of: {', '.join(slugs)}."]},
        )
    return scale["id"]
