package org.intertrust.node.ops;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.lifecycle.CrossAsStatusView;
import org.intertrust.ledger.state.BalanceKey;
import org.intertrust.ledger.state.CrossAsKey;
import org.intertrust.ledger.state.CrossAsRecord;
import org.intertrust.ledger.state.CrossAsRole;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.node.api.ApiBackend;
import org.intertrust.node.api.ApiProblem;
import org.intertrust.node.api.ClientRequests;
import org.intertrust.node.api.ProblemCode;
import org.intertrust.node.runtime.NodeHost;
import org.intertrust.node.runtime.RocksNodeStorage;
import org.intertrust.node.transport.GrpcTransport;
import org.intertrust.node.transport.TransportStats;
import org.intertrust.sim.consensus.AsMessage;
import org.intertrust.sim.crossas.CrossAsMessage;
import org.intertrust.sim.crossas.CrossAsWorld;

/**
 * The client API of one node process: requests become events on the node's loop, queries run on it
 * ({@link NodeHost#query}), so the HTTP threads never touch the node's state.
 *
 * <p>A gateway refuses a cross-AS request it has already taken or whose lifecycle it already tracks
 * ({@code replayed}); the ledger's nonces refuse the rest of the replays (a gateway that restarted
 * forgets what it took; the replicas do not).
 */
final class ProcessBackend implements ApiBackend {
  private static final int REMEMBERED = 100_000;
  private static final long QUERY_TIMEOUT_MILLIS = 5_000;

  private final Network.Role role;
  private final AsId as;
  private final AsId peer;
  private final CrossAsWorld world;
  private final NodeHost<CrossAsMessage> host;
  private final GrpcTransport<CrossAsMessage> transport;
  private final RocksNodeStorage storage;
  private final Map<CrossAsTxId, Boolean> taken =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CrossAsTxId, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  ProcessBackend(
      Network.Role role,
      AsId as,
      AsId peer,
      CrossAsWorld world,
      NodeHost<CrossAsMessage> host,
      GrpcTransport<CrossAsMessage> transport,
      RocksNodeStorage storage) {
    this.role = role;
    this.as = as;
    this.peer = peer;
    this.world = world;
    this.host = host;
    this.transport = transport;
    this.storage = storage;
  }

