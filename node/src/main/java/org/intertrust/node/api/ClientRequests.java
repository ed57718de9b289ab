package org.intertrust.node.api;

import com.google.gson.JsonObject;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.crypto.identity.SignatureDecodingException;
import org.intertrust.gateway.protocol.governor.Governor;
import org.intertrust.gateway.protocol.replica.CrossAsTerms;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.ledger.tx.ClientSignatures;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.MessageSend;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.SignedTransaction;
import org.intertrust.ledger.tx.SwapLock;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.sim.consensus.AsCluster;

/**
 * The client API's request bodies: how a signed transaction is written as JSON (for the CLI) and
 * read back and checked (for the server), in one place so the two cannot drift. Bytes are hex;
 * amounts, nonces and deadlines are JSON whole numbers; ASs are named as in {@code network.yaml}.
 * The asset is the testnet's native coin. Reading checks every field and every client signature and
 * returns the transaction the ledger will see; nothing is submitted when it throws.
 */
public final class ClientRequests {
  static final Set<String> TRANSFER_FIELDS =
      Set.of("source", "destination", "owner", "amount", "deadline_ms", "nonce", "signature");
  static final Set<String> SWAP_FIELDS =
      Set.of(
          "source",
          "destination",
          "initiator",
          "initiator_amount",
          "counterparty",
          "counterparty_amount",
          "deadline_ms",
          "nonce",
          "counterparty_signature",
          "signature");
  static final Set<String> MESSAGE_FIELDS =
      Set.of(
          "source",
          "destination",
          "sender",
          "inbox",
          "payload",
          "deadline_ms",
          "nonce",
          "signature");
  static final Set<String> LOCAL_TRANSFER_FIELDS =
      Set.of("as", "from", "to", "amount", "nonce", "signature");
  private static final int NAME_LENGTH = 16;

  /** A checked cross-AS request: its id, its signed source transaction and the relayed terms. */
  public record CrossAs(
      CrossAsTxId id, AsId source, SignedTransaction sourceTransaction, CrossAsTerms terms) {}

  private final Map<String, AsId> ases;

  /**
   * @param ases the network's ASs by name
   */
  public ClientRequests(Map<String, AsId> ases) {
    this.ases = Map.copyOf(ases);
  }

  /** The native asset of the testnet. */
  public static AssetId coin() {
    return AsCluster.coin();
  }

  // ---- writing (client side) ----

  /** The JSON of a signed cross-AS transfer. */
  public static JsonObject transfer(String source, String destination, EscrowLock lock) {
    JsonObject json = new JsonObject();
    json.addProperty("source", source);
    json.addProperty("destination", destination);
    json.addProperty("owner", hex(lock.owner().toBytes()));
    json.addProperty("amount", lock.amount().value());
    json.addProperty("deadline_ms", lock.deadline().millis());
    json.addProperty("nonce", lock.nonce().value());
    json.addProperty("signature", hex(lock.signature().toBytes()));
    return json;
  }

  /** The JSON of a signed swap. */
  public static JsonObject swap(String source, String destination, SwapLock lock) {
    SwapTerms t = lock.terms();
    JsonObject json = new JsonObject();
    json.addProperty("source", source);
    json.addProperty("destination", destination);
    json.addProperty("initiator", hex(t.initiator().toBytes()));
    json.addProperty("initiator_amount", t.initiatorAmount().value());
    json.addProperty("counterparty", hex(t.counterparty().toBytes()));
    json.addProperty("counterparty_amount", t.counterpartyAmount().value());
    json.addProperty("deadline_ms", t.deadline().millis());
    json.addProperty("nonce", t.nonce().value());
    json.addProperty("counterparty_signature", hex(lock.counterpartySignature().toBytes()));
    json.addProperty("signature", hex(lock.signature().toBytes()));
    return json;
  }

  /** The JSON of a signed message. */
  public static JsonObject message(
      String source, String destination, MessageSend send, MessagePayload payload) {
    MessageTerms t = send.terms();
    JsonObject json = new JsonObject();
    json.addProperty("source", source);
    json.addProperty("destination", destination);
    json.addProperty("sender", hex(t.sender().toBytes()));
    json.addProperty("inbox", t.inbox().name());
    json.addProperty("payload", hex(payload.toBytes()));
    json.addProperty("deadline_ms", t.deadline().millis());
    json.addProperty("nonce", t.nonce().value());
    json.addProperty("signature", hex(send.signature().toBytes()));
    return json;
  }

