package org.intertrust.bench.crypto;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentitySignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ed25519 node-identity signatures (ADR 0013): the JDK provider, which {@code IdentityKeyPair} and
 * {@code IdentityPublicKey} used before, against what they use now (Bouncy Castle's RFC 8032 code),
 * on a 200-byte message. Run with {@code java -jar bench/target/benchmarks.jar
 * Ed25519JmhBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Ed25519JmhBenchmark {
  private final byte[] message = new byte[200];
  private byte[] tagged;
  private IdentityKeyPair identity;
  private IdentitySignature signature;
  private PrivateKey jdkPrivate;
  private PublicKey jdkPublic;
  private byte[] jdkSignature;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    SecureRandom random = new SecureRandom();
    random.nextBytes(message);
    identity = IdentityKeyPair.generate(random);
    signature = identity.sign(SigningDomain.SHARE_WRAP, message);
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    jdkPrivate = pair.getPrivate();
    jdkPublic = pair.getPublic();
    tagged = new byte[message.length + 1];
    System.arraycopy(message, 0, tagged, 1, message.length);
    jdkSignature = jdkSign();
  }

  @Benchmark
  public byte[] jdkSign() throws Exception {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(jdkPrivate);
    signer.update(tagged);
    return signer.sign();
  }

  @Benchmark
  public boolean jdkVerify() throws Exception {
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(jdkPublic);
    verifier.update(tagged);
    return verifier.verify(jdkSignature);
  }

  @Benchmark
  public IdentitySignature identitySign() {
    return identity.sign(SigningDomain.SHARE_WRAP, message);
  }

  @Benchmark
  public boolean identityVerify() {
    return identity.publicKey().verify(SigningDomain.SHARE_WRAP, message, signature);
  }
}
