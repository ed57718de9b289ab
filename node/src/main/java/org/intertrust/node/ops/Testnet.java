package org.intertrust.node.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.secret.SecretAccess;
import org.intertrust.node.transport.NodePki;
import org.intertrust.sim.crossas.CrossAsWorld;

/**
 * {@code intertrust init}: writes a testnet into a new folder.
 *
 * <pre>
 * network.yaml              the shared description (read by every process and client)
 * world.seed                seed of the protocol keys (owner-only; see ADR 0012)
 * ca/ca.crt, ca/ca.key      the CA init made (key owner-only; move it offline)
 * nodes/node-ID.crt, .key   each node's TLS certificate and key (key owner-only)
 * nodes/node-ID.admin-token a gateway's operator token for /v1/admin (owner-only)
 * config/replica-AS-I.yaml  one file per process
 * config/gateway-AS-I.yaml
 * clients/AS-I.key          the funded client accounts' Ed25519 seeds (owner-only)
 * </pre>
 */
public final class Testnet {
  private static final Duration VALIDITY = Duration.ofDays(365);

  /**
   * What to write.
   *
   * @param asNames the two ASs' names, X first
   * @param replicasPerAs replicas in each AS (the same for both, at least 4)
   * @param gatewaysPerAs gateways in each AS
   * @param hosts the machines, node {@code i} on {@code hosts[i mod |hosts|]}; one loopback host by
   *     default
   * @param basePort node {@code i} listens for gRPC on {@code basePort + i} and HTTP on {@code
   *     basePort + 1000 + i}
   */
  public record Spec(
      List<String> asNames,
      int replicasPerAs,
      int gatewaysPerAs,
      List<String> hosts,
      int basePort) {
    /** Checks the settings. */
    public Spec {
      asNames = List.copyOf(asNames);
      hosts = List.copyOf(hosts);
      if (asNames.size() != 2 || asNames.get(0).equals(asNames.get(1))) {
        throw new IllegalArgumentException("need exactly two ASs with different names");
      }
      for (String name : asNames) {
        if (!Network.AS_NAME.matcher(name).matches()) {
          throw new IllegalArgumentException(
              "AS name '" + name + "': a letter, then up to 15 letters, digits, '-' or '_'");
        }
      }
      if (replicasPerAs < 4 || replicasPerAs > 64) {
        throw new IllegalArgumentException("replicas per AS: 4 to 64");
      }
      if (gatewaysPerAs < 1 || gatewaysPerAs > 16) {
        throw new IllegalArgumentException("gateways per AS: 1 to 16");
      }
      if (hosts.isEmpty()) {
        throw new IllegalArgumentException("need at least one host");
      }
      int nodes = 2 * (replicasPerAs + gatewaysPerAs);
      if (basePort < 1024 || basePort + 1000 + nodes > 65_535) {
        throw new IllegalArgumentException("base port: 1024 to " + (65_535 - 1000 - nodes));
      }
    }

    int nodes() {
      return 2 * (replicasPerAs + gatewaysPerAs);
    }
  }

  private Testnet() {}

