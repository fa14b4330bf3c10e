import { isBuiltinActivity } from '../activities';
import type { Diagnostic } from '../diagnostics';
import { checkIdentifier, describeNameProblem } from '../names';
import { customActivityNames } from '../ir/custom-activities';
import type { CustomActivity, Design, Field } from '../schema/design';

/**
 * The design's custom activities: each has a valid name that clashes with no built-in and no
 * other name of the generated module, valid parameter names, and a source to run. Their bodies are
 * type-checked against the declared signature later, by the verifier (codegen/verify). Every
 * finding names the activity (`activity`) and the field within it.
 */
export function checkCustomActivities(design: Design, takenNames: ReadonlySet<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const derivedOwners = new Map<string, string>();
  for (const activity of design.activities ?? []) {
    const what = `Custom activity ${JSON.stringify(activity.name)}`;
    const at = (field: string, code: string, message: string): void => {
      diagnostics.push({ severity: 'error', code, message, activity: activity.name, field });
    };
    const problem = checkIdentifier(activity.name);
    if (isBuiltinActivity(activity.name)) {
      at('name', 'activity.name-clash', `${what} has the name of a built-in activity; choose another name`);
    } else if (problem) {
      at('name', 'name.invalid', describeNameProblem('Custom activity', activity.name, problem));
    } else if (seen.has(activity.name)) {
      at('name', 'name.duplicate', `Two custom activities are named ${JSON.stringify(activity.name)}; activity names must be unique`);
    } else if (activity.name.startsWith('activitiesWithin')) {
      at('name', 'activity.name-clash', `${what}: names starting with "activitiesWithin" are used by the generated code; choose another name`);
    } else {
      for (const derived of customActivityNames(activity.name)) {
        const owner = derivedOwners.get(derived);
        if (takenNames.has(derived) || owner) {
          const other = owner ? `custom activity ${JSON.stringify(owner)}` : 'a variable, message or type of this workflow';
          at('name', 'activity.name-clash', `${what} would generate ${JSON.stringify(derived)}, which is already used by ${other}; rename one of them`);
        }
        derivedOwners.set(derived, activity.name);
      }
    }
    seen.add(activity.name);
    checkParameters(activity, what, at);
    if (activity.result) checkListOfObjects(activity.result, `${what}: result`, 'result', at);
    if (activity.source.trim() === '') {
      at('source', 'activity.empty-source', `${what} has no code; write an exported async function ${activity.name}(…)`);
    }
  }
  return diagnostics;
}

type Report = (field: string, code: string, message: string) => void;

function checkParameters(activity: CustomActivity, what: string, at: Report): void {
  const seen = new Set<string>();
  activity.parameters.forEach((parameter, index) => {
    const field = `parameters.${index}.name`;
    const problem = checkIdentifier(parameter.name);
    if (problem && problem !== 'generated') {
      at(field, 'name.invalid', describeNameProblem(`${what}: parameter`, parameter.name, problem));
    } else if (seen.has(parameter.name)) {
      at(field, 'name.duplicate', `${what}: parameter ${JSON.stringify(parameter.name)} appears twice`);
    }
    seen.add(parameter.name);
    checkListOfObjects(parameter, `${what}: parameter ${JSON.stringify(parameter.name)}`, `parameters.${index}`, at);
  });
}

function checkListOfObjects(typed: Pick<Field, 'type' | 'items' | 'itemFields'>, what: string, path: string, at: Report): void {
  if (typed.type !== 'list' || typed.items !== 'object') return;
  const fields = typed.itemFields ?? [];
  if (fields.length === 0) at(`${path}.itemFields`, 'list.no-item-fields', `${what} is a list of objects without fields; add the fields each item has`);
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const problem = checkIdentifier(f.name);
    if (problem && problem !== 'generated') at(`${path}.itemFields.${i}.name`, 'name.invalid', describeNameProblem(`${what}: item field`, f.name, problem));
    else if (seen.has(f.name)) at(`${path}.itemFields.${i}.name`, 'name.duplicate', `${what}: item field ${JSON.stringify(f.name)} appears twice`);
    seen.add(f.name);
  });
}
