package org.intertrust.gateway.protocol.governor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.replica.CrossAsTerms;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.ledger.value.AssetId;

/**
 * Admits or refuses cross-AS requests before a gateway takes them, as Wormhole's Governor and
 * CCIP's rate limits do for their bridges: a bridge bug or a stolen key then drains at most the
 * value the limits let through before an operator pauses it.
 *
 * <ul>
 *   <li>Per lane (source AS to destination AS): a token bucket on the number of requests.
 *   <li>Per lane and asset: a token bucket on the value that leaves the source AS (a transfer's
 *       amount, a swap's initiator amount; a message moves no value). Assets without a configured
 *       limit are limited by count only.
 *   <li>An operator pause, of every lane or of one, until resumed.
 * </ul>
 *
 * A refused request consumes nothing, and is refused with its reason and how long to wait. Pure and
 * deterministic: time comes with each call. Not thread-safe: one caller at a time.
 */
public final class Governor {
  /** Why a request was refused. */
  public enum Reason {
    /** The operator paused this lane or every lane. */
    PAUSED,
    /** The lane's request rate is spent. */
    RATE_LIMITED,
    /** The lane's value limit for this asset is spent, or the request alone exceeds it. */
    VALUE_LIMITED
  }

  /** A direction between two ASs. */
  public record Lane(AsId source, AsId destination) {
    public Lane {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(destination, "destination");
    }

    @Override
    public String toString() {
      return source + "->" + destination;
    }
  }

  /** What {@link #admit} decided. */
  public sealed interface Decision {}

  /** Admitted; its tokens are taken. */
  public record Admitted() implements Decision {}

  /**
   * Refused, nothing taken.
   *
   * @param retryAfterMillis when the same request would pass if nothing else arrives; {@link
   *     Long#MAX_VALUE} if never (paused, or more than a bucket holds)
   */
  public record Refused(Reason reason, String detail, long retryAfterMillis) implements Decision {}

  /**
   * The limits.
   *
   * @param requestsPerSecond each lane's sustained request rate
   * @param burst each lane's burst of requests
   * @param valueLimits per asset: the value a lane may move in a burst and per second
   */
  public record Limits(long requestsPerSecond, long burst, Map<AssetId, ValueLimit> valueLimits) {
    public Limits {
      if (requestsPerSecond < 1 || burst < 1) {
        throw new IllegalArgumentException("rate and burst must be positive");
      }
      valueLimits = Map.copyOf(valueLimits);
    }

    /** Count limits only. */
    public static Limits requests(long perSecond, long burst) {
      return new Limits(perSecond, burst, Map.of());
    }
  }

  /** A value bucket: at most {@code capacity} at once, refilled by {@code perSecond}. */
  public record ValueLimit(long capacity, long perSecond) {
    public ValueLimit {
      if (capacity < 1 || perSecond < 1) {
        throw new IllegalArgumentException("value capacity and rate must be positive");
      }
    }
  }

  private record AssetLane(Lane lane, AssetId asset) {}

  private final Limits limits;
  private final Map<Lane, TokenBucket> requests = new HashMap<>();
  private final Map<AssetLane, TokenBucket> values = new HashMap<>();
  private final Set<Lane> pausedLanes = new HashSet<>();
  private boolean pausedAll;
  private long admitted;
  private final Map<Reason, Long> refused = new HashMap<>();

  public Governor(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** Admits {@code terms} at {@code nowMillis}, taking its tokens, or refuses it. */
  public Decision admit(CrossAsTerms terms, long nowMillis) {
    Lane lane = new Lane(terms.source(), terms.destination());
    if (pausedAll || pausedLanes.contains(lane)) {
      return refuse(Reason.PAUSED, "lane " + lane + " is paused by the operator", Long.MAX_VALUE);
    }
    TokenBucket count =
        requests.computeIfAbsent(
            lane, l -> new TokenBucket(limits.burst(), limits.requestsPerSecond(), nowMillis));
    long countWait = count.waitMillis(1, nowMillis);
    if (countWait > 0) {
      return refuse(Reason.RATE_LIMITED, "lane " + lane + " request rate", countWait);
    }
    Optional<TokenBucket> value = valueBucket(lane, terms, nowMillis);
    long amount = amount(terms);
    if (value.isPresent()) {
      long valueWait = value.get().waitMillis(amount, nowMillis);
      if (valueWait > 0) {
        return refuse(
            Reason.VALUE_LIMITED,
            "lane "
                + lane
                + ": "
                + amount
                + " over the value left (capacity "
                + value.get().capacity()
                + ")",
            valueWait);
      }
      value.get().take(amount);
    }
    count.take(1);
    admitted++;
    return new Admitted();
  }

  private Optional<TokenBucket> valueBucket(Lane lane, CrossAsTerms terms, long nowMillis) {
    Optional<AssetId> asset = asset(terms);
    if (asset.isEmpty() || !limits.valueLimits().containsKey(asset.get())) {
      return Optional.empty();
    }
    ValueLimit limit = limits.valueLimits().get(asset.get());
    return Optional.of(
        values.computeIfAbsent(
            new AssetLane(lane, asset.get()),
            k -> new TokenBucket(limit.capacity(), limit.perSecond(), nowMillis)));
  }

  private static Optional<AssetId> asset(CrossAsTerms terms) {
    if (terms instanceof TransferTerms transfer) {
      return Optional.of(transfer.asset());
    }
    if (terms instanceof CrossAsTerms.Swap swap) {
      return Optional.of(swap.terms().initiatorAsset());
    }
    return Optional.empty();
  }

  private static long amount(CrossAsTerms terms) {
    if (terms instanceof TransferTerms transfer) {
      return transfer.amount().value();
    }
    if (terms instanceof CrossAsTerms.Swap swap) {
      return swap.terms().initiatorAmount().value();
    }
    return 0;
  }

  private Refused refuse(Reason reason, String detail, long retryAfterMillis) {
    refused.merge(reason, 1L, Long::sum);
    return new Refused(reason, detail, retryAfterMillis);
  }

  /** Pauses every lane ({@code lane} empty) or one lane; idempotent. */
  public void pause(Optional<Lane> lane) {
    if (lane.isPresent()) {
      pausedLanes.add(lane.get());
    } else {
      pausedAll = true;
    }
  }

  /**
   * Resumes every lane ({@code lane} empty: also lifts the pauses of single lanes) or one lane
   * (which stays paused while every lane is); idempotent.
   */
  public void resume(Optional<Lane> lane) {
    if (lane.isPresent()) {
      pausedLanes.remove(lane.get());
    } else {
      pausedAll = false;
      pausedLanes.clear();
    }
  }

  /** Whether requests on {@code lane} are refused as paused. */
  public boolean paused(Lane lane) {
    return pausedAll || pausedLanes.contains(lane);
  }

  /** Requests admitted so far. */
  public long admitted() {
    return admitted;
  }

  /** Requests refused so far, by reason. */
  public long refused(Reason reason) {
    return refused.getOrDefault(reason, 0L);
  }
}
