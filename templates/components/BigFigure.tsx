import { Text, View } from "@react-pdf/renderer";
import { signed } from "../../src/document/formatters.ts";
import { styles } from "../styles.ts";
import { space, type } from "../../src/design/theme.ts";

/** A difference printed large, with what it is above it and what it compares below. */
export function BigFigure({ label, value, note }: { label: string; value: number; note: string }) {
  return (
    <View style={{ marginBottom: space(0.75) }} wrap={false}>
      <Text style={styles.bigFigureLabel}>{label}</Text>
      <Text style={styles.bigFigure}>
        {signed(value, 2)}
        <Text style={{ fontSize: type.h3, fontWeight: 600 }}> pp</Text>
      </Text>
      <Text style={styles.bigFigureNote}>{note}</Text>
    </View>
  );
}
