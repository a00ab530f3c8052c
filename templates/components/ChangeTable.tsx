// The national table: header repeated on every page it spans, zebra rows, averages closing it.
import { Text, View } from "@react-pdf/renderer";
import type { TableCell, TableFigure } from "../../src/document/model.ts";
import { styles, textBlock } from "../styles.ts";
import { colours, space, type } from "../../src/design/theme.ts";

const firstColumn = 0.34;

function Row({ table, cells, variant }: { table: TableFigure; cells: Record<string, TableCell>; variant: "header" | "body" | "zebra" | "footer" }) {
  const header = variant === "header";
  return (
    <View
      role="TR"
      style={{
        flexDirection: "row",
        paddingVertical: header ? 5 : 3.2,
        paddingHorizontal: 6,
        backgroundColor: variant === "zebra" ? colours.zebra : header ? colours.women : undefined,
        borderTopWidth: variant === "footer" ? 1.2 : 0,
        borderTopColor: colours.ink,
      }}
      wrap={false}
    >
      {table.columns.map((column, i) => (
        <Text
          key={column.key}
          {...(header ? { role: "TH", scope: "Column" } : i === 0 ? { role: "TH", scope: "Row" } : { role: "TD" })}
          style={{
            width: i === 0 ? textBlock * firstColumn : (textBlock * (1 - firstColumn) - 12) / (table.columns.length - 1),
            textAlign: column.align,
            fontSize: header ? type.caption : type.body,
            lineHeight: header ? 1.25 : undefined,
            fontWeight: header || variant === "footer" ? 600 : 400,
            color: header ? colours.onWomen : colours.ink,
            fontFeatureSettings: ["tnum"],
            paddingLeft: i === 0 ? 0 : 8,
          }}
        >
          {cells[column.key].was !== undefined ? <Text style={styles.deleted}>{`${cells[column.key].was} `}</Text> : null}
          {cells[column.key].was !== undefined ? <Text style={styles.inserted}>{cells[column.key].text}</Text> : cells[column.key].text}
        </Text>
      ))}
    </View>
  );
}

export function ChangeTable({ table }: { table: TableFigure }) {
  let firstPage: number | undefined;
  const headerCells = Object.fromEntries(table.columns.map((c) => [c.key, { text: c.label, binding: null }]));
  return (
    <View role="Table" style={{ marginTop: space(1) }}>
      <View fixed>
        <Text
          role="Caption"
          // No lineHeight on a dynamic text, or react-pdf lays it out empty.
          style={{ fontSize: styles.h3.fontSize, fontWeight: styles.h3.fontWeight, color: styles.h3.color, marginBottom: space(0.25) }}
          render={({ pageNumber }) => {
            firstPage ??= pageNumber;
            return pageNumber === firstPage ? table.title : `${table.title} ${table.continued}`;
          }}
        />
        <Row table={table} cells={headerCells} variant="header" />
      </View>
      {table.rows.map((row, i) => (
        <Row key={i} table={table} cells={row} variant={i % 2 === 1 ? "zebra" : "body"} />
      ))}
      {table.footerRow ? <Row table={table} cells={table.footerRow} variant="footer" /> : null}
      {table.notes.map((note, i) => (
        <Text key={i} style={[styles.caption, { marginTop: space(0.5) }]}>
          {note}
        </Text>
      ))}
    </View>
  );
}
