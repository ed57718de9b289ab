package org.intertrust.sim.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.intertrust.crypto.bls.Bls;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.CombineResult;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ReferenceCombiner;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.bls.UncheckedPartialSignature;
import org.intertrust.sim.cpu.CpuCostTable;
import org.intertrust.sim.cpu.ThreadCpuClock;

/**
 * The CPU cost of each crypto operation in a round, measured on this machine at start-up: the
 * median CPU time ({@link ThreadCpuClock}: time the thread computed, not time other processes had
 * the core) of the real operation, run on a real key. Operations whose cost does not depend on k
 * are measured once ({@link #measure}); the two combines are measured per key ({@link #table}). The
 * simulation then charges these medians, so a run is deterministic given its table.
 */
public final class RoundCosts {
  /** {@code KeyShare.signPartial}: hash to G1 and one scalar multiplication. */
  public static final String SIGN_PARTIAL = "round.sign_partial";

  /** Decoding an uncompressed share: on-curve check only (ADR 0007). */
  public static final String DECODE_SHARE_UNCHECKED = "round.decode_share_unchecked";

  /** Decoding a compressed share with every check (square root, subgroup). */
  public static final String DECODE_SHARE = "round.decode_share";

  /** Verifying one share against its verification key (the baseline, per share). */
  public static final String VERIFY_PARTIAL = "round.verify_partial";

  /** Decoding and verifying the certificate under the group key (every replica). */
  public static final String VERIFY_CERTIFICATE = "round.verify_certificate";

  /** {@code ThresholdCombiner.combineUnchecked} of k honest shares: Lagrange, MSM, one verify. */
  public static final String COMBINE = "round.combine";

  /** {@code ReferenceCombiner.interpolateOneByOne} of k verified shares (the baseline). */
  public static final String COMBINE_ONE_BY_ONE = "round.combine_one_by_one";

  private final long signPartial;
  private final long decodeUnchecked;
  private final long decode;
  private final long verifyPartial;
  private final long verifyCertificate;
  private final String source;

  private RoundCosts(String source, long... nanos) {
    this.source = source;
    this.signPartial = nanos[0];
    this.decodeUnchecked = nanos[1];
    this.decode = nanos[2];
    this.verifyPartial = nanos[3];
    this.verifyCertificate = nanos[4];
  }

  /** Fixed costs, for tests: no measurement, fully reproducible. */
  public static RoundCosts fixed(
      long signPartial,
      long decodeUnchecked,
      long decode,
      long verifyPartial,
      long verifyCertificate) {
    return new RoundCosts(
        "ns(fixed)", signPartial, decodeUnchecked, decode, verifyPartial, verifyCertificate);
  }

  /** Measures the operations whose cost does not depend on k, on {@code setup}'s key. */
  public static RoundCosts measure(RoundSetup setup) {
    RoundShares shares = new RoundShares(setup, CpuTiming.COST_TABLE, 0, -1);
    int honest = setup.f() + 1;
    PartialSignature partial = shares.partial(honest);
    byte[] compressed = partial.toBytes();
    byte[] uncompressed = UncheckedPartialSignature.encode(partial);
    ThresholdPublicKey key = setup.key().publicKey();
    byte[] proposal = shares.proposal();
    byte[] certificate = certificate(setup, shares);
    return new RoundCosts(
        "ns(measured)",
        median(() -> setup.key().shares().get(honest).signPartial(RoundSetup.DOMAIN, proposal)),
        median(() -> decode(() -> UncheckedPartialSignature.fromBytes(uncompressed))),
        median(() -> decode(() -> PartialSignature.fromBytes(compressed))),
        median(() -> key.verifyPartial(partial, RoundSetup.DOMAIN, proposal)),
        median(() -> shares.verifyCertificateUncached(certificate)));
  }

  /**
   * The full cost table for {@code setup}'s k: the operations measured by {@link #measure} plus
   * both combines, measured now on k honest shares of {@code setup}'s key.
   */
  public CpuCostTable table(RoundSetup setup) {
    long[] combines = measureCombines(setup);
    return table(combines[0], combines[1], "ns(measured)");
  }

