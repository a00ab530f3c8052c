// A PDF/UA-1 checker for the machine-checkable conditions of the Matterhorn Protocol that the report
// can meet or break (veraPDF is not installable here). It reads the file back with pdf-lib: the
// catalog, the structure tree in reading order, each page's content streams, annotations and fonts.
// Each condition is named by its Matterhorn checkpoint; `checkPdf` lists what failed, where.
import { glyphUnicodeFindings } from "./glyphUnicode.ts";
import { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, PDFHexString, type PDFObject, type PDFPageLeaf } from "pdf-lib";

export interface Checkpoint {
  id: string;
  what: string;
}

/** The checkpoints this checker applies, in the order it reports them. */
export const checkpoints: Checkpoint[] = [
  { id: "01-005", what: "content is tagged or marked as an artifact" },
  { id: "01-007", what: "MarkInfo: Marked true, Suspects not true" },
  { id: "02-001", what: "every structure type is a standard one (no role map here)" },
  { id: "06-001", what: "the document has an XMP metadata stream" },
  { id: "06-002", what: "the XMP metadata identifies PDF/UA (pdfuaid:part)" },
  { id: "06-003", what: "the XMP metadata has dc:title" },
  { id: "07-001", what: "ViewerPreferences has DisplayDocTitle" },
  { id: "07-002", what: "DisplayDocTitle is not false" },
  { id: "09-004", what: "tables are built as ISO 32000-1 Table 337 says" },
  { id: "09-005", what: "lists are built as ISO 32000-1 Table 336 says" },
  { id: "11-001", what: "the natural language of the text can be determined (catalog /Lang)" },
  { id: "13-004", what: "every Figure has Alt or ActualText" },
  { id: "14-002", what: "the first numbered heading is H1" },
  { id: "14-003", what: "no numbered heading level is skipped going down" },
  { id: "15-003", what: "every TH has a Scope" },
  { id: "28-008", what: "a page with annotations has a Tabs entry" },
  { id: "28-009", what: "that Tabs entry is S" },
  { id: "28-011", what: "every link annotation is nested in a Link element" },
  { id: "28-012", what: "every link annotation has Contents" },
  { id: "31-009", what: "every font program is embedded" },
  { id: "31-027", what: "every font maps its glyphs to Unicode (ToUnicode), every code shown included" },
  { id: "31-028", what: "no code shown maps to U+0000" },
  { id: "31-029", what: "no code shown maps to U+FEFF or U+FFFE" },
  { id: "31-030", what: "no text shows the .notdef glyph" },
];

export interface Finding {
  checkpoint: string;
  message: string;
  /** The page (from 1) it concerns, when it concerns one. */
  page?: number;
}

/** A structure element as read back, in reading order. */
export interface StructNode {
  type: string;
  alt?: string;
  actualText?: string;
  scope?: string;
  children: StructNode[];
}

export interface CheckResult {
  tagged: boolean;
  findings: Finding[];
  /** The structure tree under the root, in reading order. */
  tree: StructNode[];
}

const standardTypes = new Set(
  "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form".split(" "),
);

const text = (value: PDFObject | undefined): string | undefined => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);

function streamBytes(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
}

// Operators that draw: text shown, paths painted, images and forms placed, shadings.
const drawing = new Set(["Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI"]);

