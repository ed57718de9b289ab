package org.intertrust.gateway.protocol.routing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Sha256;

/**
 * Chooses the gateway pair of each transaction by a seeded random draw (paper §IV-A: randomised
 * assignment spreads load and makes targeted attacks on one gateway less useful), and the order in
 * which the others take over on timeout.
 *
 * <p>For each transaction and AS, the AS's gateways are put in the order of {@code SHA-256(seed ||
 * tx || AS || index)}: a seeded pseudo-random permutation that any party knowing the seed can
 * recompute, and that does not depend on the order of other transactions. The first gateway of each
 * permutation forms the initial pair; a {@link Route} walks on from there. Pure.
 */
public final class GatewaySelector {
  private final long seed;
  private final Map<AsId, Integer> gatewayCounts;

  /**
   * A selector over {@code gatewayCounts} (how many gateways each AS runs, at least one each),
   * drawing with {@code seed}.
   */
  public GatewaySelector(Map<AsId, Integer> gatewayCounts, long seed) {
    this.gatewayCounts = new TreeMap<>(gatewayCounts);
    this.seed = seed;
    this.gatewayCounts.forEach(
        (as, count) -> {
          if (count < 1) {
            throw new IllegalArgumentException(as + " has no gateway");
          }
        });
  }

  /** The gateways of {@code as} in failover order for {@code tx}. */
  public List<GatewayId> order(CrossAsTxId tx, AsId as) {
    Integer count = gatewayCounts.get(as);
    if (count == null) {
      throw new IllegalArgumentException("unknown AS " + as);
    }
    List<GatewayId> gateways = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      gateways.add(new GatewayId(as, i));
    }
    gateways.sort(
        Comparator.comparing((GatewayId g) -> rank(tx, g)).thenComparing(GatewayId::index));
    return gateways;
  }

  /** The initial pair for {@code tx} from {@code source} to {@code destination}. */
  public GatewayPair select(CrossAsTxId tx, AsId source, AsId destination) {
    return route(tx, source, destination).current();
  }

  /** A route for {@code tx}, starting at the initial pair. */
  public Route route(CrossAsTxId tx, AsId source, AsId destination) {
    return new Route(order(tx, source), order(tx, destination));
  }

  private Hash32 rank(CrossAsTxId tx, GatewayId gateway) {
    byte[] prefix =
        ByteBuffer.allocate(8 + 2 + 4)
            .putLong(seed)
            .putShort((short) gateway.as().value())
            .putInt(gateway.index())
            .array();
    return Sha256.hash(prefix, tx.hash().toBytes());
  }

  /** The AS ids this selector knows. */
  public List<AsId> ases() {
    return List.copyOf(gatewayCounts.keySet());
  }

  @Override
  public String toString() {
    return "GatewaySelector" + gatewayCounts;
  }
}
