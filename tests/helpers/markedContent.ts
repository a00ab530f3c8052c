// A tagged PDF's text as pdf.js reads it, page by page: which words lie in tagged content (and whether the
// structure tree pdf.js builds for the page owns that content) and which in artifacts.
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem, TextMarkedContent } from "pdfjs-dist/types/src/display/api.js";
import { readingsOfBytes } from "./sameBytes.ts";

export interface MarkedPage {
  pageNumber: number;
  /** Text drawn inside marked content with an id (tagged), joined with spaces. */
  tagged: string;
  /** Text drawn inside an Artifact, joined with spaces. */
  artifact: string;
  /** Text drawn outside any marked content. */
  unmarked: string;
  /** Marked-content ids on the page that no structure element of the page's tree owns. */
  orphans: string[];
  /** How many marked-content ids the page has. */
  ids: number;
}

interface TreeNode {
  role?: string;
  type?: string;
  id?: string;
  children?: TreeNode[];
}


type MarkedPageItems = { pageNumber: number; tree: TreeNode | null; items: (TextItem | TextMarkedContent)[] };

// The same bytes are read once per worker (tests/helpers/sameBytes.ts), not once for each reading below.
const once = readingsOfBytes<Promise<MarkedPageItems[]>>();

/** Each page of a PDF as pdf.js reads it: its structure tree and its text with the marked content around it. */
function markedPages(file: string): Promise<MarkedPageItems[]> {
  return once(readFileSync(file), () => readMarkedPages(file));
}

async function readMarkedPages(file: string): Promise<MarkedPageItems[]> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false }).promise;
  try {
    const pages: MarkedPageItems[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      pages.push({ pageNumber: n, tree: (await page.getStructTree()) as TreeNode | null, items: (await page.getTextContent({ includeMarkedContent: true })).items });
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

export async function readMarkedContent(file: string): Promise<MarkedPage[]> {
  const pages: MarkedPage[] = [];
  for (const { pageNumber: n, tree, items } of await markedPages(file)) {
    const owned = new Set<string>();
    const walk = (node: TreeNode | null) => {
      if (!node) return;
      if (node.type === "content" && node.id) owned.add(node.id);
      node.children?.forEach(walk);
    };
    walk(tree);
    const text = { tagged: [] as string[], artifact: [] as string[], unmarked: [] as string[] };
    const ids: string[] = [];
    // The innermost open marked content decides; an Artifact anywhere above makes its text an artifact.
    const stack: ("tagged" | "artifact" | "other")[] = [];
    for (const item of items) {
      if ("type" in item && item.type === "beginMarkedContentProps" && item.id) {
        ids.push(item.id);
        stack.push("tagged");
      } else if ("type" in item && (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps")) stack.push((item as { tag?: string }).tag === "Artifact" ? "artifact" : "other");
      else if ("type" in item && item.type === "endMarkedContent") stack.pop();
      else if ("str" in item && item.str.trim()) {
        const where = stack.includes("artifact") ? "artifact" : stack.includes("tagged") ? "tagged" : "unmarked";
        text[where].push(item.str);
      }
    }
    pages.push({ pageNumber: n, tagged: text.tagged.join(" "), artifact: text.artifact.join(" "), unmarked: text.unmarked.join(" "), orphans: ids.filter((id) => !owned.has(id)), ids: ids.length });
  }
  return pages;
}

/**
 * The text of every paragraph (P) and caption of a tagged PDF, page by page in the order of each page's
 * structure tree, as pdf.js reads it: a paragraph that runs over a page turn gives one piece per page.
 */
export async function readParagraphs(file: string): Promise<{ role: "P" | "Caption"; text: string }[]> {
  const paragraphs: { role: "P" | "Caption"; text: string }[] = [];
  for (const { tree, items } of await markedPages(file)) {
    const textOf = new Map<string, string[]>();
    let open: string | null = null;
    for (const item of items) {
      if ("type" in item && item.type === "beginMarkedContentProps" && item.id) open = item.id;
      else if ("type" in item && item.type === "endMarkedContent") open = null;
      else if ("str" in item && open) textOf.set(open, [...(textOf.get(open) ?? []), item.str]);
    }
    const contentOf = (node: TreeNode): string[] => (node.type === "content" && node.id ? (textOf.get(node.id) ?? []) : (node.children ?? []).flatMap(contentOf));
    const walk = (node: TreeNode | null) => {
      if (!node) return;
      if (node.role === "P" || node.role === "Caption") paragraphs.push({ role: node.role, text: contentOf(node).join("") });
      else node.children?.forEach(walk);
    };
    walk(tree);
  }
  return paragraphs;
}
