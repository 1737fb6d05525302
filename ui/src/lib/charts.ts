// Chart helpers: the colours of the app's theme read from its CSS variables,
// so light and dark both read well, and the options every chart shares.
// Nothing animates: figures appear at once. Chart.js itself is in chartjs.ts,
// loaded only when a chart is first drawn.
import type { ChartConfiguration, ChartType } from "chart.js";
import type {} from "chartjs-chart-matrix"; // the "matrix" chart type

export type { ChartConfiguration, ChartType };

/** The theme's colours, as the CSS variables of app.css give them now. */
export interface Theme {
  text: string;
  muted: string;
  border: string;
  surface: string;
  track: string;
  accent: string;
  ok: string;
  warn: string;
  danger: string;
  /** Distinct colours for series (goals), in order. */
  series: string[];
}

export function readTheme(): Theme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: v("--text"),
    muted: v("--muted"),
    border: v("--border"),
    surface: v("--surface"),
    track: v("--track"),
    accent: v("--accent"),
    ok: v("--ok"),
    warn: v("--warn"),
    danger: v("--danger"),
    series: [1, 2, 3, 4, 5, 6].map((i) => v(`--chart-${i}`)),
  };
}

/** Calls `handler` when the system switches between light and dark; returns the unsubscribe function. */
export function onThemeChange(handler: () => void): () => void {
  const query = matchMedia("(prefers-color-scheme: dark)");
  query.addEventListener("change", handler);
  return () => query.removeEventListener("change", handler);
}

/** A colour with an alpha, for CSS colours in #rrggbb form (others are returned as they are). */
export function alpha(color: string, a: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return color;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${a})`;
}

/** Options every chart shares: sizing, fonts, tooltips and axes in the theme's colours. */
export function baseOptions(t: Theme) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    // Room for the points on a chart's top line (100 %) and at its edges.
    layout: { padding: { top: 8, right: 8, left: 2 } },
    color: t.muted,
    font: { family: getComputedStyle(document.documentElement).fontFamily, size: 12 },
    interaction: { mode: "index" as const, intersect: false },
    plugins: {
      legend: { labels: { color: t.text, boxWidth: 9, boxHeight: 9, usePointStyle: true } },
      tooltip: {
        backgroundColor: t.surface,
        titleColor: t.text,
        bodyColor: t.text,
        borderColor: t.border,
        borderWidth: 1,
        padding: 10,
        boxPadding: 4,
      },
    },
  };
}

/** A category x axis and a linear y axis from 0, in the theme's colours. */
export function axes(t: Theme, y: Record<string, unknown> = {}, x: Record<string, unknown> = {}) {
  return {
    x: { grid: { display: false }, border: { color: t.border }, ticks: { color: t.muted, maxRotation: 0, autoSkipPadding: 12 }, ...x },
    y: { beginAtZero: true, grid: { color: alpha(t.border, 0.6) }, border: { display: false }, ticks: { color: t.muted, precision: 0 }, ...y },
  };
}
