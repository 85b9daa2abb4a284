/**
 * The page-wide drop target: dragging a file anywhere shows the overlay;
 * dropping opens the capture (several files: all of them, merged by time). Listens on the window so it covers everything,
 * Monaco included.
 */
import { useEffect } from 'react';
import { openFiles } from '../actions.ts';
import { useStore } from '../store/store.ts';

export function DropOverlay() {
  const dragging = useStore((s) => s.dragging);
  const setDragging = useStore((s) => s.setDragging);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const enter = (e: DragEvent) => { if (!hasFiles(e)) return; depth++; setDragging(true); };
    const over = (e: DragEvent) => { if (!hasFiles(e)) return; e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; };
    const leave = (e: DragEvent) => { if (!hasFiles(e)) return; depth = Math.max(0, depth - 1); if (depth === 0) setDragging(false); };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      openFiles([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', enter, true);
    window.addEventListener('dragover', over, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragenter', enter, true);
      window.removeEventListener('dragover', over, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('drop', drop, true);
    };
  }, [setDragging]);
  return (
    <div className={dragging ? 'drop-overlay active' : 'drop-overlay'} data-testid="drop-target" aria-hidden={!dragging}>
      <p>Drop pcap or pcapng files (optionally gzip-compressed) to open them</p>
    </div>
  );
}
