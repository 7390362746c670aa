"use client";

/**
 * One chart of the dashboard, drawn by chart.js on a canvas. The library is imported when the
 * first chart mounts, so only this page downloads it; the numbers are in the table that the
 * server renders beside each chart (the canvas is an image with a label pointing there).
 * New props after a refresh update the chart in place, without animation.
 */
import { useEffect, useRef } from "react";
import type * as ChartJsModule from "chart.js";
import type { Chart as ChartType, ChartConfiguration } from "chart.js";

export type ChartSpec = {
  type: "bar" | "line";
  labels: string[];
  series: { label: string; data: number[]; color: string }[];
  /** Bars along the x axis (long labels: regions, sessions). */
  horizontal?: boolean;
  stacked?: boolean;
  /** The value axis's top (5 for ratings, 100 for percentages). */
  max?: number;
  /** Values are percentages. */
  percent?: boolean;
};

type ChartModule = typeof ChartJsModule;
let loading: Promise<ChartModule> | null = null;

function loadChartJs(): Promise<ChartModule> {
  loading ??= import("chart.js").then((m) => {
    m.Chart.register(
      m.BarController,
      m.BarElement,
      m.LineController,
      m.LineElement,
      m.PointElement,
      m.CategoryScale,
      m.LinearScale,
      m.Tooltip,
      m.Legend,
    );
    return m;
  });
  return loading;
}

/** Labels beside horizontal bars get cut by the canvas edge: shorten them to what the width holds. */
const shorten = (label: string, max: number) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

function config(spec: ChartSpec, width: number): ChartConfiguration {
  const max = spec.horizontal ? (width < 400 ? 18 : 30) : 40;
  const valueAxis = {
    beginAtZero: true,
    stacked: spec.stacked,
    max: spec.max,
    ticks: { precision: spec.percent ? 1 : 0, callback: (v: string | number) => (spec.percent ? `${v}%` : v) },
  };
  const labelAxis = { stacked: spec.stacked, ticks: { autoSkip: !spec.horizontal } };
  return {
    type: spec.type,
    data: {
      labels: spec.labels.map((l) => shorten(l, max)),
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.data,
        backgroundColor: s.color,
        borderColor: s.color,
        tension: 0.2,
      })),
    },
    options: {
      indexAxis: spec.horizontal ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: spec.series.length > 1 } },
      scales: spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
    },
  };
}

export function Chart({ spec, label }: { spec: ChartSpec; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartType | null>(null);
  const key = JSON.stringify(spec);

  useEffect(() => {
    let cancelled = false;
    void loadChartJs().then(({ Chart: ChartJs }) => {
      if (cancelled || !canvas.current) return;
      const next = config(JSON.parse(key) as ChartSpec, canvas.current.parentElement?.clientWidth ?? 600);
      if (chart.current) {
        chart.current.data = next.data;
        chart.current.options = next.options ?? {};
        chart.current.update("none");
      } else {
        chart.current = new ChartJs(canvas.current, next);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return <canvas ref={canvas} role="img" aria-label={label} />;
}
