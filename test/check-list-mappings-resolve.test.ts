/** listMappingsResolve: dynamic lists read an array of items with a key and a name; fields take the keys of the list they name. */
import { describe, expect, it } from "vitest";
import { listMappingsResolve } from "../scripts/check/constraints/listMappingsResolve.js";
import type { ConnectorDynamicList } from "../scripts/model/connector.js";
import { derive, fixtureConnector } from "./fixtures/build/definition.js";

const messages = (connector = fixtureConnector()) => {
  const { manifest, context } = derive(connector);
  return listMappingsResolve(manifest, context).map((problem) => `${problem.place.file}:${problem.place.line} ${problem.message}`);
};
const databases = (connector: ReturnType<typeof fixtureConnector>) => connector.lists[0] as ConnectorDynamicList;

describe("listMappingsResolve", () => {
  it("accepts the items of databases/list by id and name, and an Int field on them", () => {
    expect(messages()).toEqual([]);
  });

  it("reports an array path that is missing, or not an array of items", () => {
    const connector = fixtureConnector();
    databases(connector).items.path = "items";
    expect(messages(connector)).toEqual([
      'connector/lists.yaml:2 list "databases": the items are read from data.items, but schemas/api/databases-list.response.schema.json declares no "items" there',
    ]);
    databases(connector).items.path = "total_count";
    expect(messages(connector)).toEqual([
      'connector/lists.yaml:2 list "databases": data.total_count is integer in schemas/api/databases-list.response.schema.json, not an array of items',
    ]);
  });

  it("reports an item key or name the items do not declare, or that is not a value", () => {
    const connector = fixtureConnector();
    databases(connector).items.key = "ID";
    databases(connector).items.name = "Groups";
    expect(messages(connector)).toEqual([
      'connector/lists.yaml:2 list "databases": the item key is read from ID, but the items in schemas/api/databases-list.response.schema.json declare no "ID"',
      'connector/lists.yaml:2 list "databases": the item name Groups is array in schemas/api/databases-list.response.schema.json, not a value',
    ]);
  });

  it("reports a field whose type does not take the list's keys, and a field naming no list", () => {
    const connector = fixtureConnector();
    connector.actions[0]!.fields[0]!.type = "Boolean";
    connector.actions[0]!.fields[1]!.type = "Int";
    connector.actions[1]!.fields[0]!.list = "codes";
    expect(messages(connector)).toEqual([
      'connector/actions.yaml:2 action "profileGet" field "database": is Boolean, but the keys of list "databases" are integer',
      'connector/actions.yaml:2 action "profileGet" field "matching": is Int, but the keys of static list "matchingModes" are text',
      'connector/actions.yaml:30 action "promoCodeUpdate" field "promoCode": no list "codes"',
    ]);
  });
});
