/**
 * Load `connector/` (app.yaml, triggers.yaml, fields.yaml, lists.yaml, actions.yaml, locales/*.yaml, the logo) into one
 * checked model.
 * Every problem is collected with its file and line and reported together: first malformed YAML (later
 * checks would only add noise), then everything else in one run.
 */
import { isScalar, isSeq } from "yaml";
import { CannotRunError, ProblemListError, problemsOf, type Problem } from "../errors.js";
import { EVENT_TYPES, type EventTypeInfo } from "../event-types.js";
import type { ConnectorDefinition, LocaleLabels } from "../model/connector.js";
import { LOCALES, type Locale } from "../model/manifest.js";
import { readActionsYaml } from "./connector-actions.js";
import { checkApiDefinitions } from "./connector-api-checks.js";
import { readAppYaml, type AppYaml } from "./connector-app.js";
import { readFieldPolicy } from "./connector-fields.js";
import { checkLogo, checkTriggers } from "./connector-checks.js";
import { readListsYaml } from "./connector-lists.js";
import { readLocaleYaml, type ExpectedLabels } from "./connector-locales.js";
import { readTriggersYaml, type TriggersYaml } from "./connector-triggers.js";
import { didYouMean } from "./nearest-key.js";
import { diskFiles, type ProjectFiles } from "./project-files.js";
import { readYamlFile, YamlReader, type YamlFile } from "./yaml-file.js";

export const CONNECTOR_DIR = "connector";
const APP_FILE = `${CONNECTOR_DIR}/app.yaml`;
const TRIGGERS_FILE = `${CONNECTOR_DIR}/triggers.yaml`;
const FIELDS_FILE = `${CONNECTOR_DIR}/fields.yaml`;
const LISTS_FILE = `${CONNECTOR_DIR}/lists.yaml`;
const ACTIONS_FILE = `${CONNECTOR_DIR}/actions.yaml`;
const LOCALES_DIR = `${CONNECTOR_DIR}/locales`;

/** The locale files present, checking each name is a known locale and every locale has a file. */
async function findLocaleFiles(files: ProjectFiles, problems: Problem[]): Promise<Map<Locale, string>> {
  const names = (await files.filesIn(LOCALES_DIR)) ?? [];
  const found = new Map<Locale, string>();
  const known: readonly string[] = LOCALES;
  for (const name of names) {
    const file = `${LOCALES_DIR}/${name}`;
    const match = /^(.+)\.(yaml|yml)$/.exec(name);
    if (!match) continue;
    if (match[2] === "yml") {
      problems.push({ place: { file }, message: `rename to ${match[1]}.yaml (locale files end in .yaml)` });
    } else if (!known.includes(match[1]!)) {
      problems.push({
        place: { file },
        message: `unknown locale "${match[1]}"${didYouMean(match[1]!, known)}; the locales are ${known.join(", ")}`,
      });
    } else {
      found.set(match[1] as Locale, file);
    }
  }
  for (const locale of LOCALES) {
    if (!found.has(locale)) {
      problems.push({
        place: { file: `${LOCALES_DIR}/${locale}.yaml` },
        message: `missing locale file (every locale needs one: ${LOCALES.join(", ")})`,
      });
    }
  }
  return found;
}

/** Read and parse every YAML file; undefined where a file is missing or malformed (a problem says why). */
async function parseAll(files: ProjectFiles, yamlFiles: string[], problems: Problem[]): Promise<Map<string, YamlFile>> {
  const parsed = new Map<string, YamlFile>();
  await Promise.all(
    yamlFiles.map(async (file) => {
      try {
        const yaml = await readYamlFile(files, file);
        // An empty file would otherwise read as a mapping with every key missing: say it once.
        if (yaml.contents === null) problems.push({ place: { file, line: 1, column: 1 }, message: "the file is empty (expected a YAML mapping)" });
        else parsed.set(file, yaml);
      } catch (error) {
        if (!(error instanceof CannotRunError)) throw error;
        problems.push(...problemsOf(error, { file }));
      }
    }),
  );
  return parsed;
}