  /**
   * Writes the testnet of {@code spec} into {@code out}, which must not exist or be empty; returns
   * the process configuration files written.
   */
  public static List<Path> init(Spec spec, Path out, SecureRandom random) throws IOException {
    Objects.requireNonNull(out, "out");
    if (Files.exists(out)) {
      try (var entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new java.nio.file.FileAlreadyExistsException(
              out + " (not empty; init never overwrites)");
        }
      }
    }
    for (String folder : List.of("ca", "nodes", "config", "clients", "data")) {
      Files.createDirectories(out.resolve(folder));
    }
    long seed = random.nextLong();
    PemFiles.writeSecret(out.resolve("world.seed"), (seed + "\n").getBytes(StandardCharsets.UTF_8));
    writePki(spec, out, random);
    writeNetwork(spec, out);
    writeClients(spec, out, seed);
    return writeProcesses(spec, out);
  }

  private static void writePki(Spec spec, Path out, SecureRandom random) throws IOException {
    KeyPair caKeys = NodePki.newKeyPair(random);
    X509Certificate ca = NodePki.authority("intertrust-testnet-ca", caKeys, VALIDITY, random);
    PemFiles.writeCertificate(out.resolve("ca/ca.crt"), ca);
    PemFiles.writePrivateKey(out.resolve("ca/ca.key"), caKeys.getPrivate());
    for (int id = 0; id < spec.nodes(); id++) {
      KeyPair keys = NodePki.newKeyPair(random);
      X509Certificate certificate =
          NodePki.issue(ca, caKeys.getPrivate(), id, keys.getPublic(), VALIDITY, random);
      PemFiles.writeCertificate(out.resolve("nodes/node-" + id + ".crt"), certificate);
      PemFiles.writePrivateKey(out.resolve("nodes/node-" + id + ".key"), keys.getPrivate());
    }
  }

  private static void writeNetwork(Spec spec, Path out) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("as.x", spec.asNames().get(0));
    values.put("as.y", spec.asNames().get(1));
    values.put("replicas_per_as", Integer.toString(spec.replicasPerAs()));
    values.put("gateways_per_as", Integer.toString(spec.gatewaysPerAs()));
    values.put("seed_file", "world.seed");
    values.put("epoch_ms", Long.toString(System.currentTimeMillis()));
    values.put("ca_cert", "ca/ca.crt");
    for (int id = 0; id < spec.nodes(); id++) {
      String host = spec.hosts().get(id % spec.hosts().size());
      values.put("node." + id + ".grpc", host + ":" + (spec.basePort() + id));
      values.put("node." + id + ".http", host + ":" + (spec.basePort() + 1000 + id));
      values.put("node." + id + ".cert", "nodes/node-" + id + ".crt");
    }
    FlatYaml.write(
        out.resolve("network.yaml"),
        "InterTrust testnet, written by 'intertrust init'. Shared by every process and client.\n"
            + "Node ids: X's replicas, Y's replicas, X's gateways, Y's gateways.",
        values);
  }

  private static void writeClients(Spec spec, Path out, long seed) throws IOException {
    Network shape =
        new Network(
            out, spec.asNames(), spec.replicasPerAs(), spec.gatewaysPerAs(), out, 0, out, Map.of());
    CrossAsWorld world = CrossAsWorld.build(shape.scenario(seed), 0, () -> 0L);
    for (int as = 0; as < 2; as++) {
      for (int i = 0; i < world.clientAccounts(); i++) {
        IdentityKeyPair key = world.clientAccount(as, i);
        byte[] secret = key.seed(SecretAccess.get());
        PemFiles.writeSecret(
            out.resolve("clients/" + spec.asNames().get(as) + "-" + i + ".key"),
            (HexFormat.of().formatHex(secret) + "\n").getBytes(StandardCharsets.UTF_8));
        java.util.Arrays.fill(secret, (byte) 0);
      }
    }
  }

  private static List<Path> writeProcesses(Spec spec, Path out) throws IOException {
    List<Path> written = new ArrayList<>();
    int n = spec.replicasPerAs();
    int g = spec.gatewaysPerAs();
    for (int id = 0; id < spec.nodes(); id++) {
      boolean replica = id < 2 * n;
      int as = replica ? id / n : (id - 2 * n) / g;
      int index = replica ? id - as * n : id - 2 * n - as * g;
      String role = replica ? "replica" : "gateway";
      Path file =
          out.resolve("config/" + role + "-" + spec.asNames().get(as) + "-" + index + ".yaml");
      boolean loopback = spec.hosts().size() == 1 && isLoopback(spec.hosts().get(0));
      String bind = loopback ? spec.hosts().get(0) : "0.0.0.0";
      Map<String, String> values = new LinkedHashMap<>();
      values.put("role", role);
      values.put("node", Integer.toString(id));
      values.put("network", "../network.yaml");
      values.put("listen", bind + ":" + (spec.basePort() + id));
      values.put("http_listen", bind + ":" + (spec.basePort() + 1000 + id));
      values.put("data", "../data/node-" + id);
      values.put("tls_key", "../nodes/node-" + id + ".key");
      if (!replica) {
        byte[] token = new byte[32];
        new java.security.SecureRandom().nextBytes(token);
        PemFiles.writeSecret(
            out.resolve("nodes/node-" + id + ".admin-token"),
            (java.util.HexFormat.of().formatHex(token) + "\n").getBytes(StandardCharsets.UTF_8));
        values.put("admin_token_file", "../nodes/node-" + id + ".admin-token");
      }
      FlatYaml.write(
          file,
          "InterTrust "
              + role
              + " "
              + index
              + " of AS "
              + spec.asNames().get(as)
              + " (node "
              + id
              + ").\nStart it with: intertrust "
              + role
              + " --config "
              + file.getFileName(),
          values);
      written.add(file);
    }
    return written;
  }

  private static boolean isLoopback(String host) {
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
  }
}
