import { Text, View } from "@react-pdf/renderer";
import type { ForceDifference } from "../../src/document/model.ts";
import { Inlines, spokenWords } from "./RichText.tsx";
import { words } from "../../src/document/labels.ts";
import { NBSP } from "../../src/document/formatters.ts";
import { styles, wholeWords } from "../styles.ts";
import { space, type } from "../../src/design/theme.ts";

/** The difference as a screen reader should say it: "−8.20 percentage points", not "minus 8.20 p p". */
// In a draft a changed value is an inserted figure: its words as they now read.
const spoken = (difference: ForceDifference) => `${spokenWords([difference.value])} ${words.differenceUnitSpoken}`;

/** A difference printed large, with what it is above it and what it compares below. */
export function BigFigure({ difference, labelLines }: { difference: ForceDifference; labelLines?: number }) {
  return (
    <View style={{ marginBottom: space(0.75) }} wrap={false}>
      {/* `labelLines`: the label's height in lines, so figures side by side stand level whichever label wraps. */}
      <Text style={[styles.bigFigureLabel, labelLines ? { minHeight: labelLines * type.caption * styles.bigFigureLabel.lineHeight } : {}]} hyphenationCallback={wholeWords}>{difference.label}</Text>
      <Text style={styles.bigFigure} actual={spoken(difference)}>
        {/* A draft shows a changed value's predecessor struck through beside it, smaller, on the same line. */}
        {difference.was !== undefined ? <Text style={[styles.deleted, { fontSize: type.h3 }]}>{`${difference.was} `}</Text> : null}
        <Inlines nodes={[difference.value]} />
        {/* The unit never goes to a line of its own: in a draft, struck value and new value may not fit on one. */}
        <Text style={{ fontSize: type.h3, fontWeight: 600 }}>{`${NBSP}${difference.unit}`}</Text>
      </Text>
      {/* A side column is a short measure: no hyphenation. */}
      <Text style={styles.bigFigureNote} hyphenationCallback={wholeWords}>
        <Inlines nodes={difference.note} />
      </Text>
    </View>
  );
}
