/**
 * Files dragged onto the window from the file manager: reports whether
 * files are being dragged over it (for the drop hint) and hands dropped
 * files to `onFiles`. Dragging text or links inside the app is left alone.
 */
import { useEffect, useRef, useState } from 'react';
import type { HostFile } from '@core/host-contract.ts';
import { readFiles } from '../host/browser-host.ts';

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/** Listens for files dropped on the window; returns true while files hover. */
export function useFileDrop(onFiles: (files: HostFile[]) => void): boolean {
  const [over, setOver] = useState(false);
  const callback = useRef(onFiles);
  useEffect(() => {
    callback.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overHandler = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      // Without this the browser (or Electron) would open the file itself.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      // readFiles never rejects: an unreadable item comes back with an error.
      if (files.length > 0) void readFiles(files).then((read) => callback.current(read));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return over;
}