/** How many drawing operators of a content stream lie outside any marked-content sequence. */
export function untaggedOperators(content: Uint8Array): number {
  const s = Buffer.from(content).toString("latin1");
  let depth = 0;
  let untagged = 0;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "%") {
      while (i < s.length && s[i] !== "\n" && s[i] !== "\r") i++;
    } else if (c === "(") {
      // A literal string, with nesting and escapes.
      let level = 0;
      for (; i < s.length; i++) {
        if (s[i] === "\\") i++;
        else if (s[i] === "(") level++;
        else if (s[i] === ")" && --level === 0) break;
      }
      i++;
    } else if (c === "<" && s[i + 1] === "<") {
      i += 2;
    } else if (c === "<") {
      i = s.indexOf(">", i) + 1 || s.length;
    } else if (/[A-Za-z'"*]/.test(c)) {
      let j = i;
      while (j < s.length && /[A-Za-z0-9'"*]/.test(s[j])) j++;
      const op = s.slice(i, j);
      if (op === "BMC" || op === "BDC") depth++;
      else if (op === "EMC") depth = Math.max(0, depth - 1);
      else if (op === "BI") {
        if (depth === 0) untagged++;
        const end = s.indexOf("EI", j);
        j = end < 0 ? s.length : end + 2;
      } else if (drawing.has(op) && depth === 0) untagged++;
      i = j;
    } else {
      i++;
    }
  }
  return untagged;
}

function readTree(doc: PDFDocument, root: PDFDict): StructNode[] {
  const seen = new Set<PDFObject>();
  const kidsOf = (k: PDFObject | undefined): StructNode[] => {
    if (k === undefined) return [];
    const resolved = k instanceof PDFRef ? doc.context.lookup(k) : k;
    if (resolved instanceof PDFArray) return resolved.asArray().flatMap(kidsOf);
    if (!(resolved instanceof PDFDict) || seen.has(resolved)) return [];
    const type = resolved.get(PDFName.of("Type"));
    if (type === PDFName.of("MCR") || type === PDFName.of("OBJR")) return [];
    seen.add(resolved);
    const s = resolved.get(PDFName.of("S"));
    if (!(s instanceof PDFName)) return [];
    const attributes = resolved.lookup(PDFName.of("A"));
    const scope = attributes instanceof PDFDict ? attributes.get(PDFName.of("Scope")) : undefined;
    return [
      {
        type: s.decodeText(),
        alt: text(resolved.lookup(PDFName.of("Alt"))),
        actualText: text(resolved.lookup(PDFName.of("ActualText"))),
        scope: scope instanceof PDFName ? scope.decodeText() : undefined,
        children: kidsOf(resolved.get(PDFName.of("K"))),
      },
    ];
  };
  return kidsOf(root.get(PDFName.of("K")));
}

function* walk(nodes: StructNode[]): Generator<StructNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

/** The structure element each parent-tree key names (annotations' keys name one element). */
function parentTreeEntries(doc: PDFDocument, root: PDFDict): Map<number, PDFObject> {
  const entries = new Map<number, PDFObject>();
  const visit = (node: PDFObject | undefined, depth: number) => {
    const dict = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (!(dict instanceof PDFDict) || depth > 32) return;
    const nums = dict.lookup(PDFName.of("Nums"));
    if (nums instanceof PDFArray) for (let i = 0; i + 1 < nums.size(); i += 2) entries.set((nums.lookup(i) as PDFNumber).asNumber(), nums.get(i + 1));
    const kids = dict.lookup(PDFName.of("Kids"));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) visit(kid, depth + 1);
  };
  visit(root.get(PDFName.of("ParentTree")), 0);
  return entries;
}

/** A finding, with its page only when it concerns one. */
const finding = (checkpoint: string, message: string, page?: number): Finding => ({ checkpoint, message, ...(page !== undefined && { page }) });

export async function checkPdf(bytes: Uint8Array): Promise<CheckResult> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = doc.catalog;
  const structRoot = catalog.lookup(PDFName.of("StructTreeRoot"));
  const tagged = structRoot instanceof PDFDict;
  const tree = tagged ? readTree(doc, structRoot) : [];
  // Findings in the order the checks run: catalog, structure, headings, then page by page.
  const parentTree = tagged ? parentTreeEntries(doc, structRoot) : new Map<number, PDFObject>();
  const fontsSeen = new Set<PDFDict>();
  const findings = [
    ...checkMarkInfo(catalog),
    ...(tagged ? [] : [finding("01-005", "The PDF has no structure tree: none of its content is tagged.")]),
    ...checkCatalogMetadata(catalog),
    ...[...walk(tree)].flatMap(checkElement),
    ...checkHeadingLevels(tree),
    ...doc.getPages().flatMap((page, index) => checkPage(doc, page.node, index + 1, tagged, parentTree, fontsSeen)),
    ...glyphUnicodeFindings(doc),
  ];
  return { tagged, findings, tree };
}

/** 01-007: the catalog says the file is tagged, and not that its tags are suspect. */
function checkMarkInfo(catalog: PDFDict): Finding[] {
  const findings: Finding[] = [];
  const markInfo = catalog.lookup(PDFName.of("MarkInfo"));
  const marked = markInfo instanceof PDFDict && markInfo.lookup(PDFName.of("Marked")) === PDFBool.True;
  if (!marked) findings.push(finding("01-007", "The catalog's MarkInfo does not say Marked true: the PDF is not tagged."));
  if (markInfo instanceof PDFDict && markInfo.lookup(PDFName.of("Suspects")) === PDFBool.True) findings.push(finding("01-007", "MarkInfo says Suspects true."));
  return findings;
}

