package org.intertrust.crypto.bls;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The search that finds the invalid members of a set of {@code size} shares through group tests,
 * with a worst-case bound on its cost. Pure logic: the tests themselves are an {@link Oracle}
 * (batch verification with random weights in {@link ShareIdentifier}, a fake in the tests).
 *
 * <p>Cost model, in units of one pairing check (two Miller loops and a final exponentiation, about
 * the cost of verifying one share on its own): a test of one share costs 1; a test of a group of s
 * >= 2 shares costs 1 + {@link #MSM_POINT_COST} * s (the pairing check plus the weighted sums of
 * the signatures in G1 and of the keys in G2).
 *
 * <p>Strategy. It starts as the bisection of {@link ShareIdentifier}: an untested group is tested
 * whole; a group known to hold an invalid share is halved, its first half tested, the search
 * descends into a half known to hold one, and unchecked second halves are set aside and tested
 * together once one invalid share is isolated. One invalid share among m costs about log2(m) + 1
 * tests. Every group test must be paid from a credit: a test may run only if, after it, the cost
 * spent stays within {@code (1 + 1/8) * classified + slack(size)}, where {@code classified} counts
 * the shares already known good or bad, and {@code slack(size) = 2 * (ceil(log2(size)) + 1) + 3 *}
 * {@link #MSM_POINT_COST}{@code * size} covers a whole bisection that finds one invalid share. A
 * test of one share classifies it, so it is always affordable. When a group test is not, the search
 * switches for good to galloping: after a run of r consecutive valid shares (r = 0 right after an
 * invalid one) the next test takes the largest power of two at most r of the shares left, if
 * affordable, otherwise fewer, down to one. Where invalid shares are dense, that is one
 * verification per share. Hence, for every pattern of invalid shares:
 *
 * <pre>
 *   cost <= (1 + 1/8) * size + slack(size)
 * </pre>
 *
 * which is close to one verification per share (the least any search pays when all shares are
 * invalid). One invalid share costs exactly the tests of plain bisection, wherever it lies; a few
 * cost on average within 2% of plain bisection (both tested in {@code ShareSearchTest}).
 */
final class ShareSearch {
  /**
   * Cost of one point of a 64-bit-scalar MSM in G1 plus one in G2, per pairing check. Measured on
   * the 2-vCPU reference machine under load: a batch check of 267 shares about 10 ms, of 64 about
   * 3.2 to 5.4 ms, of one share 1.25 to 1.5 ms; that is 1/40 to 1/30 of a check per point.
   */
  static final double MSM_POINT_COST = 1.0 / 32;

  /** Credit earned per share classified, above the one test that classifying it may cost. */
  static final double EARNING = 1.0 / 8;

  /** A group test: whether the shares at {@code positions} are all valid (with 2^-64 error). */
  @FunctionalInterface
  interface Oracle {
    boolean passes(int[] positions);
  }

  private final Oracle oracle;
  private final double slack;
  private final boolean[] valid;
  private final Deque<Group> work = new ArrayDeque<>();
  private double spent;
  private int tests;
  private long groupPoints;
  private int classified;
  private int validRun;
  private boolean galloping;

  private record Group(int[] positions, boolean knownBad) {}

  private ShareSearch(int size, Oracle oracle, double slack) {
    this.oracle = oracle;
    this.slack = slack;
    this.valid = new boolean[size];
  }

  /** The additive part of the bound for a set of {@code size} shares. */
  static double slack(int size) {
    int depth = 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1));
    return 2.0 * (depth + 1) + 3.0 * MSM_POINT_COST * size;
  }

  /** The worst-case cost of {@link #run} on {@code size} shares, in pairing checks. */
  static double bound(int size) {
    return (1 + EARNING) * size + slack(size);
  }

  /**
   * Classifies {@code size} shares. With {@code knownBad} the whole set is known to hold an invalid
   * share, so it is not tested whole.
   */
  static ShareSearch run(int size, boolean knownBad, Oracle oracle) {
    return run(size, knownBad, oracle, slack(size));
  }

  /** As {@link #run(int, boolean, Oracle)} with a given slack; infinite gives plain bisection. */
  static ShareSearch run(int size, boolean knownBad, Oracle oracle, double slack) {
    ShareSearch search = new ShareSearch(size, oracle, slack);
    int[] all = new int[size];
    Arrays.setAll(all, i -> i);
    if (size > 0) {
      search.work.push(new Group(all, knownBad));
    }
    while (!search.work.isEmpty()) {
      Group group = search.work.pop();
      if (search.galloping) {
        search.gallop(group);
      } else if (group.knownBad()) {
        search.isolateOneInvalid(group.positions());
      } else {
        search.testWhole(group.positions());
      }
    }
    return search;
  }

  /** For each share in order, whether it is valid. */
  boolean[] valid() {
    return valid.clone();
  }

  /** Tests run: pairing checks, one per test. */
  int tests() {
    return tests;
  }

  /** Points summed by the multi-scalar multiplications of group tests (in G1 and in G2 each). */
  long groupPoints() {
    return groupPoints;
  }

  /** The cost spent in the model of this class, in pairing checks. */
  double cost() {
    return spent;
  }

  /** Bisection: tests an untested group whole, if affordable; otherwise starts galloping. */
  private void testWhole(int[] group) {
    if (group.length > 1 && !affordable(testCost(group.length))) {
      galloping = true;
      work.push(new Group(group, false));
    } else if (test(group)) {
      markValid(group);
    } else if (group.length == 1) {
      markInvalid(group[0]);
    } else {
      work.push(new Group(group, true));
    }
  }

  /**
   * Bisection: descends into halves known to hold an invalid share until one is left, which is
   * invalid. Second halves not tested are set aside, to be tested together. If a half is not
   * affordable, the search starts galloping with the group that is left.
   */
  private void isolateOneInvalid(int[] group) {
    int[] bad = group;
    int[] setAside = new int[0];
    while (bad.length > 1) {
      int half = bad.length / 2;
      if (half > 1 && !affordable(testCost(half))) {
        galloping = true;
        break;
      }
      int[] first = Arrays.copyOfRange(bad, 0, half);
      int[] second = Arrays.copyOfRange(bad, half, bad.length);
      if (test(first)) {
        markValid(first);
        bad = second;
      } else {
        setAside = concat(setAside, second);
        bad = first;
      }
    }
    if (setAside.length > 0) {
      work.push(new Group(setAside, false));
    }
    if (bad.length == 1) {
      markInvalid(bad[0]);
    } else {
      work.push(new Group(bad, true));
    }
  }

  /**
   * Galloping: tests a prefix of the group as large as the run of valid shares just seen (a power
   * of two, and at most half a group known to hold an invalid share), if affordable; otherwise a
   * smaller one, down to one share.
   */
  private void gallop(Group group) {
    int[] positions = group.positions();
    int length = positions.length;
    if (group.knownBad() && length == 1) {
      markInvalid(positions[0]);
      return;
    }
    int size = Math.min(group.knownBad() ? length / 2 : length, Integer.highestOneBit(validRun));
    while (size > 1 && !affordable(testCost(size))) {
      size /= 2;
    }
    size = Math.max(1, size);
    int[] prefix = Arrays.copyOfRange(positions, 0, size);
    int[] rest = Arrays.copyOfRange(positions, size, length);
    if (test(prefix)) {
      markValid(prefix);
      if (rest.length > 0) {
        work.push(new Group(rest, group.knownBad()));
      }
      return;
    }
    if (rest.length > 0) {
      work.push(new Group(rest, false));
    }
    if (size == 1) {
      markInvalid(prefix[0]);
    } else {
      work.push(new Group(prefix, true));
    }
  }

  private boolean affordable(double cost) {
    return spent + cost <= (1 + EARNING) * classified + slack;
  }

  private static double testCost(int size) {
    return size == 1 ? 1 : 1 + MSM_POINT_COST * size;
  }

  private boolean test(int[] group) {
    tests++;
    if (group.length > 1) {
      groupPoints += group.length;
    }
    spent += testCost(group.length);
    return oracle.passes(group);
  }

  private void markValid(int[] group) {
    for (int i : group) {
      valid[i] = true;
    }
    classified += group.length;
    validRun += group.length;
  }

  private void markInvalid(int position) {
    valid[position] = false;
    classified++;
    validRun = 0;
  }

  private static int[] concat(int[] first, int[] second) {
    int[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  @Override
  public String toString() {
    return "ShareSearch[" + valid.length + " shares, " + tests + " tests]";
  }
}
