package org.intertrust.sim.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.intertrust.sim.crossas.CrossAsScenario;

/**
 * Runs a campaign: seeds {@code firstSeed .. firstSeed + seeds - 1}, each the cross-AS scenario
 * over the configuration {@link CampaignDraw#draw} makes of it, on {@code threads} threads. Each
 * run is deterministic and shares nothing with the others, so the report, in seed order, is the
 * same whatever the number of threads (ADR 0014).
 */
public final class Campaign {
  /**
   * Settings of a campaign.
   *
   * @param firstSeed the first seed
   * @param seeds how many seeds
   * @param space what each seed's configuration is drawn from
   * @param threads runs at once
   */
  public record Settings(long firstSeed, int seeds, CampaignDraw.Space space, int threads) {
    /** Checks the bounds. */
    public Settings {
      Objects.requireNonNull(space, "space");
      if (seeds < 1 || threads < 1) {
        throw new IllegalArgumentException("need at least one seed and one thread");
      }
    }
  }

  private Campaign() {}

  /**
   * Runs every seed; {@code progress} hears each outcome as it finishes (in completion order, from
   * the worker threads, one at a time).
   *
   * @return the outcomes in seed order
   */
  public static List<RunOutcome> run(Settings settings, Consumer<RunOutcome> progress) {
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
    try {
      List<Future<RunOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < settings.seeds(); i++) {
        CampaignDraw draw = CampaignDraw.draw(settings.firstSeed() + i, settings.space());
        futures.add(
            pool.submit(
                () -> {
                  RunOutcome outcome = runOne(draw);
                  synchronized (progress) {
                    progress.accept(outcome);
                  }
                  return outcome;
                }));
      }
      List<RunOutcome> outcomes = new ArrayList<>();
      for (Future<RunOutcome> future : futures) {
        outcomes.add(await(future));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs one draw. A run that throws is a failure of the campaign, reported with the exception, not
   * a failure of the campaign's machinery.
   */
  public static RunOutcome runOne(CampaignDraw draw) {
    long start = System.nanoTime();
    try {
      CrossAsScenario.Summary summary = CrossAsScenario.run(draw.options());
      List<String> violations = new ArrayList<>(summary.violations());
      if (!summary.auditOk() && violations.isEmpty()) {
        violations.add("audit: failed without a named violation");
      }
      return new RunOutcome(
          draw,
          summary.submitted(),
          summary.finalBothSides(),
          summary.events(),
          summary.traceSha256(),
          violations,
          (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException | AssertionError e) {
      return new RunOutcome(
          draw,
          0,
          0,
          0,
          "",
          List.of(RunOutcome.EXCEPTION + ": " + e),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static RunOutcome await(Future<RunOutcome> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("campaign interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a campaign run failed outside the scenario", e.getCause());
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "campaign-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
