// The SVG → react-pdf converter, one SVG feature at a time.
import { ClipPath, Defs, G, Line, LinearGradient, Path, Rect, Stop, Svg, Text, Circle } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { SvgConversionError, svgToPdf } from "../../src/pdf/svg/svgToPdf.tsx";
import { fonts } from "../../src/design/theme.ts";

type El = ReactElement<Record<string, unknown> & { children?: unknown }>;

const F = `font-family="${fonts.family}"`;
const svg = (body: string, size = 'width="100" height="50" viewBox="0 0 100 50"') =>
  `<svg xmlns="http://www.w3.org/2000/svg" ${size}>${body}</svg>`;

function kids(el: El): El[] {
  const c = el.props.children;
  const list = Array.isArray(c) ? c : c === undefined ? [] : [c];
  return list.filter((x): x is El => typeof x === "object" && x !== null);
}
function all(el: El): El[] {
  return [el, ...kids(el).flatMap(all)];
}
const ofType = (el: El, type: unknown) => all(el).filter((e) => e.type === type);
const props = (el: El) => {
  const { children, ...rest } = el.props;
  void children;
  return rest;
};

describe("svgToPdf", () => {
  it("makes an Svg of the SVG's size, or scaled to a width", () => {
    const root = svgToPdf(svg('<rect width="10" height="10" fill="#000"/>')) as El;
    expect(root.type).toBe(Svg);
    expect(props(root)).toEqual({ width: 100, height: 50, viewBox: "0 0 100 50" });
    const scaled = svgToPdf(svg('<rect width="10" height="10" fill="#000"/>'), { width: 50 }) as El;
    expect(props(scaled)).toEqual({ width: 50, height: 25, viewBox: "0 0 100 50" });
  });

  it("converts an SVG once for the same options: every layout pass of a part gets the same tree", () => {
    const chart = svg('<rect width="10" height="10" fill="#000"/><text x="2" y="9" ' + F + ' font-size="8">Kept</text>');
    const first = svgToPdf(chart, { width: 80 });
    expect(svgToPdf(chart, { width: 80 })).toBe(first);
    const other = svgToPdf(chart, { width: 60 });
    expect(other).not.toBe(first);
    expect(props(other as El)).toEqual({ width: 60, height: 30, viewBox: "0 0 100 50" });
    expect(svgToPdf(chart, { width: 80, fontFamilies: [fonts.family, "Helvetica"] })).not.toBe(first);
  });

  it("keeps a group's transform on a G", () => {
    const root = svgToPdf(svg('<g transform="translate(5,6) rotate(-90)"><rect width="2" height="3" fill="#f00"/><rect x="4" width="2" height="3" fill="#0f0"/></g>')) as El;
    const [g] = ofType(root, G);
    expect(g.props.transform).toBe("translate(5, 6) rotate(-90)");
    expect(ofType(g, Rect)).toHaveLength(2);
    expect(props(ofType(g, Rect)[0])).toEqual({ x: 0, y: 0, width: 2, height: 3, fill: "#ff0000" });
  });

  it("folds groups without a transform away and resolves inherited paint", () => {
    const root = svgToPdf(svg('<g fill="none" stroke="#123456"><g stroke-width="2"><path d="M0,0L10,10"/></g></g>')) as El;
    expect(ofType(root, G)).toHaveLength(0);
    expect(props(ofType(root, Path)[0])).toEqual({ d: "M0,0L10,10", fill: "none", stroke: "#123456", strokeWidth: 2 });
  });

  it("draws a path with its own transform, fill and stroke", () => {
    const root = svgToPdf(svg('<path transform="translate(3,4)" d="M2.7,0A2.7,2.7,0,1,1,-2.7,0Z" fill="#4c78a8" stroke="black" stroke-width="1.5"/>')) as El;
    expect(props(ofType(root, Path)[0])).toEqual({
      d: "M2.7,0A2.7,2.7,0,1,1,-2.7,0Z",
      fill: "#4c78a8",
      stroke: "#000000",
      strokeWidth: 1.5,
      transform: "translate(3, 4)",
    });
  });

  it("gives a line without x1/y1 zeros (react-pdf throws on undefined) and no fill", () => {
    const root = svgToPdf(svg('<line transform="translate(36,0)" x2="0" y2="5" stroke="#888"/>')) as El;
    expect(props(ofType(root, Line)[0])).toEqual({ x1: 0, y1: 0, x2: 0, y2: 5, fill: "none", stroke: "#888888", strokeWidth: 1, transform: "translate(36, 0)" });
  });

  it("draws circles and drops zero-size shapes", () => {
    const root = svgToPdf(svg('<circle cx="5" cy="5" r="2" fill="#000"/><circle r="0" fill="#000"/><rect width="0" height="4" fill="#000"/><path d="" fill="#000"/>')) as El;
    expect(ofType(root, Circle)).toHaveLength(1);
    expect(ofType(root, Rect)).toHaveLength(0);
    expect(ofType(root, Path)).toHaveLength(0);
  });

  it("sets text anchor, and family, size and a numeric weight in style; decodes entities", () => {
    const root = svgToPdf(
      svg(`<text text-anchor="middle" transform="translate(50,20)" ${F} font-size="8px" font-weight="bold" fill="#000">A &amp; B &#8211; &#xA0;%</text>`),
    ) as El;
    const [text] = ofType(root, Text);
    expect(props(text)).toEqual({
      x: 0,
      y: 0,
      fill: "#000000",
      textAnchor: "middle",
      transform: "translate(50, 20)",
      style: { fontFamily: fonts.family, fontSize: 8, fontWeight: 700, fontStyle: "normal" },
    });
    // A no-break space is kept (not collapsed) but drawn as a plain space: SVG text never wraps.
    expect(text.props.children).toBe("A & B \u2013  %");
  });

  it("maps weights to the registered faces and italic to italic", () => {
    const weights = ["normal", "600", "650", "bold", "300"].map((w) => {
      const [t] = ofType(svgToPdf(svg(`<text ${F} font-size="8" font-weight="${w}" font-style="italic" fill="#000">x</text>`)) as El, Text);
      return (t.props.style as { fontWeight: number; fontStyle: string }).fontWeight;
    });
    expect(weights).toEqual([400, 600, 700, 700, 400]);
  });

  it("splits tspan lines (react-pdf ignores dy) into separate Texts", () => {
    const root = svgToPdf(
      svg(`<text text-anchor="start" transform="translate(10,20)" ${F} font-size="11px" fill="black"><tspan>Cx</tspan><tspan x="0" dy="13">second</tspan><tspan x="0" dy="1.2em">third</tspan></text>`),
    ) as El;
    const [g] = ofType(root, G);
    expect(g.props.transform).toBe("translate(10, 20)");
    const texts = ofType(g, Text);
    expect(texts.map((t) => [t.props.children, t.props.x, t.props.y])).toEqual([
      ["Cx", 0, 0],
      ["second", 0, 13],
      ["third", 0, 13 + 13.2],
    ]);
  });

  it("collapses white space the SVG way and drops empty text", () => {
    const root = svgToPdf(svg(`<text ${F} font-size="8" fill="#000">  two   spaces\n  </text><text ${F} font-size="8" fill="#000">   </text>`)) as El;
    expect(ofType(root, Text).map((t) => t.props.children)).toEqual(["two spaces"]);
  });

  it("puts clip paths in Defs, clips in the element's own space, and stops react-pdf re-clipping", () => {
    const root = svgToPdf(
      svg(
        '<g transform="translate(10,5)" clip-path="url(#clip1)"><g transform="translate(-20,0)"><rect width="100" height="100" fill="#f0f"/></g></g>' +
          '<defs><clipPath id="clip1"><rect x="0" y="0" width="50" height="30"/></clipPath></defs>',
      ),
    ) as El;
    const [defs] = kids(root);
    expect(defs.type).toBe(Defs);
    const [clip] = ofType(defs, ClipPath);
    expect(clip.props.id).toBe("clip1");
    expect(props(ofType(clip, Rect)[0])).toEqual({ x: 0, y: 0, width: 50, height: 30 });
    const outer = kids(root)[1];
    expect(props(outer)).toEqual({ transform: "translate(10, 5)" });
    const [clipper] = kids(outer);
    expect(props(clipper)).toEqual({ clipPath: "url(#clip1)" });
    const [inner] = kids(clipper);
    expect(props(inner)).toEqual({ transform: "translate(-20, 0)", clipPath: null });
  });

  it("refers to linear gradients", () => {
    const root = svgToPdf(
      svg('<rect width="10" height="10" fill="url(#gradient_0)"/><defs><linearGradient id="gradient_0" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="#fff"/><stop offset="100%" stop-color="rgba(0,0,0,0.5)"/></linearGradient></defs>'),
    ) as El;
    const [gradient] = ofType(root, LinearGradient);
    expect(props(gradient)).toEqual({ id: "gradient_0", x1: 0, x2: 1, y1: 0, y2: 0 });
    expect(ofType(gradient, Stop).map(props)).toEqual([
      { offset: 0, stopColor: "#ffffff", stopOpacity: 1 },
      { offset: 1, stopColor: "#000000", stopOpacity: 0.5 },
    ]);
    expect(ofType(root, Rect)[0].props.fill).toBe("url(#gradient_0)");
  });

  it("multiplies opacity down nested groups into fill and stroke opacity", () => {
    const root = svgToPdf(
      svg('<g opacity="0.5"><g opacity="0.5"><rect width="5" height="5" fill="#000" stroke="#f00" opacity="0.8" fill-opacity="0.5"/><text font-family="Source Sans 3" font-size="8" fill="rgba(0,0,0,0.5)">t</text></g></g>'),
    ) as El;
    const rect = ofType(root, Rect)[0];
    expect(rect.props.fillOpacity).toBeCloseTo(0.1, 9);
    expect(rect.props.strokeOpacity).toBeCloseTo(0.2, 9);
    expect(rect.props).not.toHaveProperty("opacity");
    // react-pdf takes a text's fill alpha from `opacity`
    expect(ofType(root, Text)[0].props.opacity).toBeCloseTo(0.125, 9);
  });

  it("maps fill transparent and fill-opacity 0 to no fill, and drops what then draws nothing", () => {
    const root = svgToPdf(
      svg('<rect width="5" height="5" fill="transparent" stroke="#000"/><rect width="5" height="5" fill="#000" fill-opacity="0"/><rect width="5" height="5" fill="#000" opacity="0"/><text font-family="Source Sans 3" font-size="8" fill="#000" fill-opacity="0">t</text>'),
    ) as El;
    const rects = ofType(root, Rect);
    expect(rects).toHaveLength(1);
    expect(rects[0].props.fill).toBe("none");
    expect(rects[0].props.stroke).toBe("#000000");
    expect(ofType(root, Text)).toHaveLength(0);
  });

  it("passes dashes (an odd list repeated, as SVG does) and line caps", () => {
    const root = svgToPdf(svg('<line x2="10" stroke="#000" stroke-dasharray="4,2" stroke-linecap="round"/><line x2="10" stroke="#000" stroke-dasharray="3"/><line x2="10" stroke="#000" stroke-dasharray="none"/>')) as El;
    const lines = ofType(root, Line);
    expect(lines[0].props.strokeDasharray).toBe("4 2");
    expect(lines[0].props.strokeLinecap).toBe("round");
    expect(lines[1].props.strokeDasharray).toBe("3 3");
    expect(lines[2].props).not.toHaveProperty("strokeDasharray");
  });

  it('drops display="none" and hidden elements, and ignores ARIA and class attributes', () => {
    const root = svgToPdf(
      svg('<path class="foreground" aria-hidden="true" d="M0,0h5" stroke="#000" pointer-events="none" display="none"/><g visibility="hidden"><rect width="5" height="5" fill="#000"/></g><rect role="graphics-symbol" aria-label="x: 1" width="5" height="5" fill="#000"/>'),
    ) as El;
    expect(ofType(root, Path)).toHaveLength(0);
    expect(ofType(root, Rect)).toHaveLength(1);
  });

  it.each([
    ['<ellipse rx="2" ry="1" fill="#000"/>', /<svg > ellipse>.*element <ellipse> is not supported/],
    ['<g><foo/></g>', /<svg > g > foo>/],
    ['<image href="x.png" width="5" height="5"/>', /<svg > image>/],
    ['<a href="#"><rect width="5" height="5" fill="#000"/></a>', /<svg > a>/],
    ['<rect width="5" height="5" fill="#000" filter="url(#f)"/>', /<svg > rect>.*filter/],
    ['<rect width="5" height="5" fill="hsl(0,0%,0%)"/>', /<svg > rect>.*fill/],
    ['<rect width="5" height="5" fill="url(#missing)"/>', /<svg > rect>.*no gradient/],
    ['<g clip-path="url(#nope)"><rect width="5" height="5" fill="#000"/></g>', /<svg > g>.*clip-path/],
    ['<line x2="5" stroke="#000" stroke-dasharray="2" stroke-dashoffset="1"/>', /<svg > line>.*dashoffset/],
    ['<rect width="50%" height="5" fill="#000"/>', /<svg > rect>.*width/],
    ['<text font-family="sans-serif" font-size="8" fill="#000">x</text>', /<svg > text>.*sans-serif.*not a registered font/],
    [`<text ${F} font-size="8" fill="#000" letter-spacing="2">x</text>`, /<svg > text>.*letter-spacing/],
    [`<text ${F} font-size="8" fill="#000"><tspan font-weight="bold">x</tspan></text>`, /<svg > text > tspan>.*font-weight/],
    [`<text ${F} font-size="8" fill="#000" stroke="#fff">x</text>`, /<svg > text>.*stroked text/],
    ['<rect width="5" height="5" fill="#000" transform="perspective(2)"/>', /<svg > rect>.*perspective/],
    ['<defs><pattern id="p"/></defs>', /pattern/],
  ])("throws, naming the element, on %s", (body, message) => {
    expect(() => svgToPdf(svg(body))).toThrow(SvgConversionError);
    expect(() => svgToPdf(svg(body))).toThrow(message);
  });

  it("refuses a document that is not SVG", () => {
    expect(() => svgToPdf("<html></html>")).toThrow(/root is not <svg>/);
  });

  it("accepts other registered families when told", () => {
    const root = svgToPdf(svg('<text font-family="Helvetica, sans-serif" font-size="8" fill="#000">x</text>'), { fontFamilies: ["Helvetica"] }) as El;
    expect((ofType(root, Text)[0].props.style as { fontFamily: string }).fontFamily).toBe("Helvetica");
  });
});
