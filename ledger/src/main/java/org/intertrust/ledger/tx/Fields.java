package org.intertrust.ledger.tx;

import java.util.Optional;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.crypto.identity.SignatureDecodingException;
import org.intertrust.ledger.value.AccountId;

/** Shared field codecs of the transaction layouts. */
final class Fields {

  /** Longest reason text in a decision, in UTF-8 bytes. */
  static final int MAX_REASON_BYTES = 256;

  /** All-zero signature used while computing the bytes to sign. */
  static final IdentitySignature UNSIGNED = signature(new byte[IdentitySignature.LENGTH]);

  private Fields() {}

  static IdentitySignature readSignature(CanonicalReader reader) throws EncodingException {
    return signature(reader.fixedBytes(IdentitySignature.LENGTH));
  }

  static void writeSignature(CanonicalWriter writer, IdentitySignature signature)
      throws EncodingException {
    writer.fixedBytes(signature.toBytes(), IdentitySignature.LENGTH);
  }

  static Optional<AccountId> readOptionalAccount(CanonicalReader reader) throws EncodingException {
    return reader.bool() ? Optional.of(AccountId.read(reader)) : Optional.empty();
  }

  static void writeOptionalAccount(CanonicalWriter writer, Optional<AccountId> account)
      throws EncodingException {
    writer.bool(account.isPresent());
    if (account.isPresent()) {
      account.get().write(writer);
    }
  }

  private static IdentitySignature signature(byte[] bytes) {
    try {
      return IdentitySignature.fromBytes(bytes);
    } catch (SignatureDecodingException e) {
      throw new IllegalStateException("fixed-length read returned a wrong length", e);
    }
  }
}
