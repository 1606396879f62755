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

# Headings in one text: the lines that begin with a heading's numeral
# (一、 （一） 1. （1）) or Markdown's hashes, and the paragraphs a format
# marks as headings, counted by their shape before the grammar types them. A
# report has 5 to 250; a text of nothing but short headings within
# MAX_TEXT_CHARS has 250,000, and every one of them is a part every rule
# looks at (a finding or two each): 20 s and 750 MB, where the limit keeps
# any text within 5 s and 500 MB.
MAX_HEADINGS = 5_000

# A saved web page (.html, .htm), as bytes. A report's page is 30 to 300 KB.
# Markup that is nothing but tags (a million <div>, <li> or <b>x</b>) costs
# the reader up to 0.4 s of CPU a MB: a page at the limit reads in under 2 s
# and 180 MB.
MAX_HTML_BYTES = 5 * MIB

# A .docx package (a ZIP archive of XML parts).
MAX_ZIP_ENTRIES = 2000
# The central directory, as its end record gives its size: room for the 2000
# entries at 512 bytes each (a 46-byte record, a name, extra fields), where a
# report has 10 to 50 entries of about 80. zipfile builds an entry for every
# record in it whatever the count says, and 1 MiB holds at most 22,795.
MAX_CENTRAL_DIRECTORY = 1 * MIB
MAX_UNPACKED = 200 * MIB  # all entries together, images included
# The XML parts python-docx parses (document, styles, numbering, headers,
# relationships ...), each and together, unpacked; images and other media are
# held only to MAX_UNPACKED. A report's document.xml is 0.1 to 3 MB. lxml holds
# attribute-dense XML in about 25 times its size, and reading costs ~1.5 us a
# paragraph: the worst packages at these limits (10 MB of attributes, of empty
# or numbered paragraphs) read in under 2 s and 310 MB.
MAX_XML_PART = 10 * MIB
MAX_XML_TOTAL = 12 * MIB
MAX_RATIO = 200  # unpacked/packed for one entry of more than RATIO_FLOOR bytes
RATIO_FLOOR = 1 * MIB

# A .pdf, in pages. A report runs 3 to 90 pages; every page is opened and its
# text laid out (5 to 15 ms a page), so a PDF of many thousand empty pages
# would cost a minute before its text was even counted: at the limit a PDF
# reads in under 8 s. Counted before any page is read.
MAX_PAGES = 500

# One conversion by LibreOffice (.doc, .wps, .odt, .rtf to .docx), in seconds,
# start-up included: a report converts in 1 to 5 s, the first run of a new
# profile adds about as much again.
CONVERSION_SECONDS = 90


def mib(size: int) -> str:
    """A size in MB as the messages give it: whole, or to one decimal rounded
    up, so that a size over a limit never reads as the limit (50 MiB and one
    byte is 50.1 MB, not 50)."""
    tenths = -(-size * 10 // MIB)
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"
