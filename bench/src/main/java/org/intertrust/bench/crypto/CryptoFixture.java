package org.intertrust.bench.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.intertrust.crypto.bls.BlsSecretKey;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.dealing.Dealer;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.dealing.DealingSeed;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.secret.SecretAccess;

/**
 * The inputs every crypto benchmark shares: a real dealing of (k, n) through the {@link Dealer},
 * the n shares opened by their holders, and n partial signatures over one message, one of them
 * replaceable by a bad share. Built once per run; building it is not measured.
 */
public final class CryptoFixture {
  static final SigningDomain DOMAIN = SigningDomain.BENCHMARK;

  final int threshold;
  final int size;
  final byte[] message = "intertrust benchmark message".getBytes(StandardCharsets.UTF_8);
  final SecureRandom random = new SecureRandom();
  final IdentityKeyPair dealerIdentity = IdentityKeyPair.generate(random);
  final AgreementKeyPair dealerAgreement = AgreementKeyPair.generate(random);
  final DealingSeed seed = DealingSeed.generate(random);
  final Dealer dealer = new Dealer(seed, dealerIdentity, dealerAgreement);
  final List<AgreementKeyPair> holders = new ArrayList<>();
  final List<AgreementPublicKey> holderKeys = new ArrayList<>();
  final DealingContext context;
  final DealingRecord record;
  final ThresholdPublicKey publicKey;
  final List<KeyShare> shares = new ArrayList<>();
  final List<PartialSignature> partials = new ArrayList<>();
  final BlsSecretKey singleKey = BlsSecretKey.generate(random);
  final BlsSignature singleSignature;

  /** Deals (k, n) and signs n partials; {@code k <= n}. */
  public CryptoFixture(int threshold, int size) {
    this.threshold = threshold;
    this.size = size;
    for (int i = 0; i < size; i++) {
      AgreementKeyPair holder = AgreementKeyPair.generate(random);
      holders.add(holder);
      holderKeys.add(holder.publicKey());
    }
    this.context =
        new DealingContext(
            DealingContext.Mode.PER_SESSION, new AsId(1), new AsId(2), new byte[] {1, 2, 3, 4});
    try {
      this.record = dealer.deal(context, threshold, holderKeys);
      this.publicKey = record.publicKey();
      for (int i = 1; i <= size; i++) {
        var index = org.intertrust.crypto.bls.ShareIndex.of(i);
        KeyShare share = record.openShare(index, holders.get(i - 1), SecretAccess.get());
        shares.add(share);
        partials.add(share.signPartial(DOMAIN, message));
      }
    } catch (DealingException e) {
      throw new IllegalStateException("benchmark dealing did not open", e);
    }
    this.singleSignature = singleKey.sign(DOMAIN, message);
  }

  /** k partials of which the one at position {@code badPosition} signs another message. */
  List<PartialSignature> sharesWithOneBad(int badPosition) {
    List<PartialSignature> offered = new ArrayList<>(partials.subList(0, threshold + 1));
    KeyShare share = shares.get(badPosition);
    offered.set(badPosition, share.signPartial(DOMAIN, "another message".getBytes()));
    return offered;
  }

  /**
   * k partials of which all but the last sign another message: the collector's first batch in
   * {@code bench round --faulty-behaviour bad-shares} at k = f + 1.
   */
  List<PartialSignature> sharesWithAllButOneBad() {
    List<PartialSignature> offered = new ArrayList<>(partials.subList(0, threshold));
    for (int i = 0; i < threshold - 1; i++) {
      offered.set(i, shares.get(i).signPartial(DOMAIN, "another message".getBytes()));
    }
    return offered;
  }
}
