package org.intertrust.bench.crypto;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.intertrust.crypto.bls.Bls;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.CombineResult;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH versions of the {@code bench crypto} operations. Run with {@code mvn -B -pl bench -am -Pjmh
 * package && java -jar bench/target/benchmarks.jar CryptoJmhBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CryptoJmhBenchmark {
  @Param({"800"})
  public int size;

  @Param({"267"})
  public int threshold;

  private CryptoFixture fixture;
  private ThresholdCombiner combiner;
  private List<PartialSignature> optimistic;
  private List<PartialSignature> withBad;
  private List<PartialSignature> mostlyBad;

  @Setup(Level.Trial)
  public void setUp() {
    fixture = new CryptoFixture(threshold, size);
    combiner = new ThresholdCombiner();
    optimistic = fixture.partials.subList(0, threshold);
    withBad = fixture.sharesWithOneBad(threshold / 2);
    mostlyBad = fixture.sharesWithAllButOneBad();
  }

  @Benchmark
  public PartialSignature signPartial() {
    return fixture.shares.get(0).signPartial(CryptoFixture.DOMAIN, fixture.message);
  }

  @Benchmark
  public boolean verify() {
    return Bls.verify(
        fixture.singleKey.publicKey(),
        CryptoFixture.DOMAIN,
        fixture.message,
        fixture.singleSignature);
  }

  @Benchmark
  public BlsSignature combine() {
    var result =
        combiner.combine(fixture.publicKey, CryptoFixture.DOMAIN, fixture.message, optimistic);
    return ((CombineResult.Combined) result).signature();
  }

  @Benchmark
  public CombineResult identifyBad() {
    return combiner.combine(fixture.publicKey, CryptoFixture.DOMAIN, fixture.message, withBad);
  }

  /** k shares, all but one bad: every bad one is found and blamed, and combining fails. */
  @Benchmark
  public CombineResult identifyMostlyBad() {
    return combiner.combine(fixture.publicKey, CryptoFixture.DOMAIN, fixture.message, mostlyBad);
  }

  @Benchmark
  public DealingRecord deal() throws DealingException {
    return fixture.dealer.deal(fixture.context, threshold, fixture.holderKeys);
  }
}
