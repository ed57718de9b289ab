package org.intertrust.node.transport;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * One node's TLS identity: its private key and its certificate chain (node, CA). The key never
 * leaves through {@link #toString()}. A process that loads its PKI from files holds only its own
 * key: the other nodes' credentials carry a certificate (for pinning) and no key.
 */
public final class NodeCredentials {
  private static final char[] NO_PASSWORD = new char[0];

  private final int nodeId;
  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  private final X509Certificate authority;
  private KeyManager[] keyManagers;

  NodeCredentials(
      int nodeId, PrivateKey privateKey, X509Certificate certificate, X509Certificate authority) {
    this.nodeId = nodeId;
    this.privateKey = privateKey;
    this.certificate = certificate;
    this.authority = authority;
  }

  public int nodeId() {
    return nodeId;
  }

  /** The certificate chain: this node's certificate, then the CA's. */
  public X509Certificate[] chain() {
    return new X509Certificate[] {certificate, authority};
  }

  /** Key managers presenting this node's certificate (made once: PKCS#12 derivation is slow). */
  synchronized KeyManager[] keyManagers() {
    if (keyManagers != null) {
      return keyManagers.clone();
    }
    if (privateKey == null) {
      throw new IllegalStateException("this process holds no private key for node " + nodeId);
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("node", privateKey, NO_PASSWORD, chain());
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, NO_PASSWORD);
      keyManagers = factory.getKeyManagers();
      return keyManagers.clone();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot load node " + nodeId + "'s TLS key", e);
    }
  }

  /** Trust managers that accept only certificates issued by the CA. */
  TrustManager[] trustManagers() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ca", authority);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot load the CA certificate", e);
    }
  }

  @Override
  public String toString() {
    return "NodeCredentials[node " + nodeId + ", " + certificate.getSubjectX500Principal() + "]";
  }
}
