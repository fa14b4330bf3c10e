import type { NodeType } from '@/codegen/design';
import { activityUi } from './activity';
import { assignUi } from './assign';
import { childWorkflowUi } from './childWorkflow';
import { continueAsNewUi } from './continueAsNew';
import { decisionUi } from './decision';
import { endUi } from './end';
import { queryUi } from './query';
import { signalUi } from './signal';
import { signalExternalUi } from './signalExternal';
import { startUi } from './start';
import { timerUi } from './timer';
import { PALETTE_SECTIONS, type PaletteSection, type StepUi } from './types';
import { updateUi } from './update';
import { waitUi } from './wait';

/**
 * Every node kind as the designer shows it, keyed by kind: the canvas (components/flow/node-types.ts),
 * the palette, the inspector and new-node defaults look a kind up here instead of switching on it.
 * A kind missing here fails type-checking. The order is the palette's.
 */
export const STEP_UI: { readonly [K in NodeType]: StepUi<K> } = {
  start: startUi,
  wait: waitUi,
  timer: timerUi,
  activity: activityUi,
  decision: decisionUi,
  assign: assignUi,
  childWorkflow: childWorkflowUi,
  signalExternal: signalExternalUi,
  end: endUi,
  continueAsNew: continueAsNewUi,
  signal: signalUi,
  query: queryUi,
  update: updateUi,
};

/** The UI of one kind, typed for it. */
export function stepUi<K extends NodeType>(kind: K): StepUi<K> {
  return STEP_UI[kind] as StepUi<K>;
}

/** What the palette offers, section by section, in the registry's order. */
export const PALETTE_GROUPS: readonly { title: PaletteSection; kinds: NodeType[] }[] = PALETTE_SECTIONS.map((title) => ({
  title,
  kinds: (Object.keys(STEP_UI) as NodeType[]).filter((kind) => STEP_UI[kind].palette === title),
}));

export type { Family, PaletteSection, StepUi } from './types';
