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
  /** Bytes in one partner's mark (an SVG on the cover; a logo of plain shapes is a few KB). */
  markBytes: 256 * 1024,
  /** Partners' marks on the cover: more would not fit its foot in one row. */
  partners: 4,
  /** Bytes in one image file. */
  imageBytes: 10 * 1024 * 1024,
  /** Pixels in one image (width × height): 25 million is a full A4 page at 600 dpi. */
  imagePixels: 25_000_000,
  // Untrusted files the importers and `comments` read (issue 28). Each is checked before the work it
  // guards: zip sizes from the central directory before anything is inflated, the rest while scanning.
  /** Bytes in one spreadsheet, Word document or commented PDF given to an importer or `comments`. */
  importFileBytes: 64 * 1024 * 1024,
  /** Entries in one .xlsx, .ods or .docx archive (a real one has a few dozen). */
  zipEntries: 2000,
  /**
   * Bytes one archive entry may inflate to: about 100,000 rows of a sheet as XML. The sheet's XML is
   * parsed whole, at about eight times its size in memory, so this bounds the importer's peak memory
   * (bench/hostileInputs.ts measures it).
   */
  zipEntryBytes: 32 * 1024 * 1024,
  /** Bytes all of an archive's entries may inflate to together. */
  zipTotalBytes: 64 * 1024 * 1024,
  /** How many times larger an entry may be inflated than stored (text XML compresses to about 1:10; bombs reach 1:1000). */
  zipRatio: 200,
  /** Rows with content in one sheet (the Home Office table has about 30,000), repeats counted. */
  sheetRows: 200_000,
  /** Columns in one sheet: Excel's own limit (XFD). */
  sheetColumns: 16_384,
  /** The highest row number a cell may name: Excel's own limit. */
  sheetRowNumber: 1_048_576,
  /** Characters in one cell's text, spaces repeated by text:s counted. */
  cellChars: 32_767,
  /** Paragraphs in one Word document (a submission has a few dozen). */
  docxParagraphs: 5000,
  /** Bytes in one commented PDF given to `comments` (a draft of the report is about 5 MB). */
  commentPdfBytes: 100 * 1024 * 1024,
  /** Errors listed for one file; the rest are counted in one last line. */
  errorsPerFile: 20,
} as const;