  /** The JSON of a signed transfer within AS {@code as}. */
  public static JsonObject localTransfer(String as, Transfer transfer) {
    JsonObject json = new JsonObject();
    json.addProperty("as", as);
    json.addProperty("from", hex(transfer.from().toBytes()));
    json.addProperty("to", hex(transfer.to().toBytes()));
    json.addProperty("amount", transfer.amount().value());
    json.addProperty("nonce", transfer.nonce().value());
    json.addProperty("signature", hex(transfer.signature().toBytes()));
    return json;
  }

  // ---- reading (server side) ----

  /** Reads and checks a cross-AS transfer. */
  public CrossAs readTransfer(String body) throws ApiProblem {
    JsonFields json = JsonFields.parse(body, TRANSFER_FIELDS);
    AsId source = as(json, "source");
    AsId destination = as(json, "destination");
    Amount amount = Amount.of(json.amount("amount"));
    ConsensusTime deadline = ConsensusTime.ofMillis(json.natural("deadline_ms"));
    Nonce nonce = new Nonce(json.natural("nonce"));
    AccountId owner = account(json, "owner");
    TransferTerms terms =
        new TransferTerms(source, destination, owner, coin(), amount, deadline, nonce);
    EscrowLock lock =
        new EscrowLock(
            source,
            terms.id(),
            owner,
            coin(),
            amount,
            destination,
            deadline,
            nonce,
            signature(json, "signature"));
    requireSigned(lock);
    return new CrossAs(terms.id(), source, lock, terms);
  }

  /** Reads and checks a swap: the initiator's and the counterparty's signatures. */
  public CrossAs readSwap(String body) throws ApiProblem {
    JsonFields json = JsonFields.parse(body, SWAP_FIELDS);
    AsId source = as(json, "source");
    AsId destination = as(json, "destination");
    SwapTerms terms =
        new SwapTerms(
            source,
            destination,
            account(json, "initiator"),
            coin(),
            Amount.of(json.amount("initiator_amount")),
            account(json, "counterparty"),
            coin(),
            Amount.of(json.amount("counterparty_amount")),
            ConsensusTime.ofMillis(json.natural("deadline_ms")),
            new Nonce(json.natural("nonce")));
    IdentitySignature counterparty = signature(json, "counterparty_signature");
    if (!terms.counterpartySigned(counterparty)) {
      throw new ApiProblem(
          ProblemCode.BAD_SIGNATURE, "'counterparty_signature' is not the counterparty's");
    }
    SwapLock lock = new SwapLock(source, terms, counterparty, signature(json, "signature"));
    requireSigned(lock);
    return new CrossAs(
        terms.id(counterparty), source, lock, new CrossAsTerms.Swap(terms, counterparty));
  }

  /** Reads and checks a message. */
  public CrossAs readMessage(String body) throws ApiProblem {
    JsonFields json = JsonFields.parse(body, MESSAGE_FIELDS);
    AsId source = as(json, "source");
    AsId destination = as(json, "destination");
    byte[] data = hexAtMost(json, "payload", MessagePayload.MAX_LENGTH);
    MessagePayload payload = MessagePayload.of(data);
    InboxId inbox;
    try {
      inbox = new InboxId(json.string("inbox", 64));
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(ProblemCode.INVALID_FIELD, "'inbox' is not a valid inbox name");
    }
    MessageTerms terms =
        new MessageTerms(
            source,
            destination,
            account(json, "sender"),
            inbox,
            payload.hash(),
            ConsensusTime.ofMillis(json.natural("deadline_ms")),
            new Nonce(json.natural("nonce")));
    MessageSend send = new MessageSend(source, terms, signature(json, "signature"));
    requireSigned(send);
    return new CrossAs(terms.id(), source, send, new CrossAsTerms.Message(terms, payload));
  }

  /** Reads and checks a transfer within one AS; returns it with its AS. */
  public Transfer readLocalTransfer(String body) throws ApiProblem {
    JsonFields json = JsonFields.parse(body, LOCAL_TRANSFER_FIELDS);
    AsId as = as(json, "as");
    Transfer transfer =
        new Transfer(
            as,
            account(json, "from"),
            account(json, "to"),
            coin(),
            Amount.of(json.amount("amount")),
            new Nonce(json.natural("nonce")),
            signature(json, "signature"));
    requireSigned(transfer);
    return transfer;
  }

