// Marks that only a draft carries: a diagonal DRAFT across every page, a stamp in the footer that names
// the draft, and a change bar in the outer margin of each page whose content changed since the last draft.
// A final build renders none of this: without a DraftContext value the component draws nothing.
import { Text, View } from "@react-pdf/renderer";
import { createContext, useContext } from "react";
import { colours, mm, page, type } from "../src/design/theme.ts";
import { textAreaHeight } from "./styles.ts";

export interface DraftMarks {
  /** Printed in the footer of every page; begins "Draft <number> ·". */
  stamp: string;
  /** Printed pages (1-based) whose content changed since the previous draft. */
  changedPages?: number[];
  /** The watermark word. */
  watermark?: string;
}

/** Printed above each change bar; tests and reviewers find changed pages by it. */
export const changedLabel = "CHANGED";

export const DraftContext = createContext<DraftMarks | null>(null);

/** Place once in every Page; `bleed` shifts the marks inside the trim of the print edition. */
export function DraftMarksView({ bleed = 0 }: { bleed?: number }) {
  const draft = useContext(DraftContext);
  if (!draft) return null;
  const changed = new Set(draft.changedPages ?? []);
  return (
    <>
      {/* Marks for reviewers, not the report's words: artifacts in a tagged PDF. */}
      <View fixed artifact="Pagination" style={{ position: "absolute", top: bleed, left: bleed, width: page.width, height: page.height, alignItems: "center", justifyContent: "center" }}>
        <Text style={{ fontSize: 150, fontWeight: 700, letterSpacing: 14, color: colours.change, opacity: 0.09, transform: "rotate(-55deg)" }}>{draft.watermark ?? "DRAFT"}</Text>
      </View>
      <Text fixed artifact="Pagination" style={{ position: "absolute", bottom: bleed + mm(4.5), left: bleed + page.marginInner, right: bleed + page.marginOuter, height: type.small * 2, fontSize: type.small - 1, color: colours.change }}>
        {draft.stamp}
      </Text>
      {changed.size > 0 ? (
        // The outer margin: right on odd (recto) pages, left on even (verso) pages.
        <View
          fixed
          artifact="Layout"
          style={{ position: "absolute", top: 0, left: 0, width: 1, height: 1 }}
          render={({ pageNumber }) =>
            changed.has(pageNumber) ? (
              <>
                <Text style={{ position: "absolute", top: bleed + page.marginTop - 9, left: bleed + (pageNumber % 2 === 1 ? page.width - page.marginOuter : 0), width: page.marginOuter, textAlign: "center", fontSize: 5.5, fontWeight: 600, color: colours.change }}>
                  {changedLabel}
                </Text>
                <View
                  style={{
                    position: "absolute",
                    top: bleed + page.marginTop,
                    left: bleed + (pageNumber % 2 === 1 ? page.width - page.marginOuter / 2 : page.marginInner / 2) - 1.5,
                    width: 3,
                    height: textAreaHeight,
                    backgroundColor: colours.change,
                  }}
                />
              </>
            ) : null
          }
        />
      ) : null}
    </>
  );
}
