package org.intertrust.consensus;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.ThresholdDealer;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;

/**
 * A seeded, single-threaded network of replicas over virtual time, for the consensus tests: each
 * message takes 10 ms plus jitter; silent replicas neither start nor send; a message filter can
 * play a Byzantine sender. Agreement is checked after every event; a violation throws with the
 * seed.
 */
final class TestCluster {
  static final long MILLIS = 1_000_000L;
  static final AsId AS = new AsId(1);

  private record Scheduled(long time, long sequence, int node, Event event)
      implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled other) {
      int byTime = Long.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  final long seed;
  final int n;
  final ConsensusConfig config;
  final Replica[] replicas;
  final List<List<Block>> committed = new ArrayList<>();
  final Set<Integer> silent = new HashSet<>();
  final SafetyState[] persisted;
  final List<Action.Reject> rejections = new ArrayList<>();
  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
  private final Random random;
  private final IdentityKeyPair[] identities;
  private final List<KeyShare> shares;
  private UnaryOperator<ConsensusMessage> byzantine = UnaryOperator.identity();
  private final Set<Integer> byzantineSenders = new HashSet<>();
  private long now;
  private long sequence;
  long events;

  /** The chance that a message between two distinct replicas is lost. */
  double loss;

  TestCluster(int n, long seed) {
    this.seed = seed;
    this.n = n;
    this.random = new Random(seed);
    this.identities = new IdentityKeyPair[n];
    List<IdentityPublicKey> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      identities[i] = IdentityKeyPair.generate(seeded(seed * 1000 + i));
      keys.add(identities[i].publicKey());
    }
    ThresholdDealer.DealtKey dealt = deal(ConsensusConfig.quorum(n), n, random);
    this.shares = dealt.shares();
    this.config = new ConsensusConfig(AS, keys, dealt.publicKey(), 100 * MILLIS, 1024);
    this.replicas = new Replica[n];
    this.persisted = new SafetyState[n];
    for (int i = 0; i < n; i++) {
      persisted[i] = SafetyState.INITIAL;
      replicas[i] = newReplica(i);
      committed.add(new ArrayList<>());
    }
  }

  private Replica newReplica(int i) {
    return new Replica(
        config,
        i,
        identities[i],
        shares.get(i),
        PayloadSource.EMPTY,
        persisted[i],
        new SplittableRandom(seed * 31 + i));
  }

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static ThresholdDealer.DealtKey deal(int k, int n, Random random) {
    return ThresholdDealer.dealRandom(k, n, random);
  }

  IdentityKeyPair identity(int replica) {
    return identities[replica];
  }

  KeyShare share(int replica) {
    return shares.get(replica);
  }

  /** Replicas in {@code senders} send what {@code transform} makes of their messages. */
  void byzantine(Set<Integer> senders, UnaryOperator<ConsensusMessage> transform) {
    byzantineSenders.addAll(senders);
    byzantine = transform;
  }

  void start() {
    for (int i = 0; i < n; i++) {
      if (!silent.contains(i)) {
        schedule(0, i, new Event.Start(0));
      }
    }
  }

  /** Crashes replica i now and restarts it from its persisted safety state after {@code down}. */
  void crashAndRestart(int i, long down) {
    silent.add(i);
    queue.add(new Scheduled(now + down, sequence++, i, null));
  }

  void runFor(long duration) {
    long end = now + duration;
    while (!queue.isEmpty() && queue.peek().time() <= end) {
      Scheduled next = queue.poll();
      now = next.time();
      if (next.event() == null) {
        restart(next.node());
        continue;
      }
      if (silent.contains(next.node())) {
        continue;
      }
      events++;
      apply(next.node(), next.event());
      checkAgreement();
    }
    now = end;
  }

  private void restart(int i) {
    silent.remove(i);
    replicas[i] = newReplica(i);
    apply(i, new Event.Start(now));
  }

  private void apply(int node, Event event) {
    for (Action action : replicas[node].handle(event)) {
      perform(node, action);
    }
  }

  private void perform(int node, Action action) {
    if (action instanceof Action.Send send) {
      deliver(node, send.to(), send.message());
    } else if (action instanceof Action.Broadcast broadcast) {
      for (int to = 0; to < n; to++) {
        deliver(node, to, broadcast.message());
      }
    } else if (action instanceof Action.SetTimer timer) {
      schedule(now + timer.delayNanos(), node, new Event.TimerFired(0, timer.round()));
    } else if (action instanceof Action.PersistSafety persist) {
      persisted[node] = persist.state();
    } else if (action instanceof Action.Commit commit) {
      recordCommit(node, commit.blocks());
    } else if (action instanceof Action.Reject reject) {
      rejections.add(reject);
    }
  }

  private void recordCommit(int node, List<Block> blocks) {
    List<Block> chain = committed.get(node);
    for (Block block : blocks) {
      if (block.height() == chain.size() + 1) {
        chain.add(block);
      } else if (block.height() > chain.size() + 1) {
        throw new AssertionError("seed " + seed + ": replica " + node + " skipped to " + block);
      }
    }
  }

  private void deliver(int from, int to, ConsensusMessage message) {
    if (silent.contains(from)) {
      return;
    }
    ConsensusMessage sent = byzantineSenders.contains(from) ? byzantine.apply(message) : message;
    if (sent == null) {
      return;
    }
    if (from != to && loss > 0 && random.nextDouble() < loss) {
      return;
    }
    long delay = 10 * MILLIS + random.nextInt(2 * (int) MILLIS);
    schedule(now + delay, to, new Event.Received(0, from, sent));
  }

  private void schedule(long time, int node, Event event) {
    Event timed = withTime(event, time);
    queue.add(new Scheduled(time, sequence++, node, timed));
  }

  private static Event withTime(Event event, long time) {
    if (event instanceof Event.Received r) {
      return new Event.Received(time, r.from(), r.message());
    }
    if (event instanceof Event.TimerFired t) {
      return new Event.TimerFired(time, t.round());
    }
    return new Event.Start(time);
  }

  /** No two replicas commit different blocks at one height. */
  void checkAgreement() {
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        List<Block> a = committed.get(i);
        List<Block> b = committed.get(j);
        for (int h = 0; h < Math.min(a.size(), b.size()); h++) {
          if (!a.get(h).hash().equals(b.get(h).hash())) {
            throw new AssertionError(
                "seed "
                    + seed
                    + ": replicas "
                    + i
                    + " and "
                    + j
                    + " disagree at height "
                    + (h + 1));
          }
        }
      }
    }
  }

  /** The lowest committed height among replicas that are not silent or Byzantine. */
  int minHonestHeight() {
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      if (!silent.contains(i) && !byzantineSenders.contains(i)) {
        min = Math.min(min, committed.get(i).size());
      }
    }
    return min;
  }

  long now() {
    return now;
  }
}
