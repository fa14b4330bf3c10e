import { customActivityTemplate, type CustomActivity, type Design, type DesignNode } from '@/codegen/design';

/** Where a custom activity is called: an Activity node, or the activity a signal/update handler runs. */
export interface ActivityUsage {
  nodeId: string;
  field: 'activity' | 'activity.activity';
}

export function activityUsages(design: Design, name: string): ActivityUsage[] {
  return design.nodes.flatMap((node): ActivityUsage[] => {
    if (node.type === 'activity' && node.activity === name) return [{ nodeId: node.id, field: 'activity' }];
    if ((node.type === 'signal' || node.type === 'update') && node.activity?.activity === name) return [{ nodeId: node.id, field: 'activity.activity' }];
    return [];
  });
}

/** A fresh name (`myActivity`, `myActivity2`, …) that no custom activity has yet. */
export function freshActivityName(design: Pick<Design, 'activities'>, base = 'myActivity'): string {
  const taken = new Set((design.activities ?? []).map((a) => a.name));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** A new custom activity: one text parameter, a text result, and a body that says it is not written yet. */
export function newActivity(design: Pick<Design, 'activities'>): CustomActivity {
  const name = freshActivityName(design);
  const shape = { name, parameters: [{ name: 'text', type: 'string' as const }], result: { type: 'string' as const } };
  return { ...shape, source: customActivityTemplate(shape) };
}

export function addActivity(design: Design, activity: CustomActivity): Design {
  return { ...design, activities: [...(design.activities ?? []), activity] };
}

export function replaceActivity(design: Design, name: string, patch: Partial<CustomActivity>): Design {
  return { ...design, activities: (design.activities ?? []).map((a) => (a.name === name ? { ...a, ...patch } : a)) };
}

/**
 * Renames an activity everywhere: its declaration, the nodes that call it, and the exported
 * function in its source when that still has the old name (`function old(` → `function new(`).
 */
export function renameActivity(design: Design, from: string, to: string): Design {
  const exported = new RegExp(`(export\\s+async\\s+function\\s+)${from}(\\s*\\()`);
  const activities = (design.activities ?? []).map((a) => (a.name === from ? { ...a, name: to, source: a.source.replace(exported, `$1${to}$2`) } : a));
  const nodes = design.nodes.map((node): DesignNode => {
    if (node.type === 'activity' && node.activity === from) return { ...node, activity: to };
    if ((node.type === 'signal' || node.type === 'update') && node.activity?.activity === from) return { ...node, activity: { ...node.activity, activity: to } };
    return node;
  });
  return { ...design, activities, nodes };
}

/** Removes the declaration; nodes still calling it then show as problems (the user was warned). */
export function removeActivity(design: Design, name: string): Design {
  const activities = (design.activities ?? []).filter((a) => a.name !== name);
  const { activities: _removed, ...rest } = design;
  return activities.length ? { ...rest, activities } : rest;
}
