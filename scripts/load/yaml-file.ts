/**
 * YAML files read with their positions, so every value can be reported as `file:line:column`, and a
 * reader that checks shapes (mapping with a fixed set of keys, string, list of strings, boolean) while
 * collecting problems instead of stopping at the first.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type ParsedNode,
  type Scalar,
  type YAMLMap,
} from "yaml";
import { CannotRunError, type Place, type Problem } from "../errors.js";
import { didYouMean } from "./nearest-key.js";
import type { ProjectFiles } from "./project-files.js";

export interface YamlFile {
  /** Repo-relative path, as messages show it. */
  file: string;
  text: string;
  lineCounter: LineCounter;
  /** The top-level node; null for an empty file. */
  contents: ParsedNode | null;
}

/** The yaml package's message without its " at line 3, column 1:" suffix and code excerpt. */
function plainYamlMessage(message: string): string {
  const words = message.replace(/ at line \d+, column \d+:[\s\S]*$/, "").trim();
  return words.charAt(0).toLowerCase() + words.slice(1);
}

/** Parse YAML text; a syntax error becomes one line naming the file, line and column of the first error. */
export function parseYamlText(text: string, file: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const position = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    throw new CannotRunError(`not valid YAML: ${plainYamlMessage(error.message)}`, {
      file,
      line: position.line,
      column: position.col,
    });
  }
  return { file, text, lineCounter, contents: doc.contents as ParsedNode | null };
}

export async function readYamlFile(files: ProjectFiles, file: string): Promise<YamlFile> {
  const bytes = await files.read(file);
  if (bytes === undefined) throw new CannotRunError("file not found", { file });
  return parseYamlText(bytes.toString("utf8"), file);
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** What a node is, in words, for "expected …, found …" messages. */
export function describeNode(node: ParsedNode | null | undefined): string {
  if (node === null || node === undefined) return "nothing";
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isAlias(node)) return "an alias";
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return "nothing";
    if (typeof value === "string") return value === "" ? "an empty string" : `the string ${JSON.stringify(clip(value))}`;
    // The source text, so "1.0" reads as written, not as the number 1.
    const written = (node as Scalar & { source?: string }).source ?? String(value);
    if (typeof value === "number" || typeof value === "bigint") return `the number ${written}`;
    if (typeof value === "boolean") return written;
    return typeof value;
  }
  return "an unexpected value";
}

/** One key of a mapping with its key node (for "unknown key" places) and its value. */
export interface MappingEntry {
  key: string;
  keyNode: Scalar;
  value: ParsedNode | null;
}

export interface KeySpec<K extends string> {
  required: readonly K[];
  optional?: readonly K[];
}

/**
 * Reads nodes of one YAML file and records problems with their places. Each method returns undefined
 * (after recording why) when the node does not have the expected shape, so callers can go on and
 * report everything in one run. An `undefined` node is a key that is absent: `mapping` has already
 * reported it, so the readers return undefined silently; a `null` node is a key written without a value.
 */
export class YamlReader {
  constructor(
    readonly yaml: YamlFile,
    readonly problems: Problem[],
  ) {}

  get file(): string {
    return this.yaml.file;
  }

  /** Place of a node; a missing node falls back to `fallback`, then to the start of the file. */
  place(node: ParsedNode | Scalar | null | undefined, fallback?: ParsedNode | Scalar | null): Place {
    const range = node?.range ?? fallback?.range;
    if (!range) return { file: this.file, line: 1, column: 1 };
    const { line, col } = this.yaml.lineCounter.linePos(range[0]);
    return { file: this.file, line, column: col };
  }

  line(node: ParsedNode | Scalar | null | undefined): number {
    return this.place(node).line ?? 1;
  }

  report(node: ParsedNode | Scalar | null | undefined, message: string, fallback?: ParsedNode | Scalar | null): void {
    this.problems.push({ place: this.place(node, fallback), message });
  }

