/**
 * The HTTP request a request widget sends, from its Parameters rows and the values of the fields and of
 * the connection, the way scripts/albato-behaviour.ts takes Albato to do it: a row whose value is empty is
 * left out, each value is converted to its row's type, dotted keys build nested objects. `call` sends
 * what this renders; the build's request check renders every action with its examples.
 */
import { ARRAY_SEPARATOR, BOOLEAN_WORDS, EMPTY_ROWS_OMITTED } from "../albato-behaviour.js";
import { parseTemplate } from "../load/template.js";
import type { AlbatoFieldType, AlbatoScalarType, ManifestRequest } from "../model/manifest.js";

export interface RequestValues {
  /** Action field code → the text given for it; a field left empty is absent. */
  fields: ReadonlyMap<string, string>;
  /** Authorization and connection field code → value. */
  connection: ReadonlyMap<string, string>;
}

export interface RenderProblem {
  /** Index of the Parameters row, or undefined for the URL. */
  row?: number;
  /** The row's key, or "url". */
  key: string;
  /** The action field whose value it is, when it is one. */
  field?: string;
  message: string;
}

export interface RenderedRequest {
  url: string;
  body: Record<string, unknown>;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** A date and time as RFC 3339 in UTC, whole seconds unless the input had a fraction; undefined for a day or time that does not exist. */
function dateTimeText(text: string): string | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [1, 2, 3, 4, 5, 6, 9, 10].map((index) => Number(match[index] ?? 0));
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth || hour! > 23 || minute! > 59 || second! > 59 || offsetHours! > 23 || offsetMinutes! > 59) return undefined;
  const date = new Date(text.replace(" ", "T"));
  if (Number.isNaN(date.getTime())) return undefined;
  const iso = date.toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}

function scalarValue(text: string, type: AlbatoScalarType): { value: unknown } | { error: string } {
  switch (type) {
    case "Int": {
      const value = Number(text);
      if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) return { error: `expected a whole number, found "${text}"` };
      return { value };
    }
    case "Decimal": {
      const value = Number(text);
      if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) || !Number.isFinite(value)) return { error: `expected a number, found "${text}"` };
      return { value };
    }
    case "Boolean": {
      const word = text.toLowerCase();
      if (BOOLEAN_WORDS.value.true.includes(word)) return { value: true };
      if (BOOLEAN_WORDS.value.false.includes(word)) return { value: false };
      return { error: `expected ${[...BOOLEAN_WORDS.value.true, ...BOOLEAN_WORDS.value.false].join(", ")}, found "${text}"` };
    }
    case "DateTime": {
      const value = dateTimeText(text);
      return value === undefined ? { error: `expected an RFC 3339 date and time such as 2024-08-31T20:59:59Z, found "${text}"` } : { value };
    }
    default:
      return { value: text };
  }
}

/** The JSON value of a text sent as `type`: an Array type splits it at commas. */
export function convertValue(text: string, type: AlbatoFieldType): { value: unknown } | { error: string } {
  if (!type.endsWith("Array")) return scalarValue(text, type as AlbatoScalarType);
  const scalar = type.slice(0, -"Array".length) as AlbatoScalarType;
  const values: unknown[] = [];
  for (const part of text.split(ARRAY_SEPARATOR.value).map((item) => item.trim()).filter((item) => item !== "")) {
    const converted = scalarValue(part, scalar);
    if ("error" in converted) return { error: `element "${part}": ${converted.error}` };
    values.push(converted.value);
  }
  return { value: values };
}

const CONNECTION_IN_URL = /\{\{connection\.([A-Za-z][A-Za-z0-9]*)\}\}/g;

/** The URL's part after `https://{{connection.<host>}}`: the method's path. */
export function requestPath(request: ManifestRequest): string {
  return request.url.replace(/^https:\/\/\{\{connection\.[A-Za-z][A-Za-z0-9]*\}\}/, "");
}

/** Put `value` at the dotted `key` of `body`; false when a key on the way already holds a value that is not an object. */
function place(body: Record<string, unknown>, key: string, value: unknown): boolean {
  const parts = key.split(".");
  let node = body;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === undefined) node = node[part] = {};
    else if (typeof next === "object" && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>;
    else return false;
  }
  const last = parts.at(-1)!;
  if (node[last] !== undefined) return false;
  node[last] = value;
  return true;
}

export function renderRequest(request: ManifestRequest, values: RequestValues): { rendered?: RenderedRequest; problems: RenderProblem[] } {
  const problems: RenderProblem[] = [];
  const url = request.url.replace(CONNECTION_IN_URL, (_whole, name: string) => {
    const value = values.connection.get(name);
    if (value === undefined || value === "") problems.push({ key: "url", message: `no value for connection field "${name}"` });
    return value ?? "";
  });
  const body: Record<string, unknown> = {};
  request.parameters.forEach((row, index) => {
    const template = parseTemplate(row.value);
    if ("error" in template) {
      problems.push({ row: index, key: row.key, message: template.error });
      return;
    }
    const text = template.kind === "literal" ? template.text : (template.kind === "field" ? values.fields : values.connection).get(template.name);
    if (text === undefined || text === "") {
      if (template.kind === "connection") problems.push({ row: index, key: row.key, message: `no value for connection field "${template.name}"` });
      // An optional field left empty: its row is not sent.
      if (EMPTY_ROWS_OMITTED.value) return;
    }
    const converted = convertValue(text ?? "", row.type);
    if ("error" in converted) {
      problems.push({ row: index, key: row.key, ...(template.kind === "field" ? { field: template.name } : {}), message: converted.error });
      return;
    }
    if (!place(body, row.key, converted.value)) problems.push({ row: index, key: row.key, message: `body key "${row.key}" is filled twice` });
  });
  return problems.length > 0 ? { problems } : { rendered: { url, body }, problems };
}
