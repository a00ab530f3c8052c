import { Link, Text, View } from "@react-pdf/renderer";
import type { Section } from "../../src/document/model.ts";
import { PageFrame } from "../components/PageFrame.tsx";
import { RichTextView } from "../components/RichText.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { readingMeasure, styles } from "../styles.ts";
import { space } from "../../src/design/theme.ts";

export function BackPage({ section, onlineEdition, runningHeader, geometry, log }: { section: Extract<Section, { kind: "back" }>; onlineEdition: string | null; runningHeader: string; geometry: PageGeometry; log: PageLog }) {
  return (
    <PageFrame runningHeader={runningHeader} geometry={geometry} bookmark={section.title} id={section.id} log={log}>
      <View id={section.id} style={{ width: readingMeasure, marginTop: space(12) }}>
        <Text style={styles.h2}>{section.title}</Text>
        <RichTextView text={section.body} />
        {section.sources.length > 0 ? <Text style={[styles.bigFigureLabel, { marginTop: space(0.5) }]}>{section.sourcesLabel}</Text> : null}
        {section.sources.map((source) => (
          <Link key={source.url} src={source.url} style={[styles.link, { marginBottom: 2 }]}>
            {source.text}
          </Link>
        ))}
        {onlineEdition ? (
          <>
            <Text style={[styles.bigFigureLabel, { marginTop: space(0.5) }]}>{section.onlineEditionLabel}</Text>
            <Link src={onlineEdition} style={styles.link}>
              {onlineEdition.replace(/^https?:\/\//, "")}
            </Link>
          </>
        ) : null}
      </View>
    </PageFrame>
  );
}
