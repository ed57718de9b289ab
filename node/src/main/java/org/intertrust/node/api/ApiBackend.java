package org.intertrust.node.api;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * What the HTTP layer needs from the process behind it: a replica answers account and ledger
 * queries and takes transfers within its AS; a gateway takes cross-AS requests and reports their
 * lifecycle. A method a role does not serve throws {@code unavailable}. Every method is called from
 * an HTTP thread and must hand work to the node's event loop.
 */
public interface ApiBackend {
  /** {@code replica} or {@code gateway}. */
  String role();

  /** This node's AS. */
  AsId as();

  /** Whether the node runs (its loop took no failure and it is not stopping). */
  boolean healthy();

  /** Gauges and counters for {@code /metrics}: name to value (names are Prometheus-safe). */
  Map<String, Number> metrics();

  /**
   * Hands a checked cross-AS request to this gateway; refuses ({@code replayed}) one it has seen.
   */
  void submit(ClientRequests.CrossAs request) throws ApiProblem;

  /** Hands a checked transfer within this AS to this replica. */
  void submit(Transfer transfer) throws ApiProblem;

  /** The account's balance and next nonce, if it exists on this replica's ledger. */
  Optional<JsonObject> account(AccountId account) throws ApiProblem;

  /** What this node knows of cross-AS transaction {@code tx}, if anything. */
  Optional<JsonObject> status(CrossAsTxId tx) throws ApiProblem;
}
