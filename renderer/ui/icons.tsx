/** Small line icons drawn inline (no icon font: the CSP allows only our own files, and fonts vary by OS). */
const common = { width: 14, height: 14, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true } as const;

export function PencilIcon() {
  return (
    <svg {...common}>
      <path d="M11.5 2.5l2 2L6 12l-2.8.8.8-2.8z" strokeLinejoin="round" />
    </svg>
  );
}

export function TrashIcon() {
  return (
    <svg {...common}>
      <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

export function GearIcon() {
  return (
    <svg {...common}>
      <circle cx="8" cy="8" r="2.2" />
      <path d="M8 1.8v1.6M8 12.6v1.6M1.8 8h1.6M12.6 8h1.6M3.6 3.6l1.1 1.1M11.3 11.3l1.1 1.1M3.6 12.4l1.1-1.1M11.3 4.7l1.1-1.1" strokeLinecap="round" />
    </svg>
  );
}

export function SearchIcon() {
  return (
    <svg {...common}>
      <circle cx="7" cy="7" r="4.2" />
      <path d="M10.2 10.2L14 14" strokeLinecap="round" />
    </svg>
  );
}

export function BoardIcon() {
  return (
    <svg {...common}>
      <rect x="2" y="2.5" width="3.2" height="11" rx="1" />
      <rect x="6.4" y="2.5" width="3.2" height="7.5" rx="1" />
      <rect x="10.8" y="2.5" width="3.2" height="9.5" rx="1" />
    </svg>
  );
}

export function TableIcon() {
  return (
    <svg {...common}>
      <rect x="2" y="2.5" width="12" height="11" rx="1.2" />
      <path d="M2 6h12M2 9.5h12M6.5 6v7.5" />
    </svg>
  );
}

export function DownloadIcon() {
  return (
    <svg {...common}>
      <path d="M8 2.5v7.5M5 7l3 3 3-3M3 12.5h10" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function UploadIcon() {
  return (
    <svg {...common}>
      <path d="M8 10.5V3M5 6l3-3 3 3M3 12.5h10" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function HistoryIcon() {
  return (
    <svg {...common}>
      <path d="M2.8 8a5.2 5.2 0 1 0 1.5-3.7M2.5 2.8v2.4h2.4" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M8 5.2V8l1.9 1.3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
