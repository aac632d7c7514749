/**
 * The build: load (schemas, connector, lock, samples) → derive (fields, field codes, manifest, generated
 * code, guides, package) → check (everything; every problem collected) → write (staged, then renamed into
 * place). A definition with any error or failed check writes nothing at all.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { loadManifestCheck } from "../check/manifest-schema.js";
import type { BuildProblem } from "../check/problem.js";
import { exitCodeOf, sortBuildProblems, withSeverity } from "../check/problem.js";
import { LOCK_FILE, renderLock, updateLock } from "../derive/field-codes.js";
import { isTypeTwin, TYPES_FILE, VALIDATORS_DIR } from "../derive/generated-paths.js";
import { typesSourceHash } from "../derive/types-stamp.js";
import type { EventFields } from "../derive/fields.js";
import { deriveFields } from "../derive/fields.js";
import { deriveManifest } from "../derive/manifest.js";
import type { EventTypeInfo } from "../event-types.js";
import { EVENT_TYPES } from "../event-types.js";
import type { ConnectorDefinition } from "../model/connector.js";
import { MANIFEST_ENTRY, packageFileName, sha256 } from "../write/package.js";
import type { ZipEntry } from "../write/zip.js";
import { createZip } from "../write/zip.js";
import { checkStage } from "./check-stage.js";
import { prepareGeneratedFiles } from "./generated-cache.js";
import { INPUT_DIRS, readInputs } from "./inputs.js";
import { attempt, loadStage } from "./load-stage.js";
import type { Side } from "../diff/side.js";
import { collectSamples } from "../diff/side.js";
import { renderPackage, type RenderedPackage } from "./render-package.js";
import { generatedValidators, parseSamples } from "./samples.js";
import { staleCommittedFiles } from "./stale.js";
import type { BuildSummary, FailureSummary } from "./summary.js";
import { reportProblem } from "./summary.js";
import { writeStage } from "./write-stage.js";

export interface BuildOptions {
  /** Absolute path of the project (schemas/, connector/). */
  root: string;
  /** Absolute path of the output folder (dist/ by default). */
  out: string;
  /** Compare what would be generated with what is committed; write nothing. */
  check: boolean;
  /** The event-type registry (the real one unless a benchmark passes a synthetic one). */
  registry?: readonly EventTypeInfo[];
  /** Read derived code from the cache (`--no-cache` turns it off; a benchmark's cold run too). */
  useCache?: boolean;
  /** Input bytes already read (by the cache probe). */
  inputs?: Map<string, Buffer>;
  /** Entries other generators add to the package. */
  extraPackageEntries?: readonly ZipEntry[];
  /** A published release to compare with (`--baseline`): a version number too small for the changes fails. */
  baseline?: Side;
}

export interface BuildOutcome {
  exitCode: number;
  /** Every problem and warning, sorted. */
  problems: BuildProblem[];
  summary?: BuildSummary;
  failure?: FailureSummary;
  /** Output path (root-relative or absolute) → SHA-256, for the cache. */
  outputs: Record<string, string>;
  /** The inputs as they are after the build (the lock may have gained entries). */
  inputs: Map<string, Buffer>;
  /** Inputs read from outside schemas/ and connector/. */
  extraInputs: string[];
}

/** Excluded leaves grouped by path: one entry per path, the triggers it is excluded from. */
function excludedSummary(connector: ConnectorDefinition, triggerFields: readonly EventFields[]): BuildSummary["excluded"] {
  const byPath = new Map<string, { path: string; reason: string; triggers: string[] }>();
  triggerFields.forEach((event, index) => {
    for (const leaf of event.excluded) {
      const entry = byPath.get(leaf.path) ?? { path: leaf.path, reason: leaf.reason, triggers: [] };
      entry.triggers.push(connector.triggers[index]!.code);
      byPath.set(leaf.path, entry);
    }
  });
  return [...byPath.values()];
}

/**
 * What the cache watches: the package and every file written, except the lock (an input) and the types'
 * twins, which tsc rewrites; a rewrite there says nothing about the schemas.
 */
