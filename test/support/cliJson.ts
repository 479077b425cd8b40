/**
 * The JSON documents the built CLI prints, read by the tests that run it: each is checked against the shape the
 * test relies on (a document of another shape fails there, naming the field), and every other field is kept.
 */
import * as v from 'valibot';

const diagnostic = v.looseObject({
  file: v.optional(v.string()),
  rule: v.string(),
  severity: v.string(),
  message: v.string(),
  line: v.number(),
  column: v.number(),
});

const lintReport = v.looseObject({
  skills: v.array(v.looseObject({ dir: v.string(), diagnostics: v.array(diagnostic) })),
  summary: v.looseObject({ skills: v.number(), errors: v.number(), warnings: v.number() }),
});

const sarifLog = v.looseObject({
  version: v.string(),
  runs: v.array(
    v.looseObject({
      tool: v.looseObject({
        driver: v.looseObject({
          name: v.string(),
          version: v.string(),
          rules: v.array(v.looseObject({ id: v.string(), help: v.looseObject({ text: v.string() }), properties: v.optional(v.unknown()) })),
        }),
      }),
      results: v.array(
        v.looseObject({
          ruleId: v.string(),
          ruleIndex: v.number(),
          level: v.string(),
          locations: v.array(
            v.looseObject({
              physicalLocation: v.looseObject({
                artifactLocation: v.looseObject({ uri: v.string() }),
                region: v.looseObject({ startLine: v.number() }),
              }),
            }),
          ),
        }),
      ),
    }),
  ),
});

const published = v.looseObject({ skill_id: v.string() });

const refused = v.looseObject({
  error: v.looseObject({ status: v.number(), request_id: v.string(), message: v.string() }),
});

/** `lint --format json`. */
export function lintReportOf(stdout: string): v.InferOutput<typeof lintReport> {
  return v.parse(lintReport, JSON.parse(stdout));
}

/** `lint --format sarif`. */
export function sarifOf(stdout: string): v.InferOutput<typeof sarifLog> {
  return v.parse(sarifLog, JSON.parse(stdout));
}

/** `publish --format json` (a new skill, a new version, a restored version or a dry run). */
export function publishedOf(stdout: string): v.InferOutput<typeof published> {
  return v.parse(published, JSON.parse(stdout));
}

/** `publish --format json` when the service refused the upload. */
export function refusedOf(stdout: string): v.InferOutput<typeof refused> {
  return v.parse(refused, JSON.parse(stdout));
}
