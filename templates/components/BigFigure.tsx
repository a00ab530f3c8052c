import { Text, View } from "@react-pdf/renderer";
import type { ForceDifference } from "../../src/document/model.ts";
import { Inlines } from "./RichText.tsx";
import { styles, wholeWords } from "../styles.ts";
import { space, type } from "../../src/design/theme.ts";

/** A difference printed large, with what it is above it and what it compares below. */
export function BigFigure({ difference }: { difference: ForceDifference }) {
  return (
    <View style={{ marginBottom: space(0.75) }} wrap={false}>
      <Text style={styles.bigFigureLabel} hyphenationCallback={wholeWords}>{difference.label}</Text>
      <Text style={styles.bigFigure}>
        {/* A draft shows a changed value's predecessor struck through beside it, smaller, on the same line. */}
        {difference.was !== undefined ? <Text style={[styles.deleted, { fontSize: type.h3 }]}>{`${difference.was} `}</Text> : null}
        <Inlines nodes={[difference.value]} />
        <Text style={{ fontSize: type.h3, fontWeight: 600 }}> {difference.unit}</Text>
      </Text>
      {/* A side column is a short measure: no hyphenation. */}
      <Text style={styles.bigFigureNote} hyphenationCallback={wholeWords}>
        <Inlines nodes={difference.note} />
      </Text>
    </View>
  );
}