/** 06, 07 and 11: the XMP packet, the viewer's title bar and the language, all read from the catalog. */
function checkCatalogMetadata(catalog: PDFDict): Finding[] {
  const findings: Finding[] = [];
  const metadata = catalog.lookup(PDFName.of("Metadata"));
  const xmp = metadata instanceof PDFStream ? Buffer.from(streamBytes(metadata)).toString("utf8") : undefined;
  if (xmp === undefined) findings.push(finding("06-001", "The catalog has no XMP metadata stream."));
  else {
    if (!/<pdfuaid:part>\s*1\s*<\/pdfuaid:part>|pdfuaid:part=["']1["']/.test(xmp)) findings.push(finding("06-002", "The XMP metadata has no pdfuaid:part 1."));
    if (!/<dc:title>[\s\S]*?<rdf:li[^>]*>[^<]+<\/rdf:li>[\s\S]*?<\/dc:title>/.test(xmp)) findings.push(finding("06-003", "The XMP metadata has no dc:title."));
  }
  const preferences = catalog.lookup(PDFName.of("ViewerPreferences"));
  const displayTitle = preferences instanceof PDFDict ? preferences.lookup(PDFName.of("DisplayDocTitle")) : undefined;
  if (displayTitle === undefined) findings.push(finding("07-001", "ViewerPreferences has no DisplayDocTitle."));
  else if (displayTitle === PDFBool.False) findings.push(finding("07-002", "DisplayDocTitle is false."));
  const lang = text(catalog.lookup(PDFName.of("Lang")));
  if (!lang?.trim()) findings.push(finding("11-001", "The catalog has no /Lang, so the language of the text cannot be determined."));
  return findings;
}

/** What one structure element, on its own, must be: a standard type, with its alt text or scope. */
function checkElement(node: StructNode): Finding[] {
  const findings: Finding[] = [];
  if (!standardTypes.has(node.type)) findings.push(finding("02-001", `Structure type /${node.type} is not a standard type and there is no role map.`));
  if (node.type === "Figure" && !node.alt?.trim() && !node.actualText?.trim()) findings.push(finding("13-004", "A Figure has no Alt and no ActualText."));
  if (node.type === "TH" && !node.scope) findings.push(finding("15-003", "A TH has no Scope."));
  if (node.type === "Table") findings.push(...checkTable(node));
  if (node.type === "L") findings.push(...checkList(node));
  return findings;
}

/** 09-004: a table holds rows, or head, body and foot groups of rows (a caption aside); a row holds cells. */
function checkTable(node: StructNode): Finding[] {
  const findings: Finding[] = [];
  let rows = node.children;
  if (rows[0]?.type === "Caption") rows = rows.slice(1);
  else if (rows.at(-1)?.type === "Caption") rows = rows.slice(0, -1);
  const plain = rows.length > 0 && rows.every((r) => r.type === "TR");
  const sections = /^(THead)?(TBody)+(TFoot)?$/.test(rows.map((r) => r.type).join("")) && rows.every((g) => g.children.every((r) => r.type === "TR"));
  if (!plain && !sections) findings.push(finding("09-004", `A Table holds ${rows.map((r) => r.type).join(", ")}: rows (TR) or THead, TBody and TFoot, each of rows.`));
  for (const row of walk(rows)) if (row.type === "TR" && row.children.some((c) => c.type !== "TH" && c.type !== "TD")) findings.push(finding("09-004", "A TR holds something other than TH and TD."));
  return findings;
}

/** 09-005: a list holds items (or lists), a caption aside; an item holds a label and a body. */
function checkList(node: StructNode): Finding[] {
  const findings: Finding[] = [];
  const items = node.children[0]?.type === "Caption" ? node.children.slice(1) : node.children;
  if (items.length === 0 || items.some((i) => i.type !== "LI" && i.type !== "L")) findings.push(finding("09-005", "An L holds something other than LI."));
  for (const item of items) if (item.type === "LI" && (item.children.length === 0 || item.children.some((c) => c.type !== "Lbl" && c.type !== "LBody"))) findings.push(finding("09-005", "An LI holds something other than Lbl and LBody."));
  return findings;
}

/** 14-002 and 14-003: numbered headings start at H1 and never skip a level going down. */
function checkHeadingLevels(tree: StructNode[]): Finding[] {
  const findings: Finding[] = [];
  let level = 0;
  for (const node of walk(tree)) {
    const heading = /^H([1-6])$/.exec(node.type);
    if (!heading) continue;
    const n = Number(heading[1]);
    if (level === 0 && n !== 1) findings.push(finding("14-002", `The first numbered heading is H${n}, not H1.`));
    else if (n > level + 1 && level > 0) findings.push(finding("14-003", `H${n} follows H${level}: a heading level is skipped.`));
    level = n;
  }
  return findings;
}

/** One page: its content tagged (when the file is), its annotations, and fonts not seen on an earlier page. */
function checkPage(doc: PDFDocument, page: PDFPageLeaf, number: number, tagged: boolean, parentTree: Map<number, PDFObject>, fontsSeen: Set<PDFDict>): Finding[] {
  return [...(tagged ? checkPageContent(doc, page, number) : []), ...checkAnnotations(doc, page, number, parentTree), ...checkFonts(doc, page, number, fontsSeen)];
}

/** 01-005: every drawing operator of the page lies in tagged content or an artifact. */
function checkPageContent(doc: PDFDocument, page: PDFPageLeaf, number: number): Finding[] {
  const contents = page.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  // A page's content streams are one stream cut in pieces: marked content may open in one and close in another.
  const pieces = streams.flatMap((stream) => (stream instanceof PDFStream ? [Buffer.from(streamBytes(stream)), Buffer.from("\n")] : []));
  const untagged = untaggedOperators(Buffer.concat(pieces));
  return untagged > 0 ? [finding("01-005", `${untagged} drawing operator(s) lie outside any tagged content or artifact.`, number)] : [];
}

/** 28-008 to 28-012: a page with annotations orders them by structure; each link is described and tagged. */
function checkAnnotations(doc: PDFDocument, page: PDFPageLeaf, number: number, parentTree: Map<number, PDFObject>): Finding[] {
  const findings: Finding[] = [];
  const annots = page.Annots();
  if (!annots || annots.size() === 0) return findings;
  const tabs = page.lookup(PDFName.of("Tabs"));
  if (tabs === undefined) findings.push(finding("28-008", "The page has annotations and no Tabs entry.", number));
  else if (tabs !== PDFName.of("S")) findings.push(finding("28-009", `The page's Tabs is ${String(tabs)}, not /S.`, number));
  for (let i = 0; i < annots.size(); i++) {
    const annot = annots.lookup(i, PDFDict);
    if (annot.lookup(PDFName.of("Subtype")) !== PDFName.of("Link")) continue;
    if (!text(annot.lookup(PDFName.of("Contents")))?.trim()) findings.push(finding("28-012", "A link annotation has no Contents.", number));
    const key = annot.lookup(PDFName.of("StructParent"));
    const parent = key instanceof PDFNumber ? parentTree.get(key.asNumber()) : undefined;
    const element = parent instanceof PDFRef ? doc.context.lookup(parent) : parent;
    if (!(element instanceof PDFDict) || element.lookup(PDFName.of("S")) !== PDFName.of("Link")) findings.push(finding("28-011", "A link annotation is not nested in a Link element.", number));
  }
  return findings;
}

/** 31-009 and 31-027: each font the page uses is embedded and maps its glyphs to Unicode (once per font). */
function checkFonts(doc: PDFDocument, page: PDFPageLeaf, number: number, fontsSeen: Set<PDFDict>): Finding[] {
  const findings: Finding[] = [];
  const fonts = page.Resources()?.lookup(PDFName.of("Font"));
  if (!(fonts instanceof PDFDict)) return findings;
  for (const [, ref] of fonts.entries()) {
    const font = doc.context.lookup(ref);
    if (!(font instanceof PDFDict) || fontsSeen.has(font)) continue;
    fontsSeen.add(font);
    const name = (font.lookup(PDFName.of("BaseFont")) as PDFName | undefined)?.decodeText() ?? "a font";
    const descendants = font.lookup(PDFName.of("DescendantFonts"));
    const described = descendants instanceof PDFArray ? descendants.lookup(0, PDFDict) : font;
    const descriptor = described.lookup(PDFName.of("FontDescriptor"));
    const embedded = descriptor instanceof PDFDict && ["FontFile", "FontFile2", "FontFile3"].some((k) => descriptor.get(PDFName.of(k)) !== undefined);
    if (!embedded && font.lookup(PDFName.of("Subtype")) !== PDFName.of("Type3")) findings.push(finding("31-009", `${name} is not embedded.`, number));
    if (!(font.lookup(PDFName.of("ToUnicode")) instanceof PDFStream)) findings.push(finding("31-027", `${name} has no ToUnicode map.`, number));
  }
  return findings;
}

/** The checker's report: each checkpoint passed or failed, with what failed where. */
export function formatReport(file: string, result: CheckResult): string {
  const lines: string[] = [];
  for (const checkpoint of checkpoints) {
    const found = result.findings.filter((f) => f.checkpoint === checkpoint.id);
    lines.push(`${found.length === 0 ? "pass" : "FAIL"} ${checkpoint.id} ${checkpoint.what}`);
    for (const f of found.slice(0, 10)) lines.push(`  ${file}${f.page !== undefined ? ` page ${f.page}` : ""}: ${f.message}`);
    if (found.length > 10) lines.push(`  … and ${found.length - 10} more`);
  }
  const failed = new Set(result.findings.map((f) => f.checkpoint)).size;
  lines.push(failed === 0 ? `${file}: all ${checkpoints.length} checkpoints pass` : `${file}: ${failed} of ${checkpoints.length} checkpoints fail`);
  return lines.join("\n");
}
