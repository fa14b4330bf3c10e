import type { NodeType } from '@/codegen/design';
import type { NodeData } from '../../flow/types';

/** What every per-kind form receives: the node's data and a way to patch it. */
export interface FormProps<T extends NodeType> {
  data: NodeData<T>;
  patch: (patch: Partial<NodeData<T>>) => void;
}
