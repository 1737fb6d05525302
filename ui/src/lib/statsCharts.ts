// The Stats charts as configurations: each takes figures computed by the
// desktop (bindings.ts types) and the theme, and returns what Chart.js draws.
// No figure is computed here; only labels, colours and tooltips are chosen.
import type { Compliance, GoalFigures, RevisionFigures, StudyFigures, TestFigures, WeeklyFigures } from "./bindings";
import type { ChartType, TooltipItem } from "chart.js";
import { alpha, axes, baseOptions, type ChartConfiguration, type Theme } from "./charts";
import { dayMonth, longDate, minutes, pct, WEEKDAYS_SHORT } from "./format";

type Config = ChartConfiguration;

/** "2026-03-02" → "2 Mar" (no year: the charts span a year at most). */
export function shortDay(iso: string): string {
  return new Date(`${iso}T12:00:00`).toLocaleDateString(undefined, { day: "numeric", month: "short" });
}

/** "2026-03-01" → "Mar 2026". */
export function monthLabel(iso: string): string {
  return new Date(`${iso}T12:00:00`).toLocaleDateString(undefined, { month: "short", year: "numeric" });
}

/** Minutes studied on a day, in the heatmap's five shades: 0, under 30, under 60, under 120, 2 h or more. */
export const HEAT_LEVELS = [0, 1, 30, 60, 120] as const;

export function heatLevel(m: number): number {
  let level = 0;
  HEAT_LEVELS.forEach((from, i) => {
    if (m >= from) level = i;
  });
  return m === 0 ? 0 : level;
}

/** The opacity of the accent colour for each shade (the legend uses the same). */
export const HEAT_SHADES = [0, 0.35, 0.55, 0.78, 1] as const;

export function heatColor(t: Theme, level: number): string {
  return level === 0 ? t.track : alpha(t.accent, HEAT_SHADES[level]);
}

const DAY_MS = 86_400_000;
const dayIndex = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
/** 0 = Monday … 6 = Sunday. */
const weekdayOf = (iso: string) => (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7;

interface HeatPoint {
  x: number;
  y: number;
  v: number;
  date: string;
}

/** The study calendar: one column per week (Monday on top), one square per day. */
export function heatmapChart(t: Theme, study: StudyFigures): Config {
  const firstMonday = dayIndex(study.from) - weekdayOf(study.from);
  const points: HeatPoint[] = study.days.map((d) => ({
    x: Math.floor((dayIndex(d.date) - firstMonday) / 7),
    y: weekdayOf(d.date),
    v: d.minutes,
    date: d.date,
  }));
  const weeks = (points.at(-1)?.x ?? 0) + 1;
  // The month a column starts, for the x axis.
  const monthAt = new Map<number, string>();
  for (const p of points) {
    if (p.date.endsWith("-01") || (p === points[0] && Number(p.date.slice(8)) <= 7)) monthAt.set(p.x, p.date);
  }
  const names = WEEKDAYS_SHORT;
  const options = baseOptions(t);
  return {
    type: "matrix",
    data: {
      datasets: [
        {
          label: "Minutes studied",
          data: points,
          backgroundColor: (ctx: { raw?: unknown }) => heatColor(t, heatLevel((ctx.raw as HeatPoint | undefined)?.v ?? 0)),
          borderWidth: 0,
          borderRadius: 2,
          width: ({ chart }) => Math.max(2, (chart.chartArea?.width ?? 0) / weeks - 3),
          height: ({ chart }) => Math.max(2, (chart.chartArea?.height ?? 0) / 7 - 3),
        },
      ],
    },
    options: {
      ...options,
      interaction: { mode: "nearest", intersect: true },
      plugins: {
        ...options.plugins,
        legend: { display: false },
        tooltip: {
          ...options.plugins.tooltip,
          callbacks: {
            title: (items) => longDate((items[0].raw as HeatPoint).date),
            label: (item) => {
              const v = (item.raw as HeatPoint).v;
              return v === 0 ? "No study" : `${minutes(v)} studied`;
            },
          },
        },
      },
      scales: {
        x: {
          type: "linear",
          min: -0.5,
          max: weeks - 0.5,
          offset: false,
          grid: { display: false },
          border: { display: false },
          afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
            scale.ticks = [...monthAt.keys()].map((value) => ({ value }));
          },
          ticks: {
            color: t.muted,
            autoSkip: false,
            maxRotation: 0,
            callback: (value: number | string) => {
              const date = monthAt.get(Number(value));
              return date ? new Date(`${date}T12:00:00`).toLocaleDateString(undefined, { month: "short" }) : "";
            },
          },
        },
        y: {
          type: "linear",
          min: -0.5,
          max: 6.5,
          reverse: true,
          offset: false,
          grid: { display: false },
          border: { display: false },
          afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
            scale.ticks = [0, 2, 4, 6].map((value) => ({ value }));
          },
          ticks: { color: t.muted, autoSkip: false, callback: (value: number | string) => names[Number(value)] ?? "" },
        },
      },
    },
  } as Config;
}

