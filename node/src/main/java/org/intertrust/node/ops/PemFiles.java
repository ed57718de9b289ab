package org.intertrust.node.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Certificates and private keys as PEM files (PKCS#8 keys, X.509 certificates), the formats {@code
 * openssl} and every PKI tool read and write. Secret files are created owner-only ({@code
 * rw-------}) before a byte is written; nothing is ever overwritten.
 */
public final class PemFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private PemFiles() {}

  /** Writes {@code key} as PKCS#8 PEM into a new owner-only file. */
  public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(new JcaPKCS8Generator(key, null));
    }
    writeSecret(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} into a new file readable and writable by its owner only. */
  public static void writeSecret(Path file, byte[] bytes) throws IOException {
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    Files.write(file, bytes);
  }

  /** Writes {@code certificate} as PEM into a new file. */
  public static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(certificate);
    }
    Files.writeString(
        file, text.toString(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
  }

  /** Whether {@code file} can be read by its group or others (a key file must not be). */
  public static boolean readableByOthers(Path file) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    return permissions.contains(PosixFilePermission.GROUP_READ)
        || permissions.contains(PosixFilePermission.OTHERS_READ);
  }

  /** Reads a PEM private key (PKCS#8, or a traditional EC/RSA key pair). */
  public static PrivateKey readPrivateKey(Path file) throws ConfigException {
    Object object = readObject(file);
    try {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (object instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
    } catch (IOException e) {
      throw new ConfigException(file + ": not a usable private key", e);
    }
    throw new ConfigException(file + ": no unencrypted private key in it");
  }

  /** Reads a PEM certificate. */
  public static X509Certificate readCertificate(Path file) throws ConfigException {
    Object object = readObject(file);
    if (!(object instanceof X509CertificateHolder holder)) {
      throw new ConfigException(file + ": no certificate in it");
    }
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new ConfigException(file + ": not a usable certificate", e);
    }
  }

  private static Object readObject(Path file) throws ConfigException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        PEMParser parser = new PEMParser(reader)) {
      Object object = parser.readObject();
      if (object == null) {
        throw new ConfigException(file + ": no PEM object in it");
      }
      return object;
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
