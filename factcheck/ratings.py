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
    slugs = _label_slugs(db, "WHERE scale_id = ?", [scale["id"]])
    if rating_slug not in slugs:
        raise unknown_label(rating_slug, f"on the {scale_slug!r} scale", slugs)
    return scale["id"]


def require_label(db, rating_slug):
    """422 naming every label, unless rating_slug is a label on some scale."""
    slugs = _label_slugs(db)
    if rating_slug not in slugs:
        raise unknown_label(rating_slug, "on any rating scale", slugs)


def _label_slugs(db, where="", params=()):
    sql = f"SELECT DISTINCT slug FROM rating_labels {where} ORDER BY scale_id, position"
    return [row["slug"] for row in db.query(sql, params)]


def unknown_label(rating_slug, where, slugs):
    """The 422 for a rating that is not a label: it lists the labels (slugs are lowercase,
    so a wrongly cased one is pointed at its spelling)."""
    hint = ""
    if rating_slug.lower() in slugs:
        hint = f" Labels are lowercase: {rating_slug.lower()!r}."
    return Invalid(
        f"{rating_slug!r} is not a label {where}.{hint}",
        {"rating": [f"Use one of: {', '.join(slugs)}."]},
    )
