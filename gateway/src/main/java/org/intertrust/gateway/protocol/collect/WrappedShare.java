package org.intertrust.gateway.protocol.collect;

import java.util.Objects;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.encoding.Statement;
import org.intertrust.crypto.encoding.Statements;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.ledger.value.Sha256;

/**
 * A replica's partial signature on a cross-AS statement, wrapped in its Ed25519 signature (paper
 * §IV-B: "signs the signed transaction using its own private key"). The wrap signs, in {@link
 * SigningDomain#SHARE_WRAP}, a statement from the statement's signing AS to its addressee whose
 * body is SHA-256 of the signed statement followed by the partial signature's bytes; so a wrap
 * binds the sender to exactly this share on exactly this statement.
 *
 * @param sender the replica's identity key
 * @param share the partial signature
 * @param wrap the sender's signature over {@link #wrapBytes}
 */
public record WrappedShare(
    IdentityPublicKey sender, PartialSignature share, IdentitySignature wrap) {
  /** Checks the fields. */
  public WrappedShare {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(wrap, "wrap");
  }

  /** What a replica does: sign {@code statement} with its share, wrap it with its identity. */
  public static WrappedShare sign(
      IdentityKeyPair replica, KeyShare keyShare, CrossAsStatement statement) {
    PartialSignature share = keyShare.signPartial(statement.domain(), statement.encode());
    return new WrappedShare(
        replica.publicKey(),
        share,
        replica.sign(SigningDomain.SHARE_WRAP, wrapBytes(statement, share)));
  }

  /** Whether the wrap is the sender's signature on this share over {@code statement}. */
  public boolean wrapValid(CrossAsStatement statement) {
    return sender.verify(SigningDomain.SHARE_WRAP, wrapBytes(statement, share), wrap);
  }

  /** The bytes a wrap signs. */
  public static byte[] wrapBytes(CrossAsStatement statement, PartialSignature share) {
    try {
      return Statements.encode(new Wrap(statement, share));
    } catch (EncodingException e) {
      throw new IllegalStateException("a wrap always encodes", e);
    }
  }

  private record Wrap(CrossAsStatement statement, PartialSignature share) implements Statement {
    @Override
    public SigningDomain domain() {
      return SigningDomain.SHARE_WRAP;
    }

    @Override
    public AsId sourceAs() {
      return statement.sourceAs();
    }

    @Override
    public AsId destinationAs() {
      return statement.destinationAs();
    }

    @Override
    public void writeBody(CanonicalWriter w) throws EncodingException {
      Sha256.hash(statement.encode()).write(w);
      w.fixedBytes(share.toBytes(), PartialSignature.BYTES);
    }
  }
}
