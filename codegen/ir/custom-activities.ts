import { customActivityPath } from '../activities';
import { fieldTsType, usesMoney } from '../field-types';
import { pascalCase } from '../names';
import type { CustomActivity } from '../schema/design';
import type { IrCustomActivity } from './types';

/** The identifiers a custom activity puts into activities.ts: the export, its input type, the import alias. */
export function customActivityNames(name: string): string[] {
  return [name, inputTypeName(name), implementationName(name)];
}

function inputTypeName(name: string): string {
  return `${pascalCase(name)}Input`;
}

function implementationName(name: string): string {
  return `${name}Implementation`;
}

/**
 * A custom activity as activities.ts declares it: the user's module imported from its own file,
 * re-exported under the signature the design declares, so the type check holds the user's code to
 * that signature and the workflow's `typeof activities` sees exactly the declared one.
 */
export function lowerCustomActivity(activity: CustomActivity): IrCustomActivity {
  const input = activity.parameters.length
    ? { name: inputTypeName(activity.name), fields: activity.parameters.map((p) => ({ name: p.name, tsType: fieldTsType(p), label: p.label || undefined })) }
    : null;
  const resultTsType = activity.result ? fieldTsType(activity.result) : 'void';
  return {
    name: activity.name,
    implementationName: implementationName(activity.name),
    modulePath: `./${customActivityPath(activity.name).replace(/\.ts$/, '')}`,
    filePath: customActivityPath(activity.name),
    description: activity.description?.trim() || undefined,
    input,
    signature: `(${input ? `input: ${input.name}` : ''}) => Promise<${resultTsType}>`,
    usesMoney: activity.parameters.some(usesMoney) || (activity.result ? usesMoney(activity.result) : false),
  };
}
