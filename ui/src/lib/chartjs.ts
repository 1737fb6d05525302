// Chart.js with only the pieces Waymark's charts use registered (the rest is
// tree-shaken away), and the matrix chart for the study calendar. Imported
// lazily by ChartFigure, so the app starts without it.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { MatrixController, MatrixElement } from "chartjs-chart-matrix";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
  MatrixController,
  MatrixElement,
);

export { Chart };