  /** The entries of a mapping whose keys are free (labels keyed by trigger code, field path …). */
  entries(node: ParsedNode | null | undefined, what: string, fallback?: ParsedNode | Scalar | null): MappingEntry[] | undefined {
    if (node === undefined) return undefined;
    if (!isMap(node)) {
      this.report(node, `${what}: expected a mapping, found ${describeNode(node)}`, fallback);
      return undefined;
    }
    const entries: MappingEntry[] = [];
    for (const pair of (node as YAMLMap<ParsedNode, ParsedNode | null>).items) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || typeof keyNode.value !== "string" || keyNode.value === "") {
        this.report(keyNode, `${what}: keys must be text, found ${describeNode(keyNode)}`, node);
        continue;
      }
      entries.push({ key: keyNode.value, keyNode, value: pair.value ?? null });
    }
    return entries;
  }

  /**
   * A mapping with a fixed set of keys: reports unknown keys (naming the nearest valid one) and missing
   * required keys, and returns the values by key.
   */
  mapping<K extends string>(
    node: ParsedNode | null | undefined,
    what: string,
    keys: KeySpec<K>,
    fallback?: ParsedNode | Scalar | null,
  ): Partial<Record<K, ParsedNode | null>> | undefined {
    const entries = this.entries(node, what, fallback);
    if (!entries) return undefined;
    const allowed = new Set<string>([...keys.required, ...(keys.optional ?? [])]);
    const values: Partial<Record<K, ParsedNode | null>> = {};
    for (const entry of entries) {
      if (!allowed.has(entry.key)) {
        this.report(entry.keyNode, `${what}: unknown key "${entry.key}"${didYouMean(entry.key, allowed)}`);
        continue;
      }
      values[entry.key as K] = entry.value;
    }
    for (const key of keys.required) {
      if (!entries.some((entry) => entry.key === key)) {
        this.report(node, `${what}: missing key "${key}"`);
      }
    }
    return values;
  }

  /** A non-empty string without surrounding whitespace (labels are shown as is). */
  string(node: ParsedNode | null | undefined, what: string, fallback?: ParsedNode | Scalar | null): string | undefined {
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== "string" || node.value === "") {
      this.report(node, `${what}: expected a non-empty string, found ${describeNode(node)}`, fallback);
      return undefined;
    }
    if (node.value !== node.value.trim()) {
      this.report(node, `${what}: remove the leading or trailing whitespace (for long text use ">-")`, fallback);
    }
    return node.value;
  }

  boolean(node: ParsedNode | null | undefined, what: string, fallback?: ParsedNode | Scalar | null): boolean | undefined {
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== "boolean") {
      this.report(node, `${what}: expected true or false, found ${describeNode(node)}`, fallback);
      return undefined;
    }
    return node.value;
  }

  /** The items of a list. */
  list(node: ParsedNode | null | undefined, what: string, fallback?: ParsedNode | Scalar | null): ParsedNode[] | undefined {
    if (node === undefined) return undefined;
    if (!isSeq(node)) {
      this.report(node, `${what}: expected a list, found ${describeNode(node)}`, fallback);
      return undefined;
    }
    return node.items as ParsedNode[];
  }

  /** A list of non-empty strings, each once. */
  stringList(node: ParsedNode | null | undefined, what: string, fallback?: ParsedNode | Scalar | null): string[] | undefined {
    if (node === undefined) return undefined;
    if (!isSeq(node)) {
      this.report(node, `${what}: expected a list of strings, found ${describeNode(node)}`, fallback);
      return undefined;
    }
    const values: string[] = [];
    for (const item of node.items as ParsedNode[]) {
      const value = this.string(item, `${what} item`, node);
      if (value === undefined) continue;
      if (values.includes(value)) this.report(item, `${what}: "${value}" is listed twice`);
      else values.push(value);
    }
    return values;
  }
}
