'use client';
import { useEffect, useRef } from 'react';
import { TEMPLATES, type Template } from '@/examples';

interface Props {
  busy: boolean;
  onPick: (template: Template) => void;
  onClose: () => void;
}

/** "New from template": the chapter's patterns, each a design that compiles and deploys as drawn. */
export function TemplateGallery({ busy, onPick, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog dialog--gallery" data-testid="template-gallery" onClose={onClose} onCancel={onClose}>
      <form method="dialog">
        <h2>New from template</h2>
        <p className="muted">Each template is a complete workflow you can deploy and run as it is, then change.</p>
        <ul className="gallery">
          {TEMPLATES.map((t) => (
            <li key={t.id} className="gallery__card">
              <div className="gallery__title"><strong>{t.title}</strong><span className="muted small">§ {t.section}</span></div>
              <p className="small">{t.summary}</p>
              <p className="gallery__features">{t.features.map((f) => <span key={f} className="badge badge--neutral">{f}</span>)}</p>
              <p className="muted small">{t.design.nodes.length} nodes</p>
              <button type="button" className="btn btn--primary btn--sm" data-testid={`template-${t.id}`} disabled={busy}
                onClick={() => onPick(t)}>Use this template</button>
            </li>
          ))}
        </ul>
        <div className="dialog__actions">
          <button type="submit" className="btn">Cancel</button>
        </div>
      </form>
    </dialog>
  );
}
