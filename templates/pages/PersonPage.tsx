// Forewords and the executive summary: one column at a reading measure, the author first.
import { Image, Text, View } from "@react-pdf/renderer";
import type { KeyFigures, Person, RichText } from "../../src/document/model.ts";
import { useAsset } from "../assets.tsx";
import { PageFrame } from "../components/PageFrame.tsx";
import { Inlines, RichTextView } from "../components/RichText.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { readingMeasure, styles, textBlock, wholeWords } from "../styles.ts";
import { colours, page, space, type } from "../../src/design/theme.ts";

interface Props {
  id: string;
  outline: string;
  title: string;
  person: Person;
  body: RichText;
  /** The summary's key figures, set beside the text. */
  keyFigures?: KeyFigures | null;
  runningHeader: string;
  geometry: PageGeometry;
  log: PageLog;
}

/** The key figures beside the summary: each share large with last year's under it, then the average changes. */
function KeyFiguresPanel({ figures, width }: { figures: KeyFigures; width: number }) {
  const label = [styles.bigFigureLabel, { marginBottom: 3 }];
  return (
    <View style={{ width, alignSelf: "flex-start", paddingLeft: 10, borderLeftWidth: 1.5, borderLeftColor: colours.accent }} wrap={false}>
      <Text style={[label, { color: colours.accent }]}>{figures.label}</Text>
      {figures.shares.map((share) => (
        <View key={share.label} style={{ marginTop: space(0.5) }}>
          <Text style={label}>{share.label}</Text>
          <Text style={[styles.bigFigure, { fontSize: type.h2 + 5, marginTop: 0, marginBottom: 1 }]}>
            <Inlines nodes={[share.now]} />
          </Text>
          {share.before ? (
            <Text style={styles.bigFigureNote}>
              <Inlines nodes={[share.before]} /> {share.beforeLabel}
            </Text>
          ) : null}
        </View>
      ))}
      <Text style={[label, { marginTop: space(1) }]} hyphenationCallback={wholeWords}>{figures.changesLabel}</Text>
      {figures.changes.map((change) => (
        <View key={change.label} style={{ flexDirection: "row", justifyContent: "space-between", marginTop: 2 }}>
          <Text style={styles.caption}>{change.label}</Text>
          <Text style={[styles.caption, { color: colours.ink, fontWeight: 600 }]}>
            <Inlines nodes={[change.value]} />
          </Text>
        </View>
      ))}
    </View>
  );
}

export function PersonPage({ id, outline, title, person, body, keyFigures, runningHeader, geometry, log }: Props) {
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
      <View style={{ flexDirection: "row", justifyContent: "space-between", width: textBlock }}>
        <View style={{ width: readingMeasure }}>
          <RichTextView text={body} paragraphStyle={{ fontSize: type.body + 0.5, lineHeight: (type.leading + 0.5) / (type.body + 0.5) }} />
        </View>
        {keyFigures ? <KeyFiguresPanel figures={keyFigures} width={textBlock - readingMeasure - page.columnGap} /> : null}
      </View>
    </PageFrame>
  );
}