  /** The cost table with the given combine costs; {@code suffix} says where they come from. */
  public CpuCostTable table(long combine, long combineOneByOne, String suffix) {
    CpuCostTable.Builder builder = CpuCostTable.builder();
    put(builder, SIGN_PARTIAL, signPartial, source);
    put(builder, DECODE_SHARE_UNCHECKED, decodeUnchecked, source);
    put(builder, DECODE_SHARE, decode, source);
    put(builder, VERIFY_PARTIAL, verifyPartial, source);
    put(builder, VERIFY_CERTIFICATE, verifyCertificate, source);
    put(builder, COMBINE, combine, suffix);
    put(builder, COMBINE_ONE_BY_ONE, combineOneByOne, suffix);
    return builder.build();
  }

  private static void put(CpuCostTable.Builder builder, String name, long nanos, String suffix) {
    builder.function(name, count -> nanos, nanos + suffix);
  }

  private static long[] measureCombines(RoundSetup setup) {
    RoundShares shares = new RoundShares(setup, CpuTiming.COST_TABLE, 0, -2);
    int k = setup.k();
    List<UncheckedPartialSignature> unchecked = new ArrayList<>(k);
    List<PartialSignature> checked = new ArrayList<>(k);
    for (int id = setup.f() + 1; checked.size() < k; id = (id + 1) % setup.n()) {
      PartialSignature partial = shares.partial(id);
      checked.add(partial);
      unchecked.add(
          decode(
              () ->
                  UncheckedPartialSignature.fromBytes(UncheckedPartialSignature.encode(partial))));
    }
    ThresholdCombiner combiner = new ThresholdCombiner(new SplittableRandom(k));
    ThresholdPublicKey key = setup.key().publicKey();
    byte[] proposal = shares.proposal();
    long combine =
        ThreadCpuClock.medianNanos(
            () -> {
              CombineResult result =
                  combiner.combineUnchecked(key, RoundSetup.DOMAIN, proposal, unchecked);
              if (!(result instanceof CombineResult.Combined)) {
                throw new IllegalStateException("honest shares did not combine: " + result);
              }
            },
            5,
            15,
            1);
    if (!ReferenceCombiner.interpolateOneByOne(checked)
        .equals(ThresholdCombiner.interpolateUnverified(checked))) {
      throw new IllegalStateException("one-by-one and MSM interpolation disagree");
    }
    long oneByOne =
        ThreadCpuClock.medianNanos(() -> ReferenceCombiner.interpolateOneByOne(checked), 2, 7, 1);
    return new long[] {combine, oneByOne};
  }

  private static byte[] certificate(RoundSetup setup, RoundShares shares) {
    List<PartialSignature> partials = new ArrayList<>();
    for (int id = setup.f() + 1; partials.size() < setup.k(); id = (id + 1) % setup.n()) {
      partials.add(shares.partial(id));
    }
    BlsSignature signature = ReferenceCombiner.interpolateOneByOne(partials);
    if (!Bls.verify(
        setup.key().publicKey().groupKey(), RoundSetup.DOMAIN, shares.proposal(), signature)) {
      throw new IllegalStateException("honest shares did not combine to a valid certificate");
    }
    return signature.toBytes();
  }

  private static long median(Runnable operation) {
    return ThreadCpuClock.medianNanos(operation, 50, 41, 5);
  }

  /** A decode that must succeed, for measuring. */
  @FunctionalInterface
  private interface Decoder<T> {
    T decode() throws BlsDecodingException;
  }

  private static <T> T decode(Decoder<T> decoder) {
    try {
      return decoder.decode();
    } catch (BlsDecodingException e) {
      throw new IllegalStateException("a freshly encoded share did not decode", e);
    }
  }

  /** One line per operation, in microseconds, for the run's output. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "sign_partial=%.1fus decode_share_unchecked=%.1fus decode_share=%.1fus"
            + " verify_partial=%.1fus verify_certificate=%.1fus",
        signPartial / 1e3,
        decodeUnchecked / 1e3,
        decode / 1e3,
        verifyPartial / 1e3,
        verifyCertificate / 1e3);
  }
}
