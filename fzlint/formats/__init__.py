"""The formats a draft comes in besides plain text, one module each.

read.py chooses the format by extension and content; docx.py and html.py turn
a file into a Source whose lines are paragraphs (with LineHints for headings
and table cells); markdown.py tells parse.py what of a .md file is not text.
Every format reaches the same Document, so every rule works unchanged.
"""


class FormatError(Exception):
    """A file its format's reader cannot read; zh and en say why in one line."""

    def __init__(self, zh: str, en: str):
        super().__init__(zh)
        self.zh, self.en = zh, en
