// An inner page: running header, folio, and the record of where its sections start.
import { Page, Text, View } from "@react-pdf/renderer";
import { useContext, type ReactNode } from "react";
import { bookPage, FirstPage } from "../pageNumbering.ts";
import type { PageLog } from "../pageLog.ts";
import { styles } from "../styles.ts";
import type { PageGeometry } from "../geometry.tsx";
import { DraftMarksView } from "../draftMarks.tsx";

export interface FrameProps {
  runningHeader: string;
  geometry: PageGeometry;
  children: ReactNode;
  bookmark?: string;
  id?: string;
  log: PageLog;
}

/** Records the page a section starts on; it prints nothing. */
export function PageMarker({ id, log }: { id: string; log: PageLog }) {
  const first = useContext(FirstPage);
  return (
    <Text
      style={{ fontSize: 1, height: 0, lineHeight: 0 }}
      render={({ pageNumber }) => {
        log.record(id, bookPage(first, pageNumber));
        return " ";
      }}
    />
  );
}

export function PageFrame({ runningHeader, geometry, children, bookmark, id, log }: FrameProps) {
  const first = useContext(FirstPage);
  return (
    <Page size={geometry.size} style={[styles.page, geometry.pagePadding]} bookmark={bookmark ? { title: bookmark, fit: true } : undefined}>
      <View fixed style={[styles.runningHeader, geometry.headerPosition]}>
        <Text>{runningHeader}</Text>
      </View>
      {id ? <PageMarker id={id} log={log} /> : null}
      {children}
      <Text fixed style={[styles.folio, geometry.folioPosition]} render={({ pageNumber }) => String(bookPage(first, pageNumber))} />
      <DraftMarksView bleed={geometry.bleed} />
      {geometry.cropMarks}
    </Page>
  );
}
