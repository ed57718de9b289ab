package org.intertrust.gateway.protocol.replica;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * What a source gateway relays besides the lock certificate so that the destination can build its
 * transaction (ADR 0008): the certificate binds only the cross-AS id and the deadline, and each
 * kind's id commits to these terms, so the destination's replicas re-derive the id and a gateway
 * cannot alter them.
 *
 * <ul>
 *   <li>{@link TransferTerms}: a TRANSFER, whose voucher mint carries them in its provenance
 *       bundle;
 *   <li>{@link Swap}: a SWAP's terms with the counterparty's signature, carried by the {@code
 *       SwapExecute} itself;
 *   <li>{@link Message}: a MESSAGE's terms with its payload, carried by the {@code
 *       MessageDelivery}.
 * </ul>
 */
public sealed interface CrossAsTerms
    permits TransferTerms, CrossAsTerms.Swap, CrossAsTerms.Message {

  /** The cross-AS id these terms commit to. */
  CrossAsTxId id();

  /** The source AS. */
  AsId source();

  /** The destination AS. */
  AsId destination();

  /** The destination's consensus-time deadline. */
  ConsensusTime deadline();

  /**
   * A SWAP's terms and Bob's signature over them.
   *
   * @param terms the terms
   * @param counterpartySignature Bob's signature
   */
  record Swap(SwapTerms terms, IdentitySignature counterpartySignature) implements CrossAsTerms {
    /** Checks the fields. */
    public Swap {
      Objects.requireNonNull(terms, "terms");
      Objects.requireNonNull(counterpartySignature, "counterpartySignature");
    }

    @Override
    public CrossAsTxId id() {
      return terms.id(counterpartySignature);
    }

    @Override
    public AsId source() {
      return terms.source();
    }

    @Override
    public AsId destination() {
      return terms.destination();
    }

    @Override
    public ConsensusTime deadline() {
      return terms.deadline();
    }
  }

  /**
   * A MESSAGE's terms and its payload.
   *
   * @param terms the terms, which commit to the payload's hash
   * @param payload the payload
   */
  record Message(MessageTerms terms, MessagePayload payload) implements CrossAsTerms {
    /** Checks the fields. */
    public Message {
      Objects.requireNonNull(terms, "terms");
      Objects.requireNonNull(payload, "payload");
    }

    @Override
    public CrossAsTxId id() {
      return terms.id();
    }

    @Override
    public AsId source() {
      return terms.source();
    }

    @Override
    public AsId destination() {
      return terms.destination();
    }

    @Override
    public ConsensusTime deadline() {
      return terms.deadline();
    }
  }
}
