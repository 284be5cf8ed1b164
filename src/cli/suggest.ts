/**
 * `stance suggest`: the app's suggesters from the command line, on the same
 * core code (src/core/suggest). `--train LABELED.jsonl INPUT.jsonl` learns
 * from the analysts' spans and writes, per input document and suggester, a
 * spans JSONL line whose spans carry `score` and whose `_annotator_id` is
 * `suggester:<name>` (importable as a separate lane). `--evaluate
 * LABELED.jsonl` prints the leave-one-document-out figures and which
 * suggesters would switch on. See docs/suggestions.md.
 */
import { recordWriter } from '@core/formats/index.ts';
import { ExportRefusal } from '@core/formats/record.ts';
import { SuggestEngine } from '@core/suggest/engine.ts';
import {
  suggesterSwitches,
  type Evaluation,
  type SwitchDecision,
  type SwitchOptions,
} from '@core/suggest/evaluate.ts';
import type { Gazetteer } from '@core/suggest/gazetteer.ts';
import { DEFAULT_MODEL } from '@core/suggest/model.ts';
import { SUGGESTERS, suggesterAnnotatorId, type SuggesterName } from '@core/suggest/types.ts';
import { AtomicFileWriter } from '../main/services/atomic-file.ts';
import type { CliCommand, CliIo } from './io.ts';
import { parseArgs } from './jsonl-file.ts';
import { readGazetteer, readInputDocs, readLabeled } from './suggest-input.ts';

const USAGE = `usage: stance suggest --train LABELED.jsonl INPUT.jsonl [-o OUT] [options]
       stance suggest --evaluate LABELED.jsonl [--json] [options]

Learns from the analysts' spans in LABELED.jsonl (spans JSONL, Prodigy db-out
or doccano; lines of suggestion lanes, suggester:*, are left out).

--train writes, for each document of INPUT.jsonl (its spans are ignored) and
each suggester, a spans JSONL line with _annotator_id "suggester:<name>" and
a score in [0, 1] on each span, to OUT (written atomically) or standard
output. Nothing is written when a line of either file is bad.

--evaluate prints leave-one-document-out span F1 per label, exact and overlap
(docs/agreement.md), for each suggester, with the documents and spans each
figure rests on, and which suggesters switch on.

  --with LIST        suggesters, comma-separated: ${SUGGESTERS.join(', ')}
                     (default: matcher,model for --train, all for --evaluate)
  --min-score X      leave out proposals scoring below X (default 0.5)
  --gazetteer FILE   cue phrases per label, JSON {"label": ["phrase", ...]}
  --seed N           the model's seed (default ${DEFAULT_MODEL.seed})
  --folds N          evaluate with at most N folds (default: one per document)
  --threshold X      held-out F1 a suggester needs to switch on (default 0.5)
  --metric M         exact or overlap (default overlap)
  --min-spans N      fewest analysts' spans a switch may rest on (default 10)
  --json             print the evaluation as JSON
`;

function fail(io: CliIo, message: string, code = 2): number {
  io.stderr(`stance suggest: ${message}\n${code === 2 ? `\n${USAGE}` : ''}`);
  return code;
}

function number(
  raw: string | undefined,
  name: string,
  check: (x: number) => boolean,
): number | undefined | Error {
  if (raw === undefined) return undefined;
  const x = Number(raw);
  return raw.trim() !== '' && Number.isFinite(x) && check(x) ? x : new Error(`${name} ${raw}`);
}

function fmt(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}

/** The evaluation as a readable table. */
export function formatEvaluation(
  ev: Evaluation,
  switches: Partial<Record<SuggesterName, SwitchDecision>>,
  options: Required<SwitchOptions>,
): string {
  const scheme =
    ev.scheme === 'leave-one-document-out'
      ? `leave-one-document-out (${ev.folds} folds)`
      : `${ev.folds} folds by document`;
  const width = ev.labels.reduce((w, l) => Math.max(w, l.length), 8);
  const head = `  ${'label'.padEnd(width)}  F1 exact  F1 overlap  docs  spans  proposed`;
  const out = [
    `${ev.documents} documents, ${ev.annotations} annotations, ${ev.spans} spans; ${scheme}; proposals scoring ≥ ${ev.minScore}`,
    '',
  ];
  for (const [name, s] of Object.entries(ev.suggesters)) {
    out.push(`${name}`, head);
    for (const [label, f] of Object.entries(s.labels))
      out.push(
        `  ${label.padEnd(width)}  ${fmt(f.f1_exact).padStart(8)}  ${fmt(f.f1_overlap).padStart(10)}  ${String(f.documents).padStart(4)}  ${String(f.reference).padStart(5)}  ${String(f.suggested).padStart(8)}`,
      );
    out.push(
      `  ${'macro'.padEnd(width)}  ${fmt(s.macro.f1_exact).padStart(8)}  ${fmt(s.macro.f1_overlap).padStart(10)}  ${''.padStart(4)}  ${String(s.reference).padStart(5)}  ${String(s.suggested).padStart(8)}`,
      '',
    );
  }
  out.push(
    `switch on at held-out ${options.metric} F1 ≥ ${options.threshold} on ≥ ${options.minSpans} spans:`,
  );
  for (const [name, d] of Object.entries(switches))
    out.push(`  ${name}: ${d.on ? 'on' : 'off'} (${d.reason})`);
  out.push('— : undefined (no span of the label on either side)', '');
  return out.join('\n');
}