type Item = TooltipItem<ChartType>;

/**
 * Where a chart over weeks or months starts: at the first one with something
 * in it, keeping `min` at least, so a new learner's weeks are not lost at the
 * right edge of half a year of empty ones.
 */
export function firstShown<T>(items: T[], has: (item: T) => boolean, min = 8): number {
  const first = items.findIndex(has);
  return Math.max(0, Math.min(first < 0 ? items.length : first, items.length - min));
}

/** What varies between the charts below; the rest is shared. */
interface Parts {
  type: "bar" | "line";
  labels: string[];
  datasets: Record<string, unknown>[];
  legend?: boolean;
  /** Datasets left out of the legend. */
  unlisted?: number[];
  tooltip?: Record<string, unknown>;
  scales?: Record<string, unknown>;
  horizontal?: boolean;
}

/** A bar or line chart with the shared look: legend below, themed tooltip and axes. */
function chart(t: Theme, p: Parts): Config {
  const options = baseOptions(t);
  return {
    type: p.type,
    data: { labels: p.labels, datasets: p.datasets },
    options: {
      ...options,
      ...(p.horizontal ? { indexAxis: "y" } : {}),
      plugins: {
        ...options.plugins,
        legend: {
          ...options.plugins.legend,
          display: p.legend ?? false,
          position: "bottom",
          labels: { ...options.plugins.legend.labels, filter: (item: { datasetIndex?: number }) => !p.unlisted?.includes(item.datasetIndex ?? -1) },
        },
        tooltip: { ...options.plugins.tooltip, ...p.tooltip },
      },
      scales: p.scales ?? axes(t),
    },
    // The datasets are plain objects of Chart.js options; its own types cannot follow mixed chart types.
  } as unknown as Config;
}

/** A y axis from 0 to 100 %. */
const percentAxis = (t: Theme) => axes(t, { max: 100, ticks: { color: t.muted, stepSize: 25, callback: (v: number | string) => `${v}%` } });

/** A share (0..1, or null for a gap) as a percentage with one decimal. */
const percentValue = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** A line of percentages with visible points. */
function percentLine(label: string, values: (number | null)[], color: string, extra: Record<string, unknown> = {}) {
  return {
    label,
    data: values.map(percentValue),
    borderColor: color,
    backgroundColor: color,
    pointRadius: 3.5,
    pointHoverRadius: 6,
    borderWidth: 2,
    spanGaps: true,
    clip: 8,
    ...extra,
  };
}

const weekTitle = (weeks: { week: string }[]) => (items: Item[]) => `Week of ${dayMonth(weeks[items[0].dataIndex].week)}`;

/** Minutes per week as stacked bars, one colour per goal (hours on the axis, minutes in the tooltip). */
export function weeklyTimeChart(t: Theme, weekly: WeeklyFigures, color?: string): Config {
  const several = weekly.by_goal.length > 1;
  const from = firstShown(weekly.weeks, (w) => w.studied_minutes > 0);
  const weeks = weekly.weeks.slice(from);
  return chart(t, {
    type: "bar",
    labels: weeks.map((w) => shortDay(w.week)),
    datasets: weekly.by_goal.map((g, i) => ({
      label: g.title,
      data: g.minutes.slice(from).map((m) => m / 60),
      backgroundColor: color ?? t.series[i % t.series.length],
      borderRadius: 3,
      stack: "time",
      maxBarThickness: 28,
    })),
    legend: several,
    tooltip: {
      filter: (item: Item) => (item.raw as number) > 0,
      callbacks: {
        title: weekTitle(weeks),
        label: (item: Item) => `${item.dataset.label}: ${minutes((item.raw as number) * 60)}`,
        footer: (items: Item[]) => (several ? `Total: ${minutes(weeks[items[0].dataIndex].studied_minutes)}` : ""),
      },
    },
    scales: axes(t, { stacked: true, ticks: { color: t.muted, callback: (v: number | string) => `${v} h` } }, { stacked: true }),
  });
}

