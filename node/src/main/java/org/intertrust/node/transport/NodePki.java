package org.intertrust.node.transport;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The transport's certificates: a throwaway certificate authority and one certificate per node
 * (ECDSA P-256, subject and DNS name {@code node-<id>}, for TLS server and client use), made in
 * memory with BouncyCastle. A node accepts a peer only if its certificate chains to this CA
 * <em>and</em> is exactly the certificate issued for a known node id (pinned), and that id is the
 * peer's identity: the envelope carries no sender field.
 *
 * <p>The CA's private key is dropped once the certificates are issued. Private keys never appear in
 * {@code toString}.
 */
public final class NodePki {
  private static final Duration VALIDITY = Duration.ofDays(1);

  private final X509Certificate authority;
  private final Map<Integer, NodeCredentials> nodes;
  private final Map<String, Integer> idsByFingerprint = new HashMap<>();

  private NodePki(X509Certificate authority, Map<Integer, NodeCredentials> nodes) {
    this.authority = authority;
    this.nodes = Map.copyOf(nodes);
    nodes.forEach(
        (id, credentials) -> idsByFingerprint.put(fingerprint(credentials.chain()[0]), id));
  }

  /** A new CA and one certificate for each of {@code nodeIds}. */
  public static NodePki generate(Collection<Integer> nodeIds, SecureRandom random) {
    try {
      KeyPair caKeys = keyPair(random);
      X509Certificate caCertificate = authority("intertrust-demo-ca", caKeys, VALIDITY, random);
      Map<Integer, NodeCredentials> nodes = new HashMap<>();
      for (int id : nodeIds) {
        KeyPair keys = keyPair(random);
        X509Certificate certificate =
            issue(caCertificate, caKeys.getPrivate(), id, keys.getPublic(), VALIDITY, random);
        nodes.put(id, new NodeCredentials(id, keys.getPrivate(), certificate, caCertificate));
      }
      return new NodePki(caCertificate, nodes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the transport certificates", e);
    }
  }

  /**
   * The PKI one process holds when its certificates come from files (written by {@code intertrust
   * init} or by an operator's own CA): the CA, every node's certificate (pinned), and this node's
   * private key. Refuses a node certificate that the CA did not sign.
   */
  public static NodePki of(
      X509Certificate authority,
      Map<Integer, X509Certificate> certificates,
      int ownId,
      java.security.PrivateKey ownKey) {
    Map<Integer, NodeCredentials> nodes = new HashMap<>();
    certificates.forEach(
        (id, certificate) -> {
          try {
            certificate.verify(authority.getPublicKey());
          } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                "node " + id + "'s certificate is not signed by the CA", e);
          }
          nodes.put(
              id, new NodeCredentials(id, id == ownId ? ownKey : null, certificate, authority));
        });
    if (!nodes.containsKey(ownId)) {
      throw new IllegalArgumentException("no certificate for this node (" + ownId + ")");
    }
    return new NodePki(authority, nodes);
  }

  /** Issues one node certificate with {@code caKey}; used by {@code intertrust init}. */
  public static X509Certificate issue(
      X509Certificate authority,
      java.security.PrivateKey caKey,
      int id,
      java.security.PublicKey nodeKey,
      Duration validity,
      SecureRandom random) {
    try {
      X500Name issuer = X500Name.getInstance(authority.getSubjectX500Principal().getEncoded());
      return sign(nodeCertificate(issuer, id, nodeKey, Instant.now(), validity, random), caKey);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot issue node " + id + "'s certificate", e);
    }
  }

  /** A self-signed CA certificate for {@code caKeys}; used by {@code intertrust init}. */
  public static X509Certificate authority(
      String name, KeyPair caKeys, Duration validity, SecureRandom random) {
    try {
      Instant now = Instant.now();
      X500Name caName = new X500Name("CN=" + name);
      X509v3CertificateBuilder ca =
          builder(caName, caName, caKeys.getPublic(), now, validity, random)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return sign(ca, caKeys.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot make the CA certificate", e);
    }
  }

  /** A new ECDSA P-256 key pair. */
  public static KeyPair newKeyPair(SecureRandom random) {
    try {
      return keyPair(random);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an EC key pair", e);
    }
  }

  private static X509v3CertificateBuilder nodeCertificate(
      X500Name issuer,
      int id,
      java.security.PublicKey key,
      Instant now,
      Duration validity,
      SecureRandom random)
      throws CertIOException {
    return builder(issuer, new X500Name("CN=" + hostName(id)), key, now, validity, random)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
        .addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
        .addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(new GeneralName(GeneralName.dNSName, hostName(id))));
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer,
      X500Name subject,
      java.security.PublicKey key,
      Instant now,
      Duration validity,
      SecureRandom random) {
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, random).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(validity)),
        subject,
        key);
  }

  private static X509Certificate sign(
      X509v3CertificateBuilder builder, java.security.PrivateKey issuerKey)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static KeyPair keyPair(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    return generator.generateKeyPair();
  }

  /** The TLS host name (certificate DNS name and gRPC authority) of node {@code id}. */
  public static String hostName(int id) {
    return "node-" + id;
  }

  /** The CA every node trusts. */
  public X509Certificate authority() {
    return authority;
  }

  /** Node {@code id}'s key and certificate chain. */
  public NodeCredentials credentials(int id) {
    NodeCredentials credentials = nodes.get(id);
    if (credentials == null) {
      throw new IllegalArgumentException("no certificate for node " + id);
    }
    return credentials;
  }

  /** The node whose issued certificate is exactly {@code certificate}, if any (pinning). */
  public Optional<Integer> nodeOf(X509Certificate certificate) {
    return Optional.ofNullable(idsByFingerprint.get(fingerprint(certificate)));
  }

  private static String fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot fingerprint a certificate", e);
    }
  }

  @Override
  public String toString() {
    return "NodePki[" + nodes.size() + " nodes, CA " + authority.getSubjectX500Principal() + "]";
  }
}
