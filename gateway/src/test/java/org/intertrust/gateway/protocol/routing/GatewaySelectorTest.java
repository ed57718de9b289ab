package org.intertrust.gateway.protocol.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewaySelectorTest {
  private static final AsId X = new AsId(1);
  private static final AsId Y = new AsId(2);
  private static final Map<AsId, Integer> COUNTS = Map.of(X, 3, Y, 4);

  private static CrossAsTxId tx(int i) {
    return new CrossAsTxId(Sha256.hash(new byte[] {(byte) i, (byte) (i >> 8)}));
  }

  @Test
  void sameSeedAndTransaction_giveTheSamePair() {
    assertEquals(
        new GatewaySelector(COUNTS, 7).select(tx(1), X, Y),
        new GatewaySelector(COUNTS, 7).select(tx(1), X, Y));
  }

  @Test
  void pairs_spreadOverAllGateways() {
    GatewaySelector selector = new GatewaySelector(COUNTS, 7);
    Map<GatewayId, Integer> destinationUse = new HashMap<>();
    for (int i = 0; i < 400; i++) {
      destinationUse.merge(selector.select(tx(i), X, Y).destination(), 1, Integer::sum);
    }
    assertEquals(4, destinationUse.size());
    destinationUse.values().forEach(uses -> assertTrue(uses > 60, "uses " + destinationUse));
  }

  @Test
  void anotherSeed_givesOtherPairs() {
    int differ = 0;
    for (int i = 0; i < 50; i++) {
      if (!new GatewaySelector(COUNTS, 1)
          .select(tx(i), X, Y)
          .equals(new GatewaySelector(COUNTS, 2).select(tx(i), X, Y))) {
        differ++;
      }
    }
    assertTrue(differ > 20, differ + " of 50 differ");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void failover_triesEveryGatewayOfTheSideThatTimedOut_thenStartsOver(long seed) {
    Route route = new GatewaySelector(COUNTS, seed).route(tx(3), X, Y);
    GatewayPair first = route.current();
    Set<GatewayId> tried = new HashSet<>(List.of(first.destination()));
    for (int i = 0; i < 3; i++) {
      GatewayPair next = route.onTimeout(Route.Side.DESTINATION);
      assertEquals(first.source(), next.source(), "the source side stays");
      assertNotEquals(first.destination(), next.destination());
      tried.add(next.destination());
    }
    assertEquals(4, tried.size());
    assertFalse(route.exhausted(Route.Side.DESTINATION));
    assertEquals(first.destination(), route.onTimeout(Route.Side.DESTINATION).destination());
    assertTrue(route.exhausted(Route.Side.DESTINATION));
    assertEquals(4, route.failovers());
  }

  @Test
  void sourceFailover_movesOnlyTheSourceGateway() {
    Route route = new GatewaySelector(COUNTS, 9).route(tx(4), X, Y);
    GatewayPair first = route.current();
    GatewayPair next = route.onTimeout(Route.Side.SOURCE);
    assertEquals(first.destination(), next.destination());
    assertNotEquals(first.source(), next.source());
    assertEquals(X, next.source().as());
  }

  @Test
  void singleGatewayAs_alwaysUsesIt() {
    GatewaySelector selector = new GatewaySelector(Map.of(X, 1, Y, 1), 3);
    Route route = selector.route(tx(1), X, Y);
    assertEquals(new GatewayPair(new GatewayId(X, 0), new GatewayId(Y, 0)), route.current());
    assertEquals(route.current(), route.onTimeout(Route.Side.DESTINATION));
  }
}