/** A group nobody uses would show as an empty heading in the trigger picker. */
function checkGroupsUsed(reader: YamlReader, app: AppYaml, triggers: TriggersYaml): void {
  if (!isSeq(app.nodes.groups)) return;
  for (const item of app.nodes.groups.items) {
    if (!isScalar(item) || typeof item.value !== "string") continue;
    const group = item.value;
    if (!triggers.entries.some(({ trigger }) => trigger.group === group)) {
      reader.report(item, `group "${group}" has no triggers; remove it or give it triggers`);
    }
  }
}

/** `registry`: the event types triggers may name (the real one unless a benchmark passes a synthetic one). */
export async function loadConnector(
  root: string,
  registry: readonly EventTypeInfo[] = EVENT_TYPES,
  files: ProjectFiles = diskFiles(root),
): Promise<ConnectorDefinition> {
  const problems: Problem[] = [];
  const localeFiles = await findLocaleFiles(files, problems);
  const yamlFiles = [APP_FILE, TRIGGERS_FILE, FIELDS_FILE, LISTS_FILE, ACTIONS_FILE, ...localeFiles.values()];
  const parsed = await parseAll(files, yamlFiles, problems);
  if (problems.length > 0) throw new ProblemListError(problems, `${CONNECTOR_DIR}/`);

  const appReader = new YamlReader(parsed.get(APP_FILE)!, problems);
  const app = readAppYaml(appReader);
  const triggersReader = new YamlReader(parsed.get(TRIGGERS_FILE)!, problems);
  const triggers = readTriggersYaml(triggersReader);
  const fieldPolicy = readFieldPolicy(new YamlReader(parsed.get(FIELDS_FILE)!, problems), registry);
  await checkTriggers(files, triggersReader, triggers, app.groups, registry);
  checkGroupsUsed(appReader, app, triggers);
  await checkLogo(files, appReader, app);
  const listsReader = new YamlReader(parsed.get(LISTS_FILE)!, problems);
  const lists = readListsYaml(listsReader);
  const actionsReader = new YamlReader(parsed.get(ACTIONS_FILE)!, problems);
  const actions = readActionsYaml(actionsReader);
  checkApiDefinitions({ app: appReader, lists: listsReader, actions: actionsReader }, app, lists, actions);

  const expected: ExpectedLabels = {
    connection: app.connectionFields.map((field) => field.code).filter(Boolean),
    groups: app.groups,
    triggers: triggers.entries.map(({ trigger }) => trigger.code).filter(Boolean),
    blocks: fieldPolicy.blocks.map((block) => block.id).filter(Boolean),
    authorizationFields: (app.authorization?.authorization.fields ?? []).map((field) => field.code).filter(Boolean),
    lists: new Map(lists.entries.map(({ list }) => [list.code, list.type === "static" ? list.items.map((item) => item.key) : []])),
    actions: actions.entries.map(({ action }) => action.code).filter(Boolean),
    actionFields: [...new Set(actions.entries.flatMap(({ action }) => [...action.fields, ...action.response].map((field) => field.id)).filter(Boolean))],
  };
  const locales = {} as Record<Locale, LocaleLabels>;
  for (const [locale, file] of localeFiles) {
    locales[locale] = readLocaleYaml(new YamlReader(parsed.get(file)!, problems), locale, expected);
  }
  if (problems.length > 0 || !app.authorization || !app.api) throw new ProblemListError(problems, `${CONNECTOR_DIR}/`);

  return {
    root,
    app: app.app,
    authorization: app.authorization.authorization,
    api: app.api.api,
    connectionFields: app.connectionFields,
    lists: lists.entries.map(({ list }) => list),
    actions: actions.entries.map(({ action }) => action),
    groups: app.groups,
    triggers: triggers.entries.map(({ trigger }) => trigger),
    fieldPolicy,
    locales,
    files: [...yamlFiles, app.app.logo].sort(),
  };
}
