// The printed number of a part's first page. The whole report starts at 1; a section laid out on its
// own (src/render/layoutUnits.tsx) starts where the sections before it end, so its folios, its change
// bars and the pages it records are the book's, not its own document's.
import { createContext } from "react";

export const FirstPage = createContext(1);

/** The book's page for react-pdf's page number within the document being laid out. */
export const bookPage = (first: number, pageNumber: number) => first + pageNumber - 1;