  /** The AS called {@code name}, or {@code unknown-as}. */
  public AsId as(String name) throws ApiProblem {
    AsId as = ases.get(name);
    if (as == null) {
      throw new ApiProblem(ProblemCode.UNKNOWN_AS, "no AS named '" + printable(name) + "'");
    }
    return as;
  }

  /**
   * The lane of an admin request body: {@code {"lane": "A->B"}} names one, an empty body or {@code
   * {}} every lane.
   */
  public Optional<Governor.Lane> lane(String body) throws ApiProblem {
    if (body.isBlank()) {
      return Optional.empty();
    }
    JsonFields json = JsonFields.parse(body, Set.of("lane"));
    String lane = json.string("lane", NAME_LENGTH * 8 + 2, "");
    if (lane.isEmpty()) {
      return Optional.empty();
    }
    int arrow = lane.indexOf("->");
    if (arrow < 0) {
      throw new ApiProblem(ProblemCode.INVALID_FIELD, "lane: write SOURCE->DESTINATION");
    }
    AsId source = as(lane.substring(0, arrow));
    AsId destination = as(lane.substring(arrow + 2));
    if (source.equals(destination)) {
      throw new ApiProblem(ProblemCode.INVALID_FIELD, "lane: two different ASs");
    }
    return Optional.of(new Governor.Lane(source, destination));
  }

  private AsId as(JsonFields json, String field) throws ApiProblem {
    return as(json.string(field, NAME_LENGTH * 4));
  }

  /** An account id in hex (a valid Ed25519 public key), or {@code invalid-field}. */
  public static AccountId account(String hex) throws ApiProblem {
    try {
      byte[] bytes = HexFormat.of().parseHex(hex);
      AccountId account = AccountId.fromBytes(bytes);
      if (account.publicKey().isEmpty()) {
        throw new ApiProblem(ProblemCode.INVALID_FIELD, "the account is not an Ed25519 key");
      }
      return account;
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(ProblemCode.INVALID_FIELD, "an account is 32 bytes as 64 hex digits");
    }
  }

  private static AccountId account(JsonFields json, String field) throws ApiProblem {
    byte[] bytes = json.hex(field, AccountId.LENGTH);
    AccountId account = AccountId.fromBytes(bytes);
    if (account.publicKey().isEmpty()) {
      throw new ApiProblem(ProblemCode.INVALID_FIELD, "'" + field + "' is not an Ed25519 key");
    }
    return account;
  }

  private static IdentitySignature signature(JsonFields json, String field) throws ApiProblem {
    try {
      return IdentitySignature.fromBytes(json.hex(field, IdentitySignature.LENGTH));
    } catch (SignatureDecodingException e) {
      throw new ApiProblem(ProblemCode.BAD_SIGNATURE, "'" + field + "' is not a signature");
    }
  }

  private static byte[] hexAtMost(JsonFields json, String field, int maxBytes) throws ApiProblem {
    String text = json.string(field, 2 * maxBytes);
    try {
      byte[] bytes = HexFormat.of().parseHex(text);
      if (bytes.length == 0) {
        throw new ApiProblem(ProblemCode.INVALID_FIELD, "'" + field + "' is empty");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(ProblemCode.INVALID_FIELD, "'" + field + "' must be hex");
    }
  }

  private static void requireSigned(SignedTransaction tx) throws ApiProblem {
    if (!ClientSignatures.verify(tx)) {
      throw new ApiProblem(
          ProblemCode.BAD_SIGNATURE, "'signature' does not verify for " + tx.signer());
    }
  }

  /** The id of a cross-AS transaction in hex, or {@code not-found}. */
  public static Optional<CrossAsTxId> txId(String hex) {
    if (!hex.matches("[0-9a-fA-F]{64}")) {
      return Optional.empty();
    }
    return Optional.of(
        new CrossAsTxId(org.intertrust.ledger.value.Hash32.fromHex(hex.toLowerCase())));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static String printable(String text) {
    String cut = text.length() > 32 ? text.substring(0, 32) + ".." : text;
    return cut.replaceAll("[^A-Za-z0-9_.-]", "?");
  }
}
