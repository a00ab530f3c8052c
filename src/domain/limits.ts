// Every limit the build puts on its input, in one place (the table in content/README.md lists them).
// Each is far above what a real edition needs and low enough that no input takes more than a few
// seconds to reject.

export const limits = {
  /** Bytes in one CSV file (the largest real one is about 23 KB). */
  csvBytes: 2 * 1024 * 1024,
  /** Bytes in one Markdown or YAML file (the largest real one is about 6 KB). */
  textBytes: 64 * 1024,
  /** Lines in one Markdown file (the longest real one has 64); remark slows down sharply past a few thousand. */
  markdownLines: 1000,
  /** Emphasis, link and code marks (* _ ~ [ ] ` < > |) in one paragraph or list, before it is parsed. */
  markupMarks: 200,
  /** Block quotes and lists inside one another (the report prints two levels). */
  nesting: 8,
  /** Emphasis, bold and links inside one another. */
  inlineNesting: 8,
  /** Columns of indentation before a line's text, so remark never parses thousands of levels. */
  indentColumns: 40,
  /** Characters in one paragraph (the longest real one is about 1,400). */
  paragraphChars: 5000,
  /** Characters in one word; a longer one would run off the page (a narrow column holds about 45). */
  wordChars: 40,
  /** Bytes in one image file. */
  imageBytes: 10 * 1024 * 1024,
  /** Pixels in one image (width × height): 25 million is a full A4 page at 600 dpi. */
  imagePixels: 25_000_000,
  /** Errors listed for one file; the rest are counted in one last line. */
  errorsPerFile: 20,
} as const;