/** What the learner reads for a week's compliance status. */
export const COMPLIANCE_LABEL: Record<Compliance, string> = {
  on_track: "on track",
  at_risk: "at risk",
  off_track: "off track",
  no_plan: "nothing planned",
};

export function complianceColor(t: Theme, status: Compliance): string {
  return { on_track: t.ok, at_risk: t.warn, off_track: t.danger, no_plan: t.muted }[status];
}

/** The share of planned minutes done per week, each point coloured by its status, with the thresholds. */
export function complianceChart(t: Theme, weekly: WeeklyFigures): Config {
  const weeks = weekly.weeks.slice(firstShown(weekly.weeks, (w) => w.status !== "no_plan"));
  const colors = weeks.map((w) => complianceColor(t, w.status));
  const threshold = (label: string, value: number, color: string) => ({
    label,
    data: weeks.map(() => value * 100),
    borderColor: alpha(color, 0.7),
    backgroundColor: alpha(color, 0.7),
    borderDash: [5, 4],
    borderWidth: 1.5,
    pointRadius: 0,
    pointHoverRadius: 0,
    pointStyle: "line",
  });
  return chart(t, {
    type: "line",
    labels: weeks.map((w) => shortDay(w.week)),
    datasets: [
      percentLine("Plan kept", weeks.map((w) => w.share), t.muted, {
        borderColor: alpha(t.muted, 0.6),
        pointBackgroundColor: colors,
        pointBorderColor: colors,
        pointRadius: 4.5,
      }),
      threshold(`On track from ${pct(weekly.on_track_share)}`, weekly.on_track_share, t.ok),
      threshold(`At risk from ${pct(weekly.at_risk_share)}`, weekly.at_risk_share, t.warn),
    ],
    legend: true,
    unlisted: [0],
    tooltip: {
      filter: (item: Item) => item.datasetIndex === 0,
      callbacks: {
        title: weekTitle(weeks),
        label: (item: Item) => {
          const w = weeks[item.dataIndex];
          return `Done ${minutes(w.done_minutes)} of ${minutes(w.planned_minutes)} (${pct(w.share ?? 0)}), ${COMPLIANCE_LABEL[w.status]}`;
        },
        footer: (items: Item[]) => {
          const w = weeks[items[0].dataIndex];
          return `${w.done_tasks} of ${w.planned_tasks} tasks${w.partial ? " · this week so far" : ""}`;
        },
      },
    },
    scales: percentAxis(t),
  });
}

/** Pass rate (and average score) per week as lines; weeks without a test are gaps. */
export function testsChart(t: Theme, tests: TestFigures, only: "both" | "pass_rate" = "both"): Config {
  const weeks = tests.weeks.slice(firstShown(tests.weeks, (w) => w.tested > 0));
  const datasets = [percentLine("Pass rate", weeks.map((w) => w.pass_rate), t.accent)];
  if (only === "both") datasets.push(percentLine("Average score", weeks.map((w) => w.average_score), t.series[1], { borderDash: [6, 4] }));
  return chart(t, {
    type: "line",
    labels: weeks.map((w) => shortDay(w.week)),
    datasets,
    legend: datasets.length > 1,
    tooltip: {
      callbacks: {
        title: weekTitle(weeks),
        label: (item: Item) => `${item.dataset.label}: ${item.raw}%`,
        footer: (items: Item[]) => {
          const w = weeks[items[0].dataIndex];
          return `${w.passed} of ${w.tested} days passed${w.perfect ? ` · ${w.perfect} perfect` : ""}`;
        },
      },
    },
    scales: percentAxis(t),
  });
}

