/**
 * `stance actors LABELED.jsonl [...] [--json|--csv]`: the actors × labels
 * table of the app's Analysis view (src/core/actors/analysis.ts, the same
 * code), over spans JSONL files, as a table, as JSON with the evidence
 * behind every count, or as the app's CSV.
 */
import { computeAnalysis, SEVERAL_LABELS, type AnalysisView } from '@core/actors/analysis.ts';
import { analysisJson } from '@core/actors/analysis-json.ts';
import { analysisCsv } from '@core/actors/csv.ts';
import {
  attributionDocs,
  computeAttributionAgreement,
  type AttributionReport,
  type HolderSpan,
} from '@core/agreement/attribution.ts';
import { GOLD_ANNOTATOR_ID } from '@core/model.ts';
import { readAnalysisFiles } from './actors-reader.ts';
import type { CliCommand } from './io.ts';

const USAGE = `usage: stance actors FILE.jsonl [FILE.jsonl ...] [--json | --csv]
                    [--annotator ID ...] [--gold] [--outlet NAME ...]
                    [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--bucket day|month|year]
       stance actors FILE.jsonl [FILE.jsonl ...] --agreement [--json] [--annotator ID ...]

Who holds which stance: the actors × labels table of the app's Analysis
view, over spans JSONL files (Prodigy db-out and doccano are read too; they
carry no holders). A span's holder is its holder_id actor, else its holder
text (the same as an actor's name counts as that actor), else nobody; a span
in the outlet's voice with no holder counts for the outlet.

Overlapping spans of one holder in one document are one statement, counted
once, whoever marked them; one given several labels is counted under
"${SEVERAL_LABELS}"; overlapping statements annotators attribute to
different holders count once, for the holder most of them chose, or as
"(holder disputed)" on a tie. See docs/actors.md.

  --json          {"annotators","documents","spans","columns","rows",...} with the
                  evidence (documents, offsets, quotes) behind every count
  --csv           the table as the app exports it (RFC 4180, UTF-8 with BOM)
  --annotator ID  count only these annotators' spans (repeatable); default
                  everyone but gold
  --gold          count only the adjudicated layer (annotator "gold")
  --outlet NAME   only articles of these outlets (repeatable)
  --from, --to    only articles dated within (inclusive); undated ones are left out
  --bucket        time buckets of over_time (default day)
  --agreement     instead of the table: agreement on attribution per pair of
                  annotators, over the spans they both marked (same document and
                  label, overlapping, paired one to one): share of the same holder,
                  attribution kind and target, and Cohen's kappa over holders and
                  over kinds (docs/agreement.md, "Attribution")
`;

const DATE = /^\d{4}-\d{2}-\d{2}$/u;

function cell(s: string, width: number, right = false): string {
  const n = [...s].length;
  const pad = ' '.repeat(Math.max(0, width - n));
  return right ? pad + s : s + pad;
}

/** The view as a plain-text table. */
export function formatTable(view: AnalysisView): string {
  const header = ['holder', ...view.columns, 'total'];
  const rows = view.rows.map((r) => [
    r.holder.nameEn && r.holder.nameEn !== r.holder.name
      ? `${r.holder.name} (${r.holder.nameEn})`
      : r.holder.name,
    ...view.columns.map((c) => String(r.counts[c] ?? 0)),
    String(r.total),
  ]);
  const totals = ['total', ...view.columns.map((c) => String(view.totals.counts[c] ?? 0))];
  totals.push(String(view.totals.total));
  const all = [header, ...rows, totals];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...r[i]!].length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => cell(c, widths[i]!, i > 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const d = view.disagreements;
  return [
    `${view.annotators.length} annotator(s) (${view.annotators.join(', ') || 'none'}), ${view.documents} document(s), ${view.spans} span(s), ${view.totals.total} statement(s)`,
    '',
    line(header),
    rule,
    ...rows.map(line),
    rule,
    line(totals),
    '',
    `disagreements: ${d.label} statement(s) with different labels, ${d.holder} with different holders (see docs/actors.md)`,
    '',
  ].join('\n');
}

/** Parses the options; returns them or an error message. */
function options(args: string[]):
  | {
      files: string[];
      out: 'table' | 'json' | 'csv';
      annotators: string[];
      gold: boolean;
      outlets: string[];
      from: string | null;
      to: string | null;
      bucket: 'day' | 'month' | 'year';
      agreement: boolean;
    }
  | string {
  const o = {
    files: [] as string[],
    out: 'table' as 'table' | 'json' | 'csv',
    annotators: [] as string[],
    gold: false,
    outlets: [] as string[],
    from: null as string | null,
    to: null as string | null,
    bucket: 'day' as 'day' | 'month' | 'year',
    agreement: false,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [name, inline] = a.startsWith('--') && a.includes('=') ? a.split(/=(.*)/su) : [a];
    const value = (): string | null => inline ?? args[++i] ?? null;
    if (name === '--json' || name === '--csv') {
      if (o.out !== 'table') return 'give --json or --csv, not both';
      o.out = name === '--json' ? 'json' : 'csv';
    } else if (name === '--gold') o.gold = true;
    else if (name === '--agreement') o.agreement = true;
    else if (['--annotator', '--outlet', '--from', '--to', '--bucket'].includes(name!)) {
      const v = value();
      if (v === null || v === '') return `${name} needs a value`;
      if (name === '--annotator') o.annotators.push(v);
      else if (name === '--outlet') o.outlets.push(v);
      else if (name === '--bucket') {
        if (v !== 'day' && v !== 'month' && v !== 'year')
          return `--bucket must be day, month or year (got ${v})`;
        o.bucket = v;
      } else {
        if (!DATE.test(v) || Number.isNaN(Date.parse(v)))
          return `${name} must be a date YYYY-MM-DD (got ${v})`;
        if (name === '--from') o.from = v;
        else o.to = v;
      }
    } else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
    else o.files.push(a);
  }
  if (o.files.length === 0) return 'give at least one FILE';
  if (o.gold && o.annotators.length > 0) return 'give --gold or --annotator, not both';
  if (o.from && o.to && o.from > o.to) return `--from ${o.from} is after --to ${o.to}`;
  if (o.agreement && (o.out === 'csv' || o.gold || o.outlets.length || o.from || o.to))
    return '--agreement takes only --json and --annotator';
  return o;
}

