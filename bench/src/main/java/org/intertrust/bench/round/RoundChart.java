package org.intertrust.bench.round;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.intertrust.bench.round.RoundBenchmark.Grid;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The Fig. 4 chart: time per round against n for the f+1 certificate, one solid line per f/n for
 * this implementation, one dashed line per f/n for the paper-faithful baseline of the same run, and
 * the values the paper states in words as separate markers (a downward triangle for "less than").
 * Logarithmic time axis, since the three differ by up to two orders of magnitude.
 */
public final class RoundChart {
  private static final Color[] COLORS = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b)
  };

  private RoundChart() {}

  /** Writes the chart as PNG to {@code out}. */
  public static void writePng(Grid grid, OutputStream out) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BitmapEncoder.saveBitmap(build(grid), out, BitmapEncoder.BitmapFormat.PNG);
  }

  static XYChart build(Grid grid) {
    XYChart chart =
        new XYChartBuilder()
            .width(1100)
            .height(680)
            .title(
                "Time per round, f+1 threshold certificate, 10 ms per message ("
                    + grid.options().rounds()
                    + " rounds per point)")
            .xAxisTitle("replicas n")
            .yAxisTitle("simulated ms per round (log scale)")
            .build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(8);
    List<FaultRatio> ratios = grid.options().ratios();
    for (int r = 0; r < ratios.size(); r++) {
      addRatio(chart, grid, ratios.get(r), COLORS[r % COLORS.length]);
    }
    for (PaperFigure4.Point point : PaperFigure4.POINTS) {
      String label =
          String.format(
              java.util.Locale.ROOT,
              "paper, n=%d, f/n %s: %s%.0f ms",
              point.n(),
              point.ratio().map(FaultRatio::toString).orElse("not stated"),
              point.upperBound() ? "< " : "about ",
              point.ms());
      XYSeries series = chart.addSeries(label, new double[] {point.n()}, new double[] {point.ms()});
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      series.setMarker(point.upperBound() ? SeriesMarkers.TRIANGLE_DOWN : SeriesMarkers.DIAMOND);
      series.setMarkerColor(Color.BLACK);
    }
    return chart;
  }

  private static void addRatio(XYChart chart, Grid grid, FaultRatio ratio, Color color) {
    List<Double> sizes = new ArrayList<>();
    List<Double> ours = new ArrayList<>();
    List<Double> baseline = new ArrayList<>();
    for (PointResult point : grid.points()) {
      if (point.ratio().equals(ratio)) {
        sizes.add((double) point.n());
        ours.add(point.optimized().get(Certificate.F_PLUS_ONE).meanMs());
        baseline.add(point.baseline().get(Certificate.F_PLUS_ONE).meanMs());
      }
    }
    XYSeries mine = chart.addSeries("this implementation, f/n " + ratio, sizes, ours);
    mine.setMarker(SeriesMarkers.CIRCLE);
    mine.setLineColor(color);
    mine.setMarkerColor(color);
    XYSeries faithful = chart.addSeries("paper-faithful baseline, f/n " + ratio, sizes, baseline);
    faithful.setMarker(SeriesMarkers.SQUARE);
    faithful.setLineStyle(SeriesLines.DASH_DASH);
    faithful.setLineColor(color);
    faithful.setMarkerColor(color);
  }
}
