"""fzlint: a linter for drafts of 法治政府建设年度报告.

Stages, one module each: read → parse → classify → check → report
(fzlint/pipeline.py runs them in order; fzlint/kinds holds the rule kinds,
rules/*.yaml the rule instances, grammar/report.lark the line grammar).
"""

__version__ = "0.1.0"
