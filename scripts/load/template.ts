/**
 * The values of Parameters rows: a literal, or one template naming an action field (`{{<field code>}}`)
 * or a value of the connection (`{{connection.<code>}}`: an authorization or connection field). The
 * connector YAML names action fields by id, the manifest by code; the syntax is the same.
 */
export type Template =
  | { kind: "literal"; text: string }
  | { kind: "field"; name: string }
  | { kind: "connection"; name: string };

const NAME = "[A-Za-z][A-Za-z0-9]*";
const WHOLE = new RegExp(`^\\{\\{(?:(connection)\\.)?(${NAME})\\}\\}$`);

/** What a row's value is; a string with `{{` that is not exactly one template is a mistake, said in words. */
export function parseTemplate(value: string): Template | { error: string } {
  const match = WHOLE.exec(value);
  if (match) return match[1] ? { kind: "connection", name: match[2]! } : { kind: "field", name: match[2]! };
  if (value.includes("{{") || value.includes("}}")) {
    return { error: `"${value}" is not one template: write the whole value as {{<field>}} or {{connection.<field>}}, or a literal without braces` };
  }
  return { kind: "literal", text: value };
}

export function fieldTemplate(name: string): string {
  return `{{${name}}}`;
}

export function connectionTemplate(name: string): string {
  return `{{connection.${name}}}`;
}
