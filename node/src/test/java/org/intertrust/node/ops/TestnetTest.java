package org.intertrust.node.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.intertrust.node.transport.NodePki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code intertrust init}'s output: layout, permissions, parseable configs, certificates. */
class TestnetTest {
  @TempDir static Path folder;
  static Path out;
  static List<Path> configs;

  @BeforeAll
  static void init() throws Exception {
    out = folder.resolve("testnet");
    configs =
        Testnet.init(
            new Testnet.Spec(List.of("A", "B"), 4, 2, List.of("127.0.0.1"), 17_000),
            out,
            new SecureRandom());
  }

  @Test
  void init_writesOneConfigPerProcess_thatParse() throws Exception {
    assertEquals(12, configs.size());
    Network network = Network.read(out.resolve("network.yaml"));
    assertEquals(List.of("A", "B"), network.asNames());
    assertEquals(12, network.nodes().size());
    for (Path config : configs) {
      FlatYaml yaml = FlatYaml.read(config);
      int id = yaml.requireInt("node", 0, 11);
      assertEquals(
          network.node(id).role().name().toLowerCase(java.util.Locale.ROOT), yaml.require("role"));
      assertTrue(Files.exists(yaml.requirePath("tls_key")));
    }
    assertEquals("127.0.0.1:18011", network.node(11).http());
    assertEquals(List.of(10, 11), network.ids(Network.Role.GATEWAY, 1));
  }

  @Test
  void secretFiles_areOwnerOnly() throws Exception {
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        boolean secret = file.toString().endsWith(".key") || file.endsWith("world.seed");
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (secret) {
          assertEquals(
              Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
              permissions,
              file.toString());
        }
        if (secret) {
          assertFalse(PemFiles.readableByOthers(file), file.toString());
        }
      }
    }
    assertFalse(PemFiles.readableByOthers(out.resolve("ca/ca.key")));
  }

  @Test
  void init_refusesToOverwrite() {
    assertThrows(
        FileAlreadyExistsException.class,
        () ->
            Testnet.init(
                new Testnet.Spec(List.of("A", "B"), 4, 1, List.of("127.0.0.1"), 17_000),
                out,
                new SecureRandom()));
  }

  @Test
  void certificates_chainToTheCa_andLoadAsPinnedPki() throws Exception {
    Network network = Network.read(out.resolve("network.yaml"));
    X509Certificate ca = PemFiles.readCertificate(network.caCertificate());
    java.util.Map<Integer, X509Certificate> certificates = new java.util.HashMap<>();
    for (Network.Node node : network.nodes().values()) {
      certificates.put(node.id(), PemFiles.readCertificate(node.certificate()));
    }
    NodePki pki =
        NodePki.of(ca, certificates, 3, PemFiles.readPrivateKey(out.resolve("nodes/node-3.key")));
    assertEquals(java.util.Optional.of(7), pki.nodeOf(certificates.get(7)));
    X509Certificate foreign =
        NodePki.authority(
            "other-ca",
            NodePki.newKeyPair(new SecureRandom()),
            java.time.Duration.ofDays(1),
            new SecureRandom());
    java.util.Map<Integer, X509Certificate> forged = new java.util.HashMap<>(certificates);
    forged.put(5, foreign);
    assertThrows(
        IllegalArgumentException.class,
        () -> NodePki.of(ca, forged, 3, PemFiles.readPrivateKey(out.resolve("nodes/node-3.key"))));
  }

  @Test
  void spec_refusesWhatItCannotRun() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Testnet.Spec(List.of("A", "A"), 4, 1, List.of("h"), 7000));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Testnet.Spec(List.of("A", "B"), 3, 1, List.of("h"), 7000));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Testnet.Spec(List.of("A", "B c"), 4, 1, List.of("h"), 7000));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Testnet.Spec(List.of("A", "B"), 4, 1, List.of("h"), 65_000));
  }

  @Test
  void flatYaml_refusesNestingAndRepeatedKeys() throws Exception {
    Path nested = folder.resolve("nested.yaml");
    Files.writeString(nested, "a:\n  b: 1\n");
    assertThrows(ConfigException.class, () -> FlatYaml.read(nested));
    Path twice = folder.resolve("twice.yaml");
    Files.writeString(twice, "a: 1\na: 2\n");
    assertThrows(ConfigException.class, () -> FlatYaml.read(twice));
    Path fine = folder.resolve("fine.yaml");
    Files.writeString(fine, "# comment\nport: 7000\n");
    assertEquals(7000, FlatYaml.read(fine).requireInt("port", 1, 65_535));
    assertThrows(ConfigException.class, () -> FlatYaml.read(fine).requireInt("port", 1, 100));
  }
}