/** Reviews per day, stacked by rating. */
export function reviewsChart(t: Theme, revision: RevisionFigures): Config {
  const days = revision.days;
  const ratings = [
    { key: "again", label: "Again", color: t.danger },
    { key: "hard", label: "Hard", color: t.warn },
    { key: "good", label: "Good", color: t.accent },
    { key: "easy", label: "Easy", color: t.series[2] },
  ] as const;
  return chart(t, {
    type: "bar",
    labels: days.map((d) => shortDay(d.date)),
    datasets: ratings.map((r) => ({
      label: r.label,
      data: days.map((d) => d[r.key]),
      backgroundColor: r.color,
      stack: "reviews",
      borderRadius: 2,
      maxBarThickness: 18,
    })),
    legend: true,
    tooltip: {
      filter: (item: Item) => (item.raw as number) > 0,
      callbacks: {
        title: (items: Item[]) => longDate(days[items[0].dataIndex].date),
        footer: (items: Item[]) => {
          const d = days[items[0].dataIndex];
          return `${d.again + d.hard + d.good + d.easy} reviews`;
        },
      },
    },
    scales: axes(t, { stacked: true }, { stacked: true }),
  });
}

/** True retention per month, as a line in percent. */
export function retentionChart(t: Theme, revision: RevisionFigures): Config {
  const months = revision.months.slice(firstShown(revision.months, (m) => m.reviews > 0, 6));
  return chart(t, {
    type: "line",
    labels: months.map((m) => monthLabel(m.month)),
    datasets: [percentLine("True retention", months.map((m) => m.retention), t.ok)],
    tooltip: {
      callbacks: {
        label: (item: Item) => `True retention: ${item.raw}%`,
        footer: (items: Item[]) => {
          const m = months[items[0].dataIndex];
          return `${m.recalled} of ${m.reviews} reviews of learned cards not rated Again`;
        },
      },
    },
    scales: percentAxis(t),
  });
}

/** Cards due per day over the next days (today includes the overdue ones). */
export function forecastChart(t: Theme, revision: RevisionFigures): Config {
  const days = revision.forecast;
  return chart(t, {
    type: "bar",
    labels: days.map((d, i) => (i === 0 ? "Today" : shortDay(d.date))),
    datasets: [
      {
        label: "Cards due",
        data: days.map((d) => d.cards),
        backgroundColor: days.map((_, i) => (i === 0 ? t.accent : alpha(t.accent, 0.55))),
        borderRadius: 2,
        maxBarThickness: 18,
      },
    ],
    tooltip: {
      callbacks: {
        title: (items: Item[]) => (items[0].dataIndex === 0 ? "Today (and overdue)" : longDate(days[items[0].dataIndex].date)),
        label: (item: Item) => `${item.raw} cards due`,
      },
    },
  });
}

/** Goals per category, completed and not, as horizontal stacked bars. */
export function categoriesChart(t: Theme, goals: GoalFigures): Config {
  const cats = goals.categories;
  const bar = (label: string, data: number[], color: string) => ({ label, data, backgroundColor: color, stack: "goals", borderRadius: 2, maxBarThickness: 22 });
  return chart(t, {
    type: "bar",
    horizontal: true,
    labels: cats.map((c) => c.category || "No category"),
    datasets: [
      bar("Completed", cats.map((c) => c.completed), t.ok),
      bar("Not completed", cats.map((c) => c.goals - c.completed), alpha(t.muted, 0.35)),
    ],
    legend: true,
    tooltip: {
      callbacks: {
        footer: (items: Item[]) => {
          const c = cats[items[0].dataIndex];
          return `${c.completed} of ${c.goals} completed (${pct(c.goals ? c.completed / c.goals : 0)})`;
        },
      },
    },
    scales: {
      x: { stacked: true, beginAtZero: true, grid: { color: alpha(t.border, 0.6) }, border: { display: false }, ticks: { color: t.muted, precision: 0 } },
      y: { stacked: true, grid: { display: false }, border: { color: t.border }, ticks: { color: t.text } },
    },
  });
}

/** Steps completed per month. */
export function stepsChart(t: Theme, goals: GoalFigures): Config {
  const months = goals.steps_by_month.slice(firstShown(goals.steps_by_month, (m) => m.steps > 0, 6));
  return chart(t, {
    type: "bar",
    labels: months.map((m) => monthLabel(m.month)),
    datasets: [{ label: "Steps completed", data: months.map((m) => m.steps), backgroundColor: t.series[0], borderRadius: 3, maxBarThickness: 28 }],
    tooltip: { callbacks: { label: (item: Item) => `${item.raw} steps completed` } },
  });
}
