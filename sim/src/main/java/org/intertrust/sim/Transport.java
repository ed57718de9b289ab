package org.intertrust.sim;

import java.util.SplittableRandom;
import org.intertrust.sim.network.LinkProfile;
import org.intertrust.sim.network.NetworkModel;

/**
 * Puts messages on simulated links: applies partitions (at departure), loss, delay, jitter,
 * bandwidth and duplication, each drawn from the sender's own network random stream.
 */
final class Transport<M> {
  private final Simulation<M> engine;
  private final NetworkModel network;

  long sent;
  long lost;
  long duplicated;
  long cutAtDeparture;

  Transport(Simulation<M> engine, NetworkModel network) {
    this.engine = engine;
    this.network = network;
  }

  void transmit(NodeSlot<M> sender, int to, M message, long departure) {
    sent++;
    int from = sender.id;
    if (to == from) {
      engine.scheduleMessage(sender, to, message, departure, departure);
      return;
    }
    if (!network.connected(from, to)) {
      cutAtDeparture++;
      engine.traceSend(departure, from, "CUT", to, message);
      return;
    }
    LinkProfile link = network.profile(from, to);
    SplittableRandom random = sender.networkRandom;
    if (link.lossProbability() > 0 && random.nextDouble() < link.lossProbability()) {
      lost++;
      engine.traceSend(departure, from, "LOSS", to, message);
      return;
    }
    long fixed = departure + link.baseDelayNanos();
    if (link.bytesPerSecond() > 0) {
      fixed += link.transmissionNanos(engine.sizeBytes(message));
    }
    engine.scheduleMessage(sender, to, message, departure, fixed + jitter(link, random));
    if (link.duplicateProbability() > 0 && random.nextDouble() < link.duplicateProbability()) {
      duplicated++;
      engine.traceSend(departure, from, "DUP", to, message);
      engine.scheduleMessage(sender, to, message, departure, fixed + jitter(link, random));
    }
  }

  private static long jitter(LinkProfile link, SplittableRandom random) {
    return link.jitterNanos() == 0 ? 0 : random.nextLong(link.jitterNanos() + 1);
  }
}
