package org.intertrust.ledger.tx;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.encoding.Statement;
import org.intertrust.crypto.encoding.Statements;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.ledger.value.Sha256;

/**
 * The terms of a cross-AS SWAP (ADR 0008): the initiator (Alice) gives {@code initiatorAmount} of
 * {@code initiatorAsset} on the source AS to the counterparty; the counterparty (Bob) gives {@code
 * counterpartyAmount} of {@code counterpartyAsset} on the destination AS to the initiator (the same
 * Ed25519 account on both ASs). Both sign: Alice the {@link SwapLock} that carries these terms on
 * the source, Bob these terms themselves ({@link #counterpartySigningBytes()}), which the
 * destination checks before it executes his leg. Fields, in order: source, destination, initiator,
 * initiatorAsset, initiatorAmount, counterparty, counterpartyAsset, counterpartyAmount, deadline,
 * nonce (the initiator's nonce of the lock on the source).
 *
 * <p>The cross-AS id is SHA-256 of a fixed tag, these terms and Bob's signature ({@link
 * #id(IdentitySignature)}): the LOCKED certificate binds the id, so a gateway can alter neither the
 * terms nor Bob's signature on the way to the destination.
 *
 * @param source X, where Alice's asset is escrowed
 * @param destination Y, where Bob's asset moves
 * @param initiator Alice
 * @param initiatorAsset Alice's asset, as named on X
 * @param initiatorAmount how much of it
 * @param counterparty Bob
 * @param counterpartyAsset Bob's asset, as named on Y
 * @param counterpartyAmount how much of it
 * @param deadline Y's consensus-time deadline
 * @param nonce Alice's nonce of the lock on X
 */
public record SwapTerms(
    AsId source,
    AsId destination,
    AccountId initiator,
    AssetId initiatorAsset,
    Amount initiatorAmount,
    AccountId counterparty,
    AssetId counterpartyAsset,
    Amount counterpartyAmount,
    ConsensusTime deadline,
    Nonce nonce) {
  private static final byte[] TAG = {'I', 'T', 'S', 1};

  /** Checks that no field is null. */
  public SwapTerms {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(initiator, "initiator");
    Objects.requireNonNull(initiatorAsset, "initiatorAsset");
    Objects.requireNonNull(initiatorAmount, "initiatorAmount");
    Objects.requireNonNull(counterparty, "counterparty");
    Objects.requireNonNull(counterpartyAsset, "counterpartyAsset");
    Objects.requireNonNull(counterpartyAmount, "counterpartyAmount");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(nonce, "nonce");
  }

  /** The cross-AS id of these terms with Bob's signature {@code counterpartySignature}. */
  public CrossAsTxId id(IdentitySignature counterpartySignature) {
    try {
      CanonicalWriter w = new CanonicalWriter(1024);
      write(w);
      Fields.writeSignature(w, counterpartySignature);
      return new CrossAsTxId(Sha256.hash(TAG, w.toByteArray()));
    } catch (EncodingException e) {
      throw new IllegalStateException("swap terms always encode", e);
    }
  }

  /**
   * The bytes Bob signs: a statement in {@link SigningDomain#CLIENT_TRANSACTION} from the source to
   * the destination (two different ASs, so never equal to the statement of a transaction, which
   * names its own AS twice) whose body is the tag of {@link TransactionKind#SWAP_EXECUTE}, the
   * operation Bob authorises, followed by these terms.
   */
  public byte[] counterpartySigningBytes() {
    try {
      return Statements.encode(new CounterpartyStatement(this));
    } catch (EncodingException e) {
      throw new IllegalStateException("swap terms always encode", e);
    }
  }

  /** Bob's signature over these terms with {@code key}. */
  public IdentitySignature signAsCounterparty(IdentityKeyPair key) {
    return key.sign(SigningDomain.CLIENT_TRANSACTION, counterpartySigningBytes());
  }

  /** Whether {@code signature} is the counterparty's valid signature over these terms. */
  public boolean counterpartySigned(IdentitySignature signature) {
    Optional<IdentityPublicKey> key = counterparty.publicKey();
    return key.isPresent()
        && key.get()
            .verify(SigningDomain.CLIENT_TRANSACTION, counterpartySigningBytes(), signature);
  }

  /** Writes the fields in their fixed order. */
  public void write(CanonicalWriter w) throws EncodingException {
    w.asId(source);
    w.asId(destination);
    initiator.write(w);
    initiatorAsset.write(w);
    initiatorAmount.write(w);
    counterparty.write(w);
    counterpartyAsset.write(w);
    counterpartyAmount.write(w);
    deadline.write(w);
    nonce.write(w);
  }

  /** Reads terms written by {@link #write}. */
  public static SwapTerms read(CanonicalReader r) throws EncodingException {
    return new SwapTerms(
        r.asId(),
        r.asId(),
        AccountId.read(r),
        AssetId.read(r),
        Amount.read(r),
        AccountId.read(r),
        AssetId.read(r),
        Amount.read(r),
        ConsensusTime.read(r),
        Nonce.read(r));
  }

  private record CounterpartyStatement(SwapTerms terms) implements Statement {
    @Override
    public SigningDomain domain() {
      return SigningDomain.CLIENT_TRANSACTION;
    }

    @Override
    public AsId sourceAs() {
      return terms.source();
    }

    @Override
    public AsId destinationAs() {
      return terms.destination();
    }

    @Override
    public void writeBody(CanonicalWriter w) throws EncodingException {
      w.u8(TransactionKind.SWAP_EXECUTE.tag());
      terms.write(w);
    }
  }
}
