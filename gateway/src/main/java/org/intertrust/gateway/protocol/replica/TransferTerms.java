package org.intertrust.gateway.protocol.replica;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.ledger.value.Sha256;

/**
 * The terms of a cross-AS TRANSFER, and the cross-AS id derived from them. The LOCKED statement
 * certifies only (id, deadline), so the id must commit to everything the destination credits: the
 * id is SHA-256 of these terms, and both sides recompute it (X's replicas from the committed {@link
 * EscrowLock} before they sign LOCKED; Y's replicas from the terms relayed with the voucher mint).
 *
 * <p>The ledger's {@link EscrowLock} names no recipient on the destination, so the recipient is the
 * owner's own account (the same Ed25519 key) on Y. A transfer to a third party needs a recipient
 * field in the lock; it is left for the ledger.
 *
 * @param source X, where the funds are escrowed
 * @param destination Y, where the voucher is minted
 * @param owner the owner on X, and the recipient on Y
 * @param asset the denomination as named on X
 * @param amount the quantity
 * @param deadline Y's consensus-time deadline
 * @param nonce the owner's nonce of the lock on X
 */
public record TransferTerms(
    AsId source,
    AsId destination,
    AccountId owner,
    AssetId asset,
    Amount amount,
    ConsensusTime deadline,
    Nonce nonce) {
  /** Largest encoding ({@link #encode()}): AS ids, owner, asset name, amount, deadline, nonce. */
  public static final int MAX_ENCODED = 512;

  private static final byte[] TAG = {'I', 'T', 'T', 1};

  /** Checks the fields. */
  public TransferTerms {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(nonce, "nonce");
  }

  /** The terms a committed lock states. */
  public static TransferTerms of(EscrowLock lock) {
    return new TransferTerms(
        lock.chain(),
        lock.destination(),
        lock.owner(),
        lock.asset(),
        lock.amount(),
        lock.deadline(),
        lock.nonce());
  }

  /** The cross-AS id: SHA-256 of a fixed tag and the canonical encoding. */
  public CrossAsTxId id() {
    return new CrossAsTxId(Sha256.hash(TAG, encode()));
  }

  /** The canonical encoding, fields in declaration order. */
  public byte[] encode() {
    try {
      CanonicalWriter w = new CanonicalWriter(MAX_ENCODED);
      write(w);
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalStateException("terms always encode", e);
    }
  }

  /** Writes the fields in declaration order (the bytes {@link #encode()} returns). */
  public void write(CanonicalWriter w) throws EncodingException {
    w.asId(source);
    w.asId(destination);
    owner.write(w);
    asset.write(w);
    amount.write(w);
    deadline.write(w);
    nonce.write(w);
  }

  /**
   * Parses exactly {@link #encode()}.
   *
   * @throws EncodingException if the bytes are longer than {@link #MAX_ENCODED}, a field is
   *     truncated or out of range, or bytes remain
   */
  public static TransferTerms decode(byte[] bytes) throws EncodingException {
    if (bytes.length > MAX_ENCODED) {
      throw new EncodingException(
          EncodingException.Reason.LENGTH_TOO_LARGE, "terms over " + MAX_ENCODED + " bytes");
    }
    CanonicalReader r = new CanonicalReader(bytes, 0);
    TransferTerms terms = read(r);
    r.expectEnd();
    return terms;
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws EncodingException if a field is truncated or out of range
   */
  public static TransferTerms read(CanonicalReader r) throws EncodingException {
    return new TransferTerms(
        r.asId(),
        r.asId(),
        AccountId.read(r),
        AssetId.read(r),
        Amount.read(r),
        ConsensusTime.read(r),
        Nonce.read(r));
  }
}
