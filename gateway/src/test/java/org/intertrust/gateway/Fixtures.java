package org.intertrust.gateway;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.gateway.protocol.config.ReplicaKeys;

/** Seeded keys and configurations for the gateway tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A seeded, reproducible {@link SecureRandom}. Not secure: tests only. */
  public static final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final SplittableRandom random;

    public SeededRandom(long seed) {
      this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
      random.nextBytes(bytes);
    }

    @Override
    public void setSeed(long seed) {
      // fixed at construction
    }
  }

  /** The replicas of one test AS: their key pairs and the public configuration. */
  public record TestAs(
      AsConfiguration configuration,
      List<IdentityKeyPair> identities,
      List<AgreementKeyPair> agreements) {
    public AsId as() {
      return configuration.as();
    }
  }

  /** An AS of {@code n} replicas with fault bound {@code f} and threshold {@code k}. */
  public static TestAs as(int id, int n, int f, int k, long seed) {
    SeededRandom random = new SeededRandom(seed);
    List<IdentityKeyPair> identities = new ArrayList<>();
    List<AgreementKeyPair> agreements = new ArrayList<>();
    List<ReplicaKeys> replicas = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      IdentityKeyPair identity = IdentityKeyPair.generate(random);
      AgreementKeyPair agreement = AgreementKeyPair.generate(random);
      identities.add(identity);
      agreements.add(agreement);
      replicas.add(new ReplicaKeys(identity.publicKey(), agreement.publicKey()));
    }
    return new TestAs(new AsConfiguration(new AsId(id), f, k, replicas), identities, agreements);
  }

  /** A 4-replica AS (f = 1, k = 2). */
  public static TestAs smallAs(int id, long seed) {
    return as(id, 4, 1, 2, seed);
  }
}
