"""data-density: the share of statements (sentences, less run-in item heads) in
the listed parts that carry at least one figure, when it is below `threshold`.
One finding per document, at the first such part; documents with fewer than
`min_sentences` statements there are not judged."""

from __future__ import annotations

from .. import prose
from ._spans import heading_hit
from . import validate_roles

KIND = "data-density"
PARAMS = {"roles": (list, None), "threshold": (float, 0.35), "min_sentences": (int, 5)}
VARIANTS = ("default",)


def validate(params, vocabulary):
    if not 0 < params["threshold"] <= 1:
        return "threshold: expected a share between 0 and 1 (e.g. 0.35)"
    return validate_roles(params["roles"], vocabulary)


def measure(doc, roles, figures) -> tuple[int, int]:
    """(statements with a figure, statements) in the parts of the roles; the
    review page (fzlint report) shows the same count."""
    pt, spans = prose.spans_of(doc, roles, figures)
    statements = pt.statements(spans)
    return sum(1 for s in statements if pt.has_figure(*s)), len(statements)


def too_low(with_figures: int, total: int, params) -> bool:
    return total >= params["min_sentences"] and with_figures / total < params["threshold"]


def check(doc, params, ctx):
    parts = [p for p in doc.sections if p.role in params["roles"]]
    if not parts:
        return
    with_figures, total = measure(doc, params["roles"], ctx.figures)
    if too_low(with_figures, total, params):
        yield heading_hit(parts[0], {"count": with_figures, "total": total,
                                     "share": round(100 * with_figures / total),
                                     "threshold": round(100 * params["threshold"])})
