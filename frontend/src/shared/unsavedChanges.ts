import { useEffect, useId } from 'react';

// Which mounted forms hold edits not yet saved. Switching tab or agent asks first; leaving the
// page makes the browser ask (beforeunload).
const dirtyForms = new Set<string>();

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (dirtyForms.size > 0) {
    event.preventDefault();
    event.returnValue = '';
  }
}

/** Marks the calling form as holding unsaved edits while `dirty` is true. */
export function useUnsavedChanges(dirty: boolean) {
  const id = useId();
  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    dirtyForms.add(id);
    if (dirtyForms.size === 1) {
      window.addEventListener('beforeunload', onBeforeUnload);
    }
    return () => {
      dirtyForms.delete(id);
      if (dirtyForms.size === 0) {
        window.removeEventListener('beforeunload', onBeforeUnload);
      }
    };
  }, [dirty, id]);
}

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

/** True when it is fine to move away: nothing unsaved, or the customer agreed to drop it. */
export function confirmLeavingUnsaved(): boolean {
  return !hasUnsavedChanges() || window.confirm('You have unsaved changes. Leave without saving them?');
}
