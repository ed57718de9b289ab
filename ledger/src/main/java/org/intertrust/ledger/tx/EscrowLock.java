package org.intertrust.ledger.tx;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Nonce;

/**
 * Source AS, lock phase: {@code owner} moves {@code amount} of {@code asset} out of its balance
 * into an escrow held for cross-AS transaction {@code crossTxId}, bound for {@code destination}
 * with a deadline in the destination's consensus time. Signed by the owner with its nonce. Fields,
 * in order: crossTxId, owner, asset, amount, destination, deadline, nonce; then the signature.
 *
 * @param chain the source AS
 * @param crossTxId the cross-AS transaction
 * @param owner the account whose funds are locked, which signs
 * @param asset the denomination (native or voucher)
 * @param amount the quantity, must be positive to apply
 * @param destination the destination AS
 * @param deadline the destination's consensus-time deadline
 * @param nonce the owner's next nonce
 * @param signature Ed25519 signature of {@code owner}
 */
public record EscrowLock(
    AsId chain,
    CrossAsTxId crossTxId,
    AccountId owner,
    AssetId asset,
    Amount amount,
    AsId destination,
    ConsensusTime deadline,
    Nonce nonce,
    IdentitySignature signature)
    implements CrossAsTransaction, SignedTransaction {

  /** Checks that no field is null. */
  public EscrowLock {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(crossTxId, "crossTxId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(signature, "signature");
  }

  /** The terms of a lock, before signing. */
  public record Terms(
      AsId chain,
      CrossAsTxId crossTxId,
      AssetId asset,
      Amount amount,
      AsId destination,
      ConsensusTime deadline,
      Nonce nonce) {}

  /** Builds and signs a lock of funds of the account of {@code key}. */
  public static EscrowLock sign(IdentityKeyPair key, Terms t) {
    EscrowLock unsigned =
        new EscrowLock(
            t.chain(),
            t.crossTxId(),
            AccountId.of(key.publicKey()),
            t.asset(),
            t.amount(),
            t.destination(),
            t.deadline(),
            t.nonce(),
            Fields.UNSIGNED);
    return unsigned.withSignature(ClientSignatures.sign(key, unsigned));
  }

  /** Returns a copy carrying {@code newSignature}. */
  public EscrowLock withSignature(IdentitySignature newSignature) {
    return new EscrowLock(
        chain, crossTxId, owner, asset, amount, destination, deadline, nonce, newSignature);
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.ESCROW_LOCK;
  }

  @Override
  public AccountId signer() {
    return owner;
  }

  @Override
  public Transaction transaction() {
    return this;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    crossTxId.write(w);
    owner.write(w);
    asset.write(w);
    amount.write(w);
    w.asId(destination);
    deadline.write(w);
    nonce.write(w);
  }

  static EscrowLock read(AsId chain, CanonicalReader r) throws EncodingException {
    return new EscrowLock(
        chain,
        CrossAsTxId.read(r),
        AccountId.read(r),
        AssetId.read(r),
        Amount.read(r),
        r.asId(),
        ConsensusTime.read(r),
        Nonce.read(r),
        Fields.readSignature(r));
  }
}