export const suggestCommand: CliCommand = {
  name: 'suggest',
  summary: "suggest spans from analysts' labels (--train), or evaluate the suggesters (--evaluate)",
  usage: USAGE,
  async run(args, io) {
    const { positional, options, error } = parseArgs(
      args,
      [
        '--train',
        '--evaluate',
        '-o',
        '--output',
        '--with',
        '--min-score',
        '--gazetteer',
        '--seed',
        '--folds',
        '--threshold',
        '--metric',
        '--min-spans',
      ],
      ['--json'],
    );
    if (error) return fail(io, error);
    const train = options.get('--train');
    const evaluate = options.get('--evaluate');
    if ((train === undefined) === (evaluate === undefined))
      return fail(io, 'give either --train LABELED.jsonl INPUT.jsonl or --evaluate LABELED.jsonl');
    if (train !== undefined && positional.length !== 1)
      return fail(io, '--train needs exactly one INPUT.jsonl after the options');
    if (evaluate !== undefined && positional.length !== 0)
      return fail(io, `--evaluate takes no INPUT file (got ${positional.join(' ')})`);

    const withList = options.get('--with');
    const names = withList === undefined ? null : withList.split(',').filter(Boolean);
    const unknown = names?.filter((n) => !SUGGESTERS.includes(n as SuggesterName)) ?? [];
    if (names && (names.length === 0 || unknown.length > 0))
      return fail(io, `--with takes ${SUGGESTERS.join(', ')} (got ${withList})`);
    const minScore = number(options.get('--min-score'), '--min-score', (x) => x >= 0 && x <= 1);
    const seed = number(options.get('--seed'), '--seed', Number.isInteger);
    const folds = number(options.get('--folds'), '--folds', (x) => Number.isInteger(x) && x >= 2);
    const threshold = number(options.get('--threshold'), '--threshold', (x) => x >= 0 && x <= 1);
    const minSpans = number(
      options.get('--min-spans'),
      '--min-spans',
      (x) => Number.isInteger(x) && x >= 0,
    );
    for (const x of [minScore, seed, folds, threshold, minSpans])
      if (x instanceof Error) return fail(io, `not a valid value: ${x.message}`);
    const metric = options.get('--metric') ?? 'overlap';
    if (metric !== 'exact' && metric !== 'overlap') return fail(io, '--metric is exact or overlap');

    // Read everything first; any problem stops the command before anything is computed.
    const labeledPath = (train ?? evaluate)!;
    const labeled = await readLabeled(labeledPath);
    let errors = labeled.errors;
    for (const n of labeled.notes) io.stderr(`stance suggest: ${n}\n`);
    const input = train !== undefined ? await readInputDocs(positional[0]!) : null;
    if (input) errors = errors.concat(input.errors);
    let gazetteer: Gazetteer = {};
    const gPath = options.get('--gazetteer');
    if (gPath !== undefined) {
      const g = await readGazetteer(gPath);
      errors = errors.concat(g.errors);
      gazetteer = g.gazetteer ?? {};
    }
    if (errors.length === 0 && labeled.texts.every((t) => t.spans.length === 0))
      errors.push(`${labeledPath}: no labelled spans to learn from`);
    if (errors.length > 0)
      return fail(
        io,
        `${errors.length} problem(s), nothing computed:\n${errors.map((e) => `  ${e}`).join('\n')}`,
        1,
      );

    const engine = new SuggestEngine();
    engine.setAnnotations(labeled.texts);
    engine.setGazetteer(gazetteer);
    const model = seed === undefined ? {} : { seed: seed as number };

    if (evaluate !== undefined) {
      const docs = new Set(labeled.texts.map((t) => t.docId)).size;
      if (docs < 2)
        return fail(
          io,
          `${evaluate}: held-out figures need at least 2 documents (it has ${docs})`,
          1,
        );
      const ev = await engine.evaluate({
        suggesters: (names as SuggesterName[] | null) ?? SUGGESTERS,
        minScore: minScore as number | undefined,
        maxFolds: folds as number | undefined,
        model,
      });
      const sw: Required<SwitchOptions> = {
        threshold: (threshold as number | undefined) ?? 0.5,
        metric,
        minSpans: (minSpans as number | undefined) ?? 10,
      };
      const switches = suggesterSwitches(ev, sw);
      io.stdout(
        options.has('--json')
          ? `${JSON.stringify({ ...ev, switches })}\n`
          : formatEvaluation(ev, switches, sw),
      );
      return 0;
    }

    const chosen = (names as SuggesterName[] | null) ?? ['matcher', 'model'];
    if (chosen.includes('model')) await engine.train(model);
    engine.addDocuments(input!.docs);
    const write = recordWriter('spans');
    let text = '';
    let spans = 0;
    for (const doc of input!.docs) {
      const all = engine.suggest(doc, {
        suggesters: chosen,
        minScore: (minScore as number | undefined) ?? 0.5,
      });
      for (const name of chosen) {
        const mine = all.filter((s) => s.source === name);
        spans += mine.length;
        try {
          text += write({
            ...doc,
            status: null,
            docStance: null,
            annotatorId: suggesterAnnotatorId(name),
            spans: mine.map((s) => ({
              start: s.start,
              end: s.end,
              label: s.label,
              quote: s.quote,
              holder: null,
              note: null,
              agreedBy: null,
              score: s.score,
            })),
          });
        } catch (err) {
          if (err instanceof ExportRefusal) return fail(io, `nothing written: ${err.message}`, 1);
          throw err;
        }
      }
    }
    const outPath = options.get('-o') ?? options.get('--output');
    if (outPath === undefined) io.stdout(text);
    else {
      const out = await AtomicFileWriter.open(outPath);
      try {
        await out.write(text);
        await out.commit();
      } catch (err) {
        await out.abort();
        throw err;
      }
      io.stderr(
        `wrote ${input!.docs.length * chosen.length} line(s), ${spans} suggested span(s), to ${outPath}\n`,
      );
    }
    return 0;
  },
};