  @Override
  public String role() {
    return role.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public AsId as() {
    return as;
  }

  @Override
  public boolean healthy() {
    return host.failure().isEmpty();
  }

  @Override
  public Map<String, Number> metrics() {
    TransportStats stats = transport.stats();
    Map<String, Number> metrics = new LinkedHashMap<>();
    metrics.put("transport_sent_total", stats.sent());
    metrics.put("transport_delivered_total", stats.delivered());
    metrics.put("transport_dropped_overflow_total", stats.droppedOverflow());
    metrics.put("transport_reconnects_total", stats.reconnects());
    metrics.put("transport_refused_peers_total", stats.refusedPeers());
    metrics.put(
        "transport_rejected_total",
        stats.rejected().values().stream().mapToLong(Long::longValue).sum());
    metrics.put("node_failed", host.failure().isPresent() ? 1 : 0);
    metrics.put("storage_keys", storage.keys("").size());
    return metrics;
  }

  @Override
  public void submit(ClientRequests.CrossAs request) throws ApiProblem {
    requireRole(Network.Role.GATEWAY, "cross-AS requests go to a gateway of the source AS");
    if (!request.source().equals(as)) {
      throw new ApiProblem(ProblemCode.UNKNOWN_AS, "this gateway serves AS " + as.value());
    }
    if (!request.terms().destination().equals(peer)) {
      throw new ApiProblem(ProblemCode.UNKNOWN_AS, "the destination must be AS " + peer.value());
    }
    CrossAsTxId id = request.id();
    boolean known = query(() -> world.status(id).isPresent());
    synchronized (taken) {
      if (known || taken.putIfAbsent(id, Boolean.TRUE) != null) {
        throw new ApiProblem(ProblemCode.REPLAYED, "transaction " + id.hash().toHex() + " again");
      }
    }
    host.deliver(
        -1,
        new CrossAsMessage.Request(
            TransactionCodec.encode(request.sourceTransaction().transaction()), request.terms()),
        () -> {});
  }

  @Override
  public void submit(Transfer transfer) throws ApiProblem {
    requireRole(Network.Role.REPLICA, "transfers within an AS go to a replica of that AS");
    if (!transfer.chain().equals(as)) {
      throw new ApiProblem(ProblemCode.UNKNOWN_AS, "this replica serves AS " + as.value());
    }
    boolean funded =
        query(
            () ->
                world
                    .replicaState(host.nodeId())
                    .flatMap(
                        s ->
                            s.get(
                                Section.BALANCES,
                                new BalanceKey(transfer.from(), ClientRequests.coin())))
                    .isPresent());
    if (!funded) {
      throw new ApiProblem(ProblemCode.UNKNOWN_ACCOUNT, "'from' has no funds on this AS");
    }
    byte[] encoded = TransactionCodec.encode(transfer);
    host.deliver(-1, new CrossAsMessage.Local(new AsMessage.ClientTransaction(encoded)), () -> {});
  }

  @Override
  public Optional<JsonObject> account(AccountId account) throws ApiProblem {
    requireRole(Network.Role.REPLICA, "balances are kept by the replicas");
    return query(
        () -> world.replicaState(host.nodeId()).flatMap(state -> accountView(state, account)));
  }

  private static Optional<JsonObject> accountView(LedgerState state, AccountId account) {
    var balance = state.get(Section.BALANCES, new BalanceKey(account, ClientRequests.coin()));
    if (balance.isEmpty() && state.get(Section.NONCES, account).isEmpty()) {
      return Optional.empty();
    }
    JsonObject view = new JsonObject();
    view.addProperty("account", java.util.HexFormat.of().formatHex(account.toBytes()));
    view.addProperty("asset", ClientRequests.coin().toString());
    view.addProperty("balance", state.balance(account, ClientRequests.coin()).value());
    view.addProperty("next_nonce", state.nonce(account).value());
    return Optional.of(view);
  }

  @Override
  public Optional<JsonObject> status(CrossAsTxId tx) throws ApiProblem {
    if (role == Network.Role.GATEWAY) {
      return query(() -> world.status(tx).map(ProcessBackend::lifecycleView));
    }
    return query(() -> world.replicaState(host.nodeId()).flatMap(state -> ledgerView(state, tx)));
  }

  private static JsonObject lifecycleView(CrossAsStatusView view) {
    JsonObject json = new JsonObject();
    json.addProperty("tx", view.tx().hash().toHex());
    json.addProperty("phase", view.phase().name());
    view.decision().ifPresent(d -> json.addProperty("decision", d.toString()));
    if (!view.reason().isEmpty()) {
      json.addProperty("reason", view.reason());
    }
    return json;
  }

  private static Optional<JsonObject> ledgerView(LedgerState state, CrossAsTxId tx) {
    JsonObject json = new JsonObject();
    json.addProperty("tx", tx.hash().toHex());
    boolean any = false;
    for (CrossAsRole role : CrossAsRole.values()) {
      Optional<CrossAsRecord> record = state.get(Section.CROSS_AS, new CrossAsKey(tx, role));
      if (record.isPresent()) {
        any = true;
        JsonObject side = new JsonObject();
        side.addProperty("status", record.get().status().name());
        if (!record.get().reason().isEmpty()) {
          side.addProperty("reason", record.get().reason());
        }
        side.addProperty("height", record.get().height().value());
        json.add(role.name().toLowerCase(java.util.Locale.ROOT), side);
      }
    }
    return any ? Optional.of(json) : Optional.empty();
  }

  private void requireRole(Network.Role required, String hint) throws ApiProblem {
    if (role != required) {
      throw new ApiProblem(ProblemCode.UNAVAILABLE, "this node is a " + role() + ": " + hint);
    }
  }

  private <T> T query(Supplier<T> query) throws ApiProblem {
    try {
      return host.query(query).get(QUERY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiProblem(ProblemCode.UNAVAILABLE, "interrupted");
    } catch (ExecutionException | TimeoutException e) {
      throw new ApiProblem(ProblemCode.UNAVAILABLE, "the node did not answer in time");
    }
  }
}
