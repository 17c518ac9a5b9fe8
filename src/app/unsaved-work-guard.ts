/**
 * Leaving or reloading the page with review work that was neither saved nor copied asks first: the
 * review lives in this page only (nothing is stored in the browser), so a reload loses it. The
 * browser shows its own wording; a page cannot choose it.
 * https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-beforeunloadevent-interface
 */
export function guardUnsavedWork(hasUnsavedWork: () => boolean, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!hasUnsavedWork()) return;
    event.preventDefault();
    // Older Chromium and Safari ask only when returnValue is set (a legacy of the event's design).
    event.returnValue = '';
  };
  target.addEventListener('beforeunload', onBeforeUnload as EventListener);
  return () => target.removeEventListener('beforeunload', onBeforeUnload as EventListener);
}
