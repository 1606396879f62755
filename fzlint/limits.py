"""The limits every input is held to, in one place.

fzlint reads untrusted files (drafts mailed in, pages saved from the web,
Word packages) by the thousand, so every reader obeys the same policy: an
input beyond a limit is refused with a one-line FZ901 naming the limit,
before the work it would cost is done, and everything within the limits is
read in time linear in its size. The README's "Limits" section states them.
"""

MIB = 1024 * 1024

# Any input, as bytes: a file on disk, standard input.
MAX_FILE_BYTES = 50 * MIB

# The text of a draft once its format is read (.txt, .md, .docx, .html alike),
# in characters. A report runs 5,000 to 50,000 characters; this is twenty
# times the longest.
MAX_TEXT_CHARS = 1_000_000

# A .docx package (a ZIP archive of XML parts).
MAX_ZIP_ENTRIES = 2000
MAX_UNPACKED = 200 * MIB  # all entries together, images included
MAX_RATIO = 200  # unpacked/packed for one entry of more than RATIO_FLOOR bytes
RATIO_FLOOR = 1 * MIB


def mib(size: int) -> str:
    """A size in MB as the messages give it (at least 1 for any nonzero size)."""
    return str(max(1, size // MIB) if size else 0)
