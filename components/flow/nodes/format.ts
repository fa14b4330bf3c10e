import type { Duration, Field } from '@/codegen/design';

export function formatDuration(d: Duration | undefined): string {
  if (!d) return '';
  const unit = d.amount === 1 ? d.unit.replace(/s$/, '') : d.unit;
  return `${d.amount} ${unit}`;
}

export function formatParams(params: Field[]): string {
  return params.map((p) => p.name || '?').join(', ');
}
