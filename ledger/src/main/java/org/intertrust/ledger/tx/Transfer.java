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
import org.intertrust.ledger.value.Nonce;

/**
 * Moves {@code amount} of {@code asset} from {@code from} to {@code to} within one AS. Fields, in
 * order: from, to, asset, amount, nonce; then the 64-byte signature of {@code from}.
 *
 * @param chain the AS
 * @param from the paying account, which signs
 * @param to the receiving account
 * @param asset the denomination
 * @param amount the quantity, must be positive to apply
 * @param nonce the sender's next nonce
 * @param signature Ed25519 signature of {@code from}
 */
public record Transfer(
    AsId chain,
    AccountId from,
    AccountId to,
    AssetId asset,
    Amount amount,
    Nonce nonce,
    IdentitySignature signature)
    implements Transaction, SignedTransaction {

  /** Checks that no field is null. */
  public Transfer {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(signature, "signature");
  }

  /** Builds and signs a transfer from the account of {@code key}. */
  public static Transfer sign(
      IdentityKeyPair key, AsId chain, AccountId to, AssetId asset, Amount amount, Nonce nonce) {
    AccountId from = AccountId.of(key.publicKey());
    Transfer unsigned = new Transfer(chain, from, to, asset, amount, nonce, Fields.UNSIGNED);
    return unsigned.withSignature(ClientSignatures.sign(key, unsigned));
  }

  /** Returns a copy carrying {@code newSignature}. */
  public Transfer withSignature(IdentitySignature newSignature) {
    return new Transfer(chain, from, to, asset, amount, nonce, newSignature);
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.TRANSFER;
  }

  @Override
  public AccountId signer() {
    return from;
  }

  @Override
  public Transaction transaction() {
    return this;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    from.write(w);
    to.write(w);
    asset.write(w);
    amount.write(w);
    nonce.write(w);
  }

  static Transfer read(AsId chain, CanonicalReader r) throws EncodingException {
    return new Transfer(
        chain,
        AccountId.read(r),
        AccountId.read(r),
        AssetId.read(r),
        Amount.read(r),
        Nonce.read(r),
        Fields.readSignature(r));
  }
}
