package org.intertrust.gateway;

import java.util.ArrayList;
import java.util.List;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.secret.SecretAccess;
import org.intertrust.gateway.Fixtures.SeededRandom;
import org.intertrust.gateway.Fixtures.TestAs;
import org.intertrust.gateway.enclave.GatewayEnclave;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.collect.WrappedShare;
import org.intertrust.gateway.protocol.dealing.Dealing;
import org.intertrust.gateway.tee.Measurement;
import org.intertrust.gateway.tee.SoftwarePlatform;

/** An AS whose replicas hold shares of a key dealt by another AS's gateway enclave. */
public final class DealtAs {
  private final TestAs signers;
  private final Dealing dealing;
  private final List<KeyShare> shares = new ArrayList<>();

  private DealtAs(TestAs signers, Dealing dealing) throws DealingException {
    this.signers = signers;
    this.dealing = dealing;
    for (int i = 1; i <= signers.configuration().size(); i++) {
      shares.add(
          dealing
              .record()
              .openShare(ShareIndex.of(i), signers.agreements().get(i - 1), SecretAccess.get()));
    }
  }

  /** The replicas of {@code signers} with shares dealt by a fresh enclave of AS {@code dealer}. */
  public static DealtAs dealtBy(int dealer, TestAs signers, long seed) throws DealingException {
    GatewayEnclave enclave =
        GatewayEnclave.create(
            SoftwarePlatform.init(new SeededRandom(seed))
                .launch(Measurement.ofRelease("gw"), () -> 0L, new SeededRandom(seed + 1)),
            new SeededRandom(seed + 2));
    DealingContext context =
        new DealingContext(
            DealingContext.Mode.PER_SESSION, new AsId(dealer), signers.as(), new byte[] {1});
    return new DealtAs(
        signers,
        Dealing.of(
            enclave.deal(
                context, signers.configuration().threshold(), signers.configuration().holders())));
  }

  public TestAs signers() {
    return signers;
  }

  public Dealing dealing() {
    return dealing;
  }

  /** Replica {@code i} (1-based) signs {@code statement} honestly. */
  public WrappedShare share(int i, CrossAsStatement statement) {
    return WrappedShare.sign(signers.identities().get(i - 1), shares.get(i - 1), statement);
  }

  /**
   * Replica {@code i} signs {@code wrong} with its share but wraps it as if it were on {@code
   * statement}.
   */
  public WrappedShare badShare(int i, CrossAsStatement statement, CrossAsStatement wrong) {
    var partial = shares.get(i - 1).signPartial(wrong.domain(), wrong.encode());
    var identity = signers.identities().get(i - 1);
    return new WrappedShare(
        identity.publicKey(),
        partial,
        identity.sign(
            org.intertrust.crypto.encoding.SigningDomain.SHARE_WRAP,
            WrappedShare.wrapBytes(statement, partial)));
  }
}
