import { useEffect, useRef, useState } from 'react';
import { setSearch } from '../state/workspace-actions.ts';
import { useWorkspace } from '../state/workspace.ts';
import { SearchIcon } from '../ui/icons.tsx';

/** Search as you type waits this long after the last key. */
export const SEARCH_DEBOUNCE_MS = 150;

/** Quick search: full text over names, e-mails, companies, domains and notes (any script, Cyrillic too). */
export function SearchBox() {
  const applied = useWorkspace((s) => s.search);
  const [text, setText] = useState(applied);
  const typing = useRef(false);

  // "Clear", or picking a view, empties the box.
  useEffect(() => {
    if (!typing.current) setText(applied);
  }, [applied]);

  useEffect(() => {
    if (!typing.current) return;
    const timer = setTimeout(() => {
      typing.current = false;
      setSearch(text.trim());
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="search-box" role="search">
      <SearchIcon />
      <input
        type="search"
        className="search-input"
        placeholder="Search names, e-mails, companies, notes…"
        aria-label="Search leads"
        value={text}
        onChange={(e) => {
          typing.current = true;
          setText(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            e.stopPropagation();
            typing.current = true;
            setText('');
          }
        }}
        data-testid="search"
      />
    </div>
  );
}
