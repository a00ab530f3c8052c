export { svgToPdf, SvgConversionError, type SvgToPdfOptions } from "./svgToPdf.tsx";
