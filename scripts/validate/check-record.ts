/**
 * A `listen` capture record (model/capture.ts) holds a whole request; what `validate` checks in it is the
 * body, the batch Altcraft posted. A body that holds nothing to check (cut off at the size limit, not
 * UTF-8, empty, not JSON) is one problem at the record's line naming the request, never skipped in silence.
 */
import { isUtf8 } from "node:buffer";
import { locateJsonError } from "../load/json.js";
import { recordBodyBytes, type CaptureRecord } from "../model/capture.js";
import type { CheckSink } from "./findings.js";
import { invalidUtf8Byte } from "./utf8.js";

/** The parsed body (with its text, for the integer check), or undefined when it was reported instead. */
export function checkRecord(record: CaptureRecord, file: string, line: number | undefined, sink: CheckSink): { value: unknown; text: string } | undefined {
  const problem = (keyword: string, message: string): undefined => {
    sink.event(undefined, false);
    sink.finding({ file, line, pointer: "", keyword, message: `request ${record.method} ${record.path}: ${message}` });
    return undefined;
  };
  if (record.truncated) {
    const kept = recordBodyBytes(record).length;
    return problem("truncated", `the body was cut off after ${kept} of its ${record.bodyBytes} bytes (larger than listen's --max-body): not checked`);
  }
  let text = record.body;
  if (record.bodyBase64 !== undefined) {
    const bytes = recordBodyBytes(record);
    if (!isUtf8(bytes)) {
      const { offset, hex } = invalidUtf8Byte(bytes);
      return problem("encoding", `the body is not valid UTF-8 (byte ${hex} at byte ${offset} of the body): not checked`);
    }
    text = bytes.toString("utf8");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return problem("empty", "the body is empty: no events");
  try {
    return { value: JSON.parse(text), text };
  } catch (error) {
    const { line: bodyLine, column, reason } = locateJsonError(text, error);
    const at = bodyLine === undefined ? "" : ` (line ${bodyLine}, column ${column} of the body)`;
    return problem("json", `the body is not valid JSON: ${reason}${at}`);
  }
}
