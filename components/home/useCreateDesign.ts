'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Design } from '@/codegen/design';
import { api, errorMessage } from '../api/client';

/** Creates a design through the API, then opens it; keeps the API's refusal message. */
export function useCreateDesign() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async (design: Design) => {
    setBusy(true);
    setError(null);
    try {
      const { id } = await api.createDesign(design);
      router.push(`/designs/${encodeURIComponent(id)}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return { busy, error, setError, create };
}
