package org.intertrust.bench.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.intertrust.crypto.bls.Bls;
import org.intertrust.crypto.bls.CombineResult;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.dealing.Dealer;

/**
 * The measurements behind {@code intertrust bench crypto}: each operation is warmed up (rounds and
 * seconds), then timed {@code iterations} times; the median is reported. The same operations run
 * under JMH in {@link CryptoJmhBenchmark}.
 */
public final class CryptoBenchmark {
  /** One measured operation. */
  public record Result(String operation, int n, int k, double medianMs, int samples) {}

  /** Run settings. */
  public record Options(int threshold, int size, int warmup, int iterations, double warmupSeconds) {
    public Options {
      if (threshold < 2 || threshold > size) {
        throw new IllegalArgumentException("need 2 <= k <= n, got k=" + threshold + " n=" + size);
      }
      if (warmup < 0 || iterations < 1 || warmupSeconds < 0) {
        throw new IllegalArgumentException(
            "warmup >= 0, iterations >= 1 and warmupSeconds >= 0 required");
      }
    }

    /** The configuration: n = 800, k = 267 (f/n = 1/3, k = f + 1). */
    public static Options standard() {
      return new Options(267, 800, 5, 21, 2.0);
    }
  }

  private static final int SMALL_BATCH = 50;

  private CryptoBenchmark() {}

  /** Runs every operation; {@code progress} hears the name of each before it starts. */
  public static List<Result> run(Options options, Consumer<String> progress) {
    progress.accept(
        "dealing the fixture (k=" + options.threshold() + ", n=" + options.size() + ")");
    CryptoFixture fixture = new CryptoFixture(options.threshold(), options.size());
    int n = options.size();
    int k = options.threshold();
    ThresholdCombiner combiner = new ThresholdCombiner();
    List<PartialSignature> optimistic = fixture.partials.subList(0, k);
    List<PartialSignature> withBad = fixture.sharesWithOneBad(k / 2);
    List<Result> results = new ArrayList<>();

    progress.accept("sign_partial");
    results.add(
        measure(
            "sign_partial",
            1,
            1,
            options,
            SMALL_BATCH,
            () -> fixture.shares.get(0).signPartial(CryptoFixture.DOMAIN, fixture.message)));
    progress.accept("verify");
    results.add(
        measure(
            "verify",
            1,
            1,
            options,
            SMALL_BATCH,
            () ->
                check(
                    Bls.verify(
                        fixture.singleKey.publicKey(),
                        CryptoFixture.DOMAIN,
                        fixture.message,
                        fixture.singleSignature))));
    progress.accept("combine");
    results.add(
        measure(
            "combine",
            n,
            k,
            options,
            1,
            () ->
                check(
                    combiner.combine(
                            fixture.publicKey, CryptoFixture.DOMAIN, fixture.message, optimistic)
                        instanceof CombineResult.Combined)));
    progress.accept("identify_bad");
    results.add(
        measure(
            "identify_bad",
            n,
            k,
            options,
            1,
            () ->
                check(
                    combiner.combine(
                                fixture.publicKey, CryptoFixture.DOMAIN, fixture.message, withBad)
                            instanceof CombineResult.Combined c
                        && c.blamed().size() == 1)));
    progress.accept("deal");
    results.add(
        measure(
            "deal",
            n,
            k,
            options,
            1,
            () -> fixture.dealer.deal(fixture.context, k, fixture.holderKeys)));
    progress.accept("deal_cold");
    results.add(
        measure(
            "deal_cold",
            n,
            k,
            new Options(
                k, n, 1, Math.max(3, options.iterations() / 4), options.warmupSeconds() / 2),
            1,
            () ->
                new Dealer(fixture.seed, fixture.dealerIdentity, fixture.dealerAgreement)
                    .deal(fixture.context, k, fixture.holderKeys)));
    return results;
  }

  /** One call of the measured operation. */
  @FunctionalInterface
  interface Operation {
    void run() throws Exception;
  }

  private static void runChecked(Operation operation) {
    try {
      operation.run();
    } catch (Exception e) {
      throw new IllegalStateException("benchmarked operation failed", e);
    }
  }

  private static void check(boolean ok) {
    if (!ok) {
      throw new IllegalStateException("benchmarked operation gave a wrong result");
    }
  }

  /**
   * Times {@code operation}: at least {@code warmup} untimed rounds, for at least {@code
   * warmupSeconds} (so that the JIT has compiled the hot paths), then {@code iterations} samples,
   * each the mean of {@code batch} back-to-back calls (batching keeps sub-millisecond operations
   * above the timer's resolution).
   */
  static Result measure(
      String name, int n, int k, Options options, int batch, Operation operation) {
    long warmupEnd = System.nanoTime() + (long) (options.warmupSeconds() * 1e9);
    for (int i = 0; i < options.warmup() * batch || System.nanoTime() < warmupEnd; i++) {
      runChecked(operation);
    }
    double[] samples = new double[options.iterations()];
    for (int i = 0; i < samples.length; i++) {
      long start = System.nanoTime();
      for (int b = 0; b < batch; b++) {
        runChecked(operation);
      }
      samples[i] = (System.nanoTime() - start) / 1e6 / batch;
    }
    Arrays.sort(samples);
    double median =
        samples.length % 2 == 1
            ? samples[samples.length / 2]
            : (samples[samples.length / 2 - 1] + samples[samples.length / 2]) / 2;
    return new Result(name, n, k, median, samples.length);
  }
}
