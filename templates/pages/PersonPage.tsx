// Forewords and the executive summary: one column at a reading measure, the author first.
import { Image, Text, View } from "@react-pdf/renderer";
import type { Person, RichText } from "../../src/document/model.ts";
import { useAsset } from "../assets.tsx";
import { PageFrame } from "../components/PageFrame.tsx";
import { RichTextView } from "../components/RichText.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { readingMeasure, styles, wholeWords } from "../styles.ts";
import { colours, space, type } from "../../src/design/theme.ts";

interface Props {
  id: string;
  outline: string;
  title: string;
  person: Person;
  body: RichText;
  runningHeader: string;
  geometry: PageGeometry;
  log: PageLog;
}

export function PersonPage({ id, outline, title, person, body, runningHeader, geometry, log }: Props) {
  const resolve = useAsset();
  return (
    <PageFrame runningHeader={runningHeader} geometry={geometry} bookmark={outline} id={id} log={log}>
      <View id={id} />
      <Text style={styles.kicker}>{title}</Text>
      <View style={{ flexDirection: "row", alignItems: "center", marginBottom: space(1) }}>
        {person.portrait ? <Image src={resolve(person.portrait)} style={{ width: 64, height: 64, borderRadius: 32, marginRight: 14, objectFit: "cover" }} /> : null}
        <View>
          <Text role="H1" style={[styles.h1, { marginBottom: 2 }]} hyphenationCallback={wholeWords}>{person.author}</Text>
          <Text style={{ fontSize: type.h3, color: colours.inkMuted }}>
            {person.role}, {person.organisation}
          </Text>
        </View>
      </View>
      <View style={styles.rule} />
      <View style={{ width: readingMeasure }}>
        <RichTextView text={body} paragraphStyle={{ fontSize: type.body + 0.5, lineHeight: (type.leading + 0.5) / (type.body + 0.5) }} />
      </View>
    </PageFrame>
  );
}
