// A measuring pass (src/render/forceColumns.tsx) lays a force's entries out only to learn their heights
// and where their lines break, and is never drawn. A template says here what it leaves out of such a
// pass: what has a set size (a chart) is laid out as an empty box of that size, which measures the same;
// a column's slot takes the height of what it holds instead of the height the plan gives it.
import { createContext, useContext } from "react";

export const MeasuringPass = createContext(false);

export const useMeasuringPass = (): boolean => useContext(MeasuringPass);