export const actorsCommand: CliCommand = {
  name: 'actors',
  summary: 'who holds which stance: the actors × labels table of spans JSONL files',
  usage: USAGE,
  async run(args, io) {
    const o = options(args);
    if (typeof o === 'string') {
      io.stderr(`stance actors: ${o}\n\n${USAGE}`);
      return 2;
    }
    const read = await readAnalysisFiles(o.files);
    for (const n of read.notes) io.stderr(`stance actors: ${n}\n`);
    if (read.errors.length > 0) {
      io.stderr(
        `stance actors: ${read.errors.length} problem(s), nothing counted:\n${read.errors.map((e) => `  ${e}`).join('\n')}\n`,
      );
      return 1;
    }
    if (o.agreement) {
      const chosen = o.annotators.length > 0 ? o.annotators : read.annotators;
      const report = attributionAgreement(read, chosen);
      if (chosen.length < 2)
        io.stderr(
          `stance actors: only one annotator (${chosen[0] ?? 'none'}): there is no pair to compare.\n`,
        );
      io.stdout(o.out === 'json' ? `${JSON.stringify(report)}\n` : formatAgreement(report));
      return 0;
    }
    const filter = {
      annotators: o.gold ? [GOLD_ANNOTATOR_ID] : o.annotators.length > 0 ? o.annotators : null,
      outlets: o.outlets.length > 0 ? o.outlets : null,
      from: o.from,
      to: o.to,
    };
    const view = computeAnalysis(read.spans, read.docs, read.actors, filter, {
      timeBucket: o.bucket,
    });
    if (view.spans === 0) io.stderr('stance actors: no span passes the filters.\n');
    if (o.out === 'json')
      io.stdout(
        `${JSON.stringify(analysisJson(view, read.docs, (k) => read.docIds.get(k) ?? null))}\n`,
      );
    else if (o.out === 'csv') io.stdout(analysisCsv(view));
    else io.stdout(formatTable(view));
    return 0;
  },
};

/** Attribution agreement between `annotators` over what the files hold. */
function attributionAgreement(
  read: Awaited<ReturnType<typeof readAnalysisFiles>>,
  annotators: readonly string[],
): AttributionReport {
  const annotations = new Map<string, Map<string, HolderSpan[]>>();
  for (const [doc, who] of read.annotated) {
    const m = new Map<string, HolderSpan[]>();
    for (const a of who) if (annotators.includes(a)) m.set(a, []);
    annotations.set(doc, m);
  }
  for (const s of read.spans) annotations.get(s.docId)?.get(s.annotatorId)?.push(s);
  return computeAttributionAgreement(attributionDocs(annotations, read.actors), annotators);
}

function pct(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(1)}%`;
}

function k3(x: number | null): string {
  if (x === null) return '—';
  const s = x.toFixed(3);
  return s === '-0.000' ? '0.000' : s;
}

/** Attribution agreement as a table. */
export function formatAgreement(r: AttributionReport): string {
  const pairs = Object.keys(r.pairs);
  const width = Math.max(4, ...pairs.map((p) => p.length));
  const head = ['matched', 'holder', 'κ holder', 'kind', 'κ kind', 'target'];
  const rows = pairs.map((p) => {
    const f = r.pairs[p]!;
    return [
      String(f.matched),
      pct(f.holderAgreement),
      k3(f.holderKappa),
      pct(f.attributionAgreement),
      k3(f.attributionKappa),
      pct(f.targetAgreement),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i]!.length)));
  const line = (first: string, cells: string[]): string =>
    `${first.padEnd(width)}  ${cells.map((c, i) => c.padStart(widths[i]!)).join('  ')}`;
  return [
    `attribution agreement, ${r.annotators.length} annotators (${r.annotators.join(', ')})`,
    '',
    line('pair', head),
    ...pairs.map((p, i) => line(p, rows[i]!)),
    '',
    'matched: span pairs with the same document and label that overlap (one to one); holder, kind,',
    "target: share of those with the same; κ: Cohen's kappa; — : undefined (docs/agreement.md)",
    '',
  ].join('\n');
}
