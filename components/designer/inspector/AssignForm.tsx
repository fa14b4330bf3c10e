'use client';
import { AssignmentsEditor } from './AssignmentsEditor';
import type { FormProps } from './forms';

export function AssignForm({ data, patch }: FormProps<'assign'>) {
  return <AssignmentsEditor assignments={data.assignments} onChange={(assignments) => patch({ assignments })} />;
}
