package org.intertrust.node.runtime;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.NodeGroup;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;
import org.intertrust.sim.storage.NodeStorage;

/**
 * Hosts one {@link SimNode} in real time: the same protocol node the simulator runs, driven by one
 * single-threaded event loop that owns its state. Messages, timer expiries and the start are events
 * posted to that loop; a timer only posts an event. {@link #now()} is the shared {@link
 * MonotonicClock}, {@link #random()} is seeded from {@link SecureRandom}, {@link #charge} measures
 * nothing (real CPU time passes by itself), and {@link #storage()} is durable.
 *
 * <p>A handler that throws stops the node (fail fast): the failure is kept in {@link #failure()}
 * and later events are dropped. With a {@code handlerLock}, handlers of all the nodes sharing it
 * run one at a time: nodes assembled by the simulator's world builders share observers that check
 * the invariants across nodes, and those observers are single-threaded.
 *
 * @param <M> the protocol's message type
 */
public final class NodeHost<M> implements NodeContext<M>, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(NodeHost.class.getName());

  public static final java.util.concurrent.atomic.LongAdder WAIT =
      new java.util.concurrent.atomic.LongAdder();
  public static final java.util.concurrent.atomic.LongAdder HELD =
      new java.util.concurrent.atomic.LongAdder();
  public static final java.util.concurrent.atomic.LongAdder COUNT =
      new java.util.concurrent.atomic.LongAdder();
  private final int id;
  private final NodeGroup group;
  private final SimNode<M> node;
  private final NodeStorage storage;
  private final Outbound<M> outbound;
  private final LongSupplier clock;
  private final Object handlerLock;
  private final SplittableRandom random;
  private final ScheduledThreadPoolExecutor loop;
  private final Map<Long, ScheduledFuture<?>> timers = new HashMap<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile Thread loopThread;
  private long nextTimerId;

  /**
   * @param id the node's id in the whole system
   * @param group the node's group ({@link #broadcast} goes to the other members)
   * @param node the protocol node to host
   * @param storage its durable store
   * @param outbound the transport
   * @param clock the shared time source, in nanoseconds
   * @param handlerLock a lock shared by nodes whose handlers must not overlap, or empty
   */
  public NodeHost(
      int id,
      NodeGroup group,
      SimNode<M> node,
      NodeStorage storage,
      Outbound<M> outbound,
      LongSupplier clock,
      Optional<Object> handlerLock) {
    this.id = id;
    this.group = Objects.requireNonNull(group, "group");
    this.node = Objects.requireNonNull(node, "node");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.outbound = Objects.requireNonNull(outbound, "outbound");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.handlerLock = handlerLock.orElseGet(Object::new);
    this.random = new SplittableRandom(new SecureRandom().nextLong());
    this.loop =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "node-" + id);
              thread.setDaemon(true);
              loopThread = thread;
              return thread;
            });
    this.loop.setRemoveOnCancelPolicy(true);
    this.loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.loop.setRejectedExecutionHandler(
        new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
  }

  /** Posts the start event: the node's {@link SimNode#onStart} runs on its loop. */
  public void start() {
    post(() -> node.onStart(this));
  }

  /**
   * Posts a message from node {@code from} ({@code -1} for a local client); {@code done} runs on
   * the loop once the handler returned (the transport grants the sender credit for one more message
   * then).
   */
  public void deliver(int from, M message, Runnable done) {
    post(
        () -> {
          try {
            node.onMessage(from, message);
          } finally {
            done.run();
          }
        });
  }

  /**
   * Runs {@code query} on the node's loop (so it may read the node's state) and completes the
   * future with its result; the future fails if the node is closing or the query throws.
   */
  public <T> java.util.concurrent.CompletableFuture<T> query(java.util.function.Supplier<T> query) {
    java.util.concurrent.CompletableFuture<T> result =
        new java.util.concurrent.CompletableFuture<>();
    try {
      loop.execute(
          () -> {
            try {
              synchronized (handlerLock) {
                result.complete(query.get());
              }
            } catch (RuntimeException e) {
              result.completeExceptionally(e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("node " + id + " is closing", e));
    }
    return result;
  }

  /**
   * Stops taking events and waits up to {@code timeoutMillis} for those already posted to run: the
   * graceful half of shutting down (the store is flushed by whoever closes it).
   */
  public void drain(long timeoutMillis) throws InterruptedException {
    loop.shutdown();
    if (!loop.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
      LOG.warning("node " + id + " did not drain within " + timeoutMillis + " ms");
    }
  }

  /** The exception a handler threw, if one did: the node stopped then. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** The hosted node. */
  public SimNode<M> node() {
    return node;
  }

  private void post(Runnable handler) {
    if (loop.isShutdown()) {
      return;
    }
    try {
      loop.execute(() -> run(handler));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.log(Level.FINE, "node {0} is closing; event dropped", id);
    }
  }

  private void run(Runnable handler) {
    if (failure.get() != null) {
      return;
    }
    try {
      synchronized (handlerLock) {
        handler.run();
      }
    } catch (RuntimeException | Error e) {
      failure.compareAndSet(null, e);
      LOG.log(Level.SEVERE, "node " + id + " stopped: a handler threw", e);
    }
  }

  private void requireLoop() {
    if (Thread.currentThread() != loopThread) {
      throw new IllegalStateException("node " + id + " used its context outside its event loop");
    }
  }

  @Override
  public int nodeId() {
    return id;
  }

  @Override
  public NodeGroup group() {
    return group;
  }

  @Override
  public int incarnation() {
    return 0;
  }

  @Override
  public long now() {
    return clock.getAsLong();
  }

  @Override
  public void send(int to, M message) {
    requireLoop();
    if (to == id) {
      deliver(id, message, () -> {});
    } else {
      outbound.send(id, to, message);
    }
  }

  @Override
  public void broadcast(M message) {
    requireLoop();
    for (int to = group.firstId(); to < group.endId(); to++) {
      if (to != id) {
        outbound.send(id, to, message);
      }
    }
  }

  @Override
  public void multicast(int[] targets, M message) {
    for (int to : targets) {
      send(to, message);
    }
  }

  @Override
  public SimTimer setTimer(long delayNanos, Object tag) {
    requireLoop();
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative timer delay " + delayNanos);
    }
    SimTimer timer = new SimTimer(nextTimerId++, tag, now() + delayNanos);
    if (!loop.isShutdown()) {
      timers.put(
          timer.id(),
          loop.schedule(() -> run(() -> fire(timer)), delayNanos, TimeUnit.NANOSECONDS));
    }
    return timer;
  }

  private void fire(SimTimer timer) {
    timers.remove(timer.id());
    if (!timer.isCancelled()) {
      node.onTimer(timer);
    }
  }

  @Override
  public void cancelTimer(SimTimer timer) {
    requireLoop();
    timer.cancel();
    ScheduledFuture<?> future = timers.remove(timer.id());
    if (future != null) {
      future.cancel(false);
    }
  }

  @Override
  public void charge(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("negative CPU charge " + nanos);
    }
  }

  @Override
  public void charge(String operation) {}

  @Override
  public void charge(String operation, int count) {}

  @Override
  public SplittableRandom random() {
    return random;
  }

  @Override
  public NodeStorage storage() {
    return storage;
  }

  @Override
  public void note(String text) {
    LOG.log(Level.FINE, "node {0}: {1}", new Object[] {id, text});
  }

  /** The longest {@link #close} waits for a running handler to return. */
  static final long CLOSE_WAIT_SECONDS = 60;

  /**
   * Stops the loop: pending events and timers are dropped, and the handler that runs, if any, is
   * waited for (up to {@value #CLOSE_WAIT_SECONDS} s, with a warning every five): it is never cut
   * off, and its store must not be closed under it. {@link #stopped()} says whether it stopped.
   */
  @Override
  public void close() {
    loop.shutdownNow();
    try {
      for (long waited = 0; !loop.awaitTermination(5, TimeUnit.SECONDS); waited += 5) {
        if (waited + 5 >= CLOSE_WAIT_SECONDS) {
          LOG.severe(
              "node " + id + " did not stop in " + CLOSE_WAIT_SECONDS + " s: a handler hangs");
          return;
        }
        LOG.warning("node " + id + " still stopping: a handler is running");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the loop has stopped: no handler runs and none will (its store may be closed). */
  public boolean stopped() {
    return loop.isTerminated();
  }

  @Override
  public String toString() {
    return "NodeHost[" + id + " " + node + "]";
  }
}
