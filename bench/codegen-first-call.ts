/**
 * Child process of bench/codegen.ts: the CPU time of the FIRST emit + format of a benchmark design in
 * a fresh process (modules loaded, nothing JIT-compiled yet): what a one-shot CLI export pays, as
 * opposed to the warm median a long-lived server sees. The piece cache (codegen/format/) is empty in a
 * fresh process, so this is its cold path. Prints `{"emit":ms,"format":ms}`.
 * Usage: node --import tsx bench/codegen-first-call.ts <nodes>
 */
import { formatTypeScript } from '@/codegen/format';
import { renderWorkflow } from '@/codegen/emit/render';
import { lowerDesign } from '@/codegen/ir/lower';
import { parseDesign } from '@/codegen/parse';
import { validateDesign } from '@/codegen/validate';
import { benchmarkDesign } from './codegen-designs';

const parsed = parseDesign(benchmarkDesign(Number(process.argv[2])));
if (!parsed.ok) throw new Error('parse failed');
const { validated } = validateDesign(parsed.design);
if (!validated) throw new Error('validate failed');
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const emitStarted = process.cpuUsage();
const rendered = renderWorkflow(lowerDesign(validated));
const emit = cpuMs(process.cpuUsage(emitStarted));
const formatStarted = process.cpuUsage();
await Promise.all(rendered.map((file) => formatTypeScript(file.contents)));
const format = cpuMs(process.cpuUsage(formatStarted));
console.log(JSON.stringify({ emit, format }));
