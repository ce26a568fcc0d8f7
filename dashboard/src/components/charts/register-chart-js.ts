import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';
import { firstChartMark } from './first-chart-mark';
import { valueLabels } from './value-labels';

/** Only what the dashboard draws (bars, doughnuts, lines, radar), so chart.js stays small; loaded with the chart routes. */
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Filler,
  Tooltip,
  Legend,
  valueLabels,
  // the performance mark the dashboard benchmark reads (time to first chart)
  firstChartMark,
);
Chart.defaults.font.family =
  getComputedStyle(document.documentElement).getPropertyValue('--font-family') || 'system-ui';
Chart.defaults.color = '#1f2328';
if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;

export { Chart };
