package org.intertrust.bench.round;

import java.util.List;
import java.util.Optional;

/**
 * What the paper states in words about its Fig. 4 (section VI, "Performance"); the figure's other
 * values are not given in the text, so they are not reproduced here.
 */
public final class PaperFigure4 {
  /**
   * One stated value.
   *
   * @param n replicas
   * @param ratio the f/n it was stated for, if the text names one
   * @param ms the stated time per round
   * @param upperBound whether the text says "less than" rather than "about"
   * @param quote the paper's words
   */
  public record Point(
      int n, Optional<FaultRatio> ratio, double ms, boolean upperBound, String quote) {}

  /** The three values the text states. */
  public static final List<Point> POINTS =
      List.of(
          new Point(
              200,
              Optional.empty(),
              200,
              true,
              "when the number of participating nodes is 200, the average time per round is less"
                  + " than 200ms"),
          new Point(
              800,
              Optional.of(new FaultRatio(1, 6)),
              700,
              true,
              "when the number of participating nodes is 800 and the f/n ratio is 1/6, the average"
                  + " time is less than 700ms"),
          new Point(
              800,
              Optional.of(new FaultRatio(1, 3)),
              1340,
              false,
              "while when its faulty ratio is set to 1/3, the average time can be up to 1340ms"));

  private PaperFigure4() {}
}