function watchedOutputs(
  root: string,
  files: ReadonlyMap<string, string | Buffer>,
  outputs: Record<string, string>,
  display: (path: string) => string,
): Record<string, string> {
  for (const [path, text] of files) {
    const file = relative(root, path).split(sep).join("/");
    if (file !== LOCK_FILE && !isTypeTwin(file)) outputs[display(path)] = sha256(text);
  }
  return outputs;
}

export async function runBuild(options: BuildOptions): Promise<BuildOutcome> {
  const { root, out, check } = options;
  const inputs = options.inputs ?? readInputs(root);
  const display = (path: string): string => {
    const rel = relative(root, path);
    return rel.startsWith("..") || isAbsolute(rel) ? path : rel.split("\\").join("/");
  };
  const problems: BuildProblem[] = [];
  let stale: string[] = [];
  const outcome = (extra: Partial<BuildOutcome> = {}): BuildOutcome => {
    const sorted = sortBuildProblems(problems);
    const exitCode = exitCodeOf(sorted);
    const result: BuildOutcome = { exitCode, problems: sorted, outputs: {}, inputs, extraInputs: [], ...extra };
    if (exitCode !== 0) {
      const report = (warnings: boolean) => sorted.filter((p) => (p.severity === "warning") === warnings).map(reportProblem);
      result.failure = { ok: false, check, exitCode, problems: report(false), warnings: report(true), stale };
    }
    return result;
  };

  // Load.
  const registry = options.registry ?? EVENT_TYPES;
  const load = await loadStage(root, inputs, registry);
  problems.push(...load.problems);
  if (!load.loaded) return outcome();
  const loaded = load.loaded;
  const { schemas, connector } = loaded;

  // Derive fields, codes, the manifest and the generated code.
  const triggerFields: EventFields[] = connector.triggers.map((trigger) => {
    const event = schemas.events.get(trigger.eventType);
    return event ? deriveFields(event, trigger.exclude) : { eventType: trigger.eventType, fields: [], excluded: [], unmappable: [], unusedExcludes: [] };
  });
  const update = updateLock(loaded.lock, triggerFields.flatMap((event) => event.fields.map((field) => field.path)));
  const manifest = deriveManifest({ connector, triggerFields, codes: update.codes, registry });
  const manifestPath = join(out, "manifest.json");
  const useCache = options.useCache !== false;
  // --check and --no-cache generate the types afresh: neither a current stamp on the committed ones nor
  // the cache (which may hold them) counts, so a generator change that forgot TYPES_REVISION is stale.
  const fresh = check || !useCache;
  const cacheOptions = { read: !fresh, write: !check, trustTypesStamp: !fresh };
  const parsed = parseSamples(connector.triggers, (file) => inputs.get(file));
  const logo = inputs.get(connector.app.logo) ?? (await readFile(join(root, connector.app.logo)).catch(() => undefined));
  const render = (): RenderedPackage => {
    // The logo checks report a missing logo; past them, there is one.
    if (!logo) throw new Error(`cannot read the logo ${connector.app.logo}`);
    return renderPackage({ manifest, schemas, samples: parsed.samples, inputs, logo, extra: options.extraPackageEntries ?? [] });
  };
  // Render the package now and compress it on libuv's threads while this one generates and checks the
  // code. A definition the checks will reject may not render at all: it is then rendered (or not) after
  // the checks, as before, and nothing broken is ever written.
  let rendered: RenderedPackage | undefined;
  try {
    rendered = render();
  } catch {
    rendered = undefined;
  }
  const generate = await attempt(() => prepareGeneratedFiles(root, schemas, cacheOptions), problems);
  // From here to the checks' end, this thread only computes: libuv's threads compress meanwhile.
  const zipping = rendered && createZip(rendered.entries);
  zipping?.catch(() => undefined);
  const generated = generate && (await attempt(async () => generate(), problems));

  // Check.
  const checkManifest = loadManifestCheck(schemas.documents.values());
  const checked = checkStage({
    loaded,
    triggerFields,
    update,
    manifest,
    ...(rendered ? { written: JSON.parse(rendered.manifestText) as unknown } : {}),
    manifestFile: display(manifestPath),
    checkManifest,
    samples: parsed.samples,
    sampleProblems: parsed.problems,
    ...(generated ? { validatorOf: generatedValidators(generated, VALIDATORS_DIR) } : {}),
  });
  problems.push(...checked.problems);
  if (options.baseline) {
    const next: Side = {
      label: "this build",
      kind: "memory",
      manifest,
      documents: schemas.documents,
      samples: collectSamples(parsed.samples.map((sample) => ({ file: sample.file, data: sample.value }))),
    };
    // Loaded only for --baseline: the diff rules are not needed by an ordinary build.
    const { checkVersionBump } = await import("../diff/version-bump.js");
    const bump = checkVersionBump(options.baseline, next);
    if (!bump.ok) problems.push({ rule: "versionBump", severity: "failure", place: { file: connector.app.place.file, pointer: "/version" }, message: bump.message });
  }
  const renderedLock = renderLock(update.codes);
  if (check) {
    const found = await staleCommittedFiles(
      root,
      { text: loaded.lockText, rendered: renderedLock, added: update.added },
      { file: TYPES_FILE, text: generated?.get(TYPES_FILE), sourceHash: typesSourceHash(schemas) },
    );
    stale = found.stale;
    problems.push(...found.problems);
  }
  if (exitCodeOf(problems) !== 0 || !generated) return outcome();

  // Render (if not done above), then write (a check run only computes the package, to report its hash).
  const { manifestText, guides, reviews, entries } = rendered ?? render();
  const zipPath = join(out, packageFileName(manifest.app.version));
  // The documents dist/ shares with the package, as the package's bytes: encoding them once is enough.
  const packaged = new Map(entries.map((entry) => [entry.name, entry.data]));
  const asPackaged = (name: string, text: string): [string, string | Buffer] => [join(out, name), packaged.get(name) ?? text];
  const files = new Map<string, string | Buffer>([
    asPackaged(MANIFEST_ENTRY, manifestText),
    ...[...guides, ...reviews].map(([name, text]) => asPackaged(name, text)),
  ]);
  if (loaded.lockText !== renderedLock) files.set(join(root, LOCK_FILE), renderedLock);
  for (const [file, text] of generated) files.set(join(root, file), text);
  const zipped = zipping ?? createZip(entries);

  let zipBytes: Buffer;
  let written: string[] = [];
  if (check) {
    zipBytes = await zipped;
  } else {
    const validatorNames = new Set([...generated.keys()].filter((file) => file.startsWith(`${VALIDATORS_DIR}/`)).map((file) => file.slice(VALIDATORS_DIR.length + 1)));
    const result = await writeStage({
      // The manifest's schema check ran on its rendered text when that was rendered before the checks;
      // the re-check of the package then proves the entry is those very bytes.
      zip: {
        path: zipPath,
        displayName: display(zipPath),
        entries,
        zipped,
        ...(rendered ? {} : { checkManifest: (json: unknown) => checkManifest(json, `${display(zipPath)}!manifest.json`) }),
      },
      files,
      validators: { dir: join(root, VALIDATORS_DIR), keep: validatorNames },
    });
    problems.push(...withSeverity("error", result.problems.map((problem) => ({ ...problem, rule: "package" }))));
    if (!result.zipBytes) return outcome();
    zipBytes = result.zipBytes;
    written = result.written.map(display);
    if (loaded.lockText !== renderedLock) inputs.set(LOCK_FILE, Buffer.from(renderedLock));
  }

  const outputs = watchedOutputs(root, files, { [display(zipPath)]: sha256(zipBytes) }, display);

  const summary: BuildSummary = {
    ok: true,
    check,
    cached: false,
    version: manifest.app.version,
    manifest: display(manifestPath),
    package: display(zipPath),
    sha256: sha256(zipBytes),
    guides: [...guides.keys()].map((name) => display(join(out, name))),
    reviews: [...reviews.keys()].map((name) => display(join(out, name))),
    triggers: manifest.triggers.length,
    fields: manifest.triggers.reduce((sum, trigger) => sum + trigger.fields.length, 0),
    excluded: excludedSummary(connector, triggerFields),
    lock: { file: LOCK_FILE, added: update.added, stale: update.stale },
    warnings: sortBuildProblems(problems).filter((problem) => problem.severity === "warning").map(reportProblem),
    coverage: checked.coverage,
    written,
  };
  const extraInputs = connector.files.filter((file) => !INPUT_DIRS.some((dir) => file.startsWith(`${dir}/`)));
  return outcome({ summary, outputs, extraInputs });
}
