// YAML's own error messages are written for programmers ("Nested mappings are not allowed in compact
// mappings"). These say what is wrong in the words of the person editing the file, and how to fix it.
import type { YAMLError } from "yaml";
import type { z } from "zod";

/** `line` is the text of the line the error is on, `next` the line after it (YAML text, not the file). */
export function explainYamlError(error: YAMLError, line: string, next = ""): string {
  const field = /^\s*(?:-\s+)?([A-Za-z][\w-]*):\s+(.*?)\s*$/.exec(line);
  switch (error.code) {
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      if (field && /:(\s|$)/.test(field[2]) && !/^["']/.test(field[2])) {
        return `The ${field[1]} has a colon followed by a space in it ("${field[2]}"), which YAML reads as the start of another field. Put the ${field[1]} in quotes: ${field[1]}: "${field[2].replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
      }
      if (/^\s+\S/.test(line) || (/^\s+\S/.test(next) && !/^\s*-/.test(next))) {
        return `${/^\s+\S/.test(line) ? "This line is indented, so it is read as part of the field above" : "The line after this one is indented, so it is read as part of this field"}. Start it at the beginning of the line; if it continues the text above, put that whole text in quotes on one line.`;
      }
      return "A colon followed by a space starts a new field; put any text that contains one in quotes.";
    case "MISSING_CHAR":
      return /quote/i.test(error.message)
        ? "A quotation mark opened here is never closed. Add the closing quotation mark at the end of the value."
        : `Something opened here is never closed (${error.message.split("\n")[0]}).`;
    case "BAD_INDENT":
      if (field && field[2].startsWith("[")) {
        return `The ${field[1]} starts with [, which YAML reads as the start of a list. If it is text, put it in quotes: ${field[1]}: "${field[2].replace(/"/g, '\\"')}"; if it is a list, end it with ].`;
      }
      return "The lines of this item do not line up. Indent every field of an item by the same number of spaces (see the examples in content/README.md).";
    case "TAB_AS_INDENT":
      return "This line is indented with a tab; YAML needs spaces. Replace the tab with spaces.";
    case "DUPLICATE_KEY":
      return `${field ? `"${field[1]}"` : "This field"} is given twice; keep only one.`;
    case "UNEXPECTED_TOKEN":
      if (field && /^["']/.test(field[2])) {
        return `The ${field[1]} starts with a quotation mark, so YAML expects it to end there, but the text goes on. Put the whole ${field[1]} in double quotes: ${field[1]}: "${field[2].replace(/"/g, '\\"')}"`;
      }
      break;
  }
  return `This line is not valid YAML (${error.message.split("\n")[0]}). Check the quotes, colons and indentation against content/README.md.`;
}

/** The field names an object schema allows at `path` (through lists and optional values), for "unknown key" messages. */
export function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node = schema as unknown as { def: { type: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown } };
  const unwrap = () => {
    while (node?.def && ["optional", "default", "nullable", "pipe"].includes(node.def.type) && node.def.innerType) node = node.def.innerType as typeof node;
  };
  unwrap();
  for (const key of path) {
    if (node?.def?.type === "object" && typeof key === "string") node = node.def.shape![key] as typeof node;
    else if (node?.def?.type === "array") node = node.def.element as typeof node;
    else return [];
    unwrap();
  }
  return node?.def?.type === "object" ? Object.keys(node.def.shape!) : [];
}
