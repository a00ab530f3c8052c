// What a page element is, for the tagged PDF (PDF/UA): templates name it with these props and the
// renderer writes the structure tree and marked content (patches/@react-pdf+render+*.patch).
// role: a standard structure type; artifact: drawn for the page, not read (running heads, folios, rules).
// Text without a role under a section is a paragraph; an image or SVG outside a Figure is an artifact.
export type StructureRole =
  | "Sect" | "Part" | "Div" | "Art" | "BlockQuote" | "Note" | "TOC" | "TOCI" | "Caption"
  | "H1" | "H2" | "H3" | "H4" | "H5" | "H6" | "P" | "Span" | "Quote" | "Lbl"
  | "L" | "LI" | "LBody"
  | "Table" | "THead" | "TBody" | "TR" | "TH" | "TD"
  | "Figure" | "Link";

export type ArtifactKind = true | "Pagination" | "Layout" | "Page" | "Background";

declare module "@react-pdf/renderer" {
  interface NodeProps {
    role?: StructureRole;
    artifact?: ArtifactKind;
    /** A Figure's text alternative. */
    alt?: string;
    /** The words a screen reader speaks for what is printed (ActualText). */
    actual?: string;
    /** A structure element's title (T), e.g. a section's. */
    title?: string;
    /** A TH's scope. */
    scope?: "Row" | "Column" | "Both";
    /** Nodes naming the same key are one structure element: a paragraph or list set in pieces across columns. */
    continues?: string;
  }
  interface DocumentProps {
    /** Write a tagged PDF: a structure tree from the roles above. */
    tagged?: boolean;
  }
}
