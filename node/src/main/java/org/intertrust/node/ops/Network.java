package org.intertrust.node.ops;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.sim.crossas.CrossAsScenario;

/**
 * The testnet every process and client shares ({@code network.yaml}): the two ASs' names, their
 * sizes, the seed file of the protocol keys, the epoch of consensus time, the CA certificate and,
 * per node, its role, AS, gRPC and HTTP addresses and certificate.
 *
 * <p>Node ids follow the simulator's order: X's replicas, Y's replicas, X's gateways, Y's gateways.
 */
public record Network(
    Path file,
    List<String> asNames,
    int replicasPerAs,
    int gatewaysPerAs,
    Path seedFile,
    long epochMillis,
    Path caCertificate,
    Map<Integer, Node> nodes) {
  static final Pattern AS_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,15}");

  /** What a node is. */
  public enum Role {
    REPLICA,
    GATEWAY
  }

  /**
   * One node.
   *
   * @param id its id
   * @param role replica or gateway
   * @param as its AS (0 is X, 1 is Y)
   * @param grpc where peers reach its transport, {@code host:port}
   * @param http where its health, metrics and client API listen, {@code host:port}
   * @param certificate its TLS certificate (pinned by every peer)
   */
  public record Node(int id, Role role, int as, String grpc, String http, Path certificate) {}

  /** Reads {@code network.yaml}. */
  public static Network read(Path file) throws ConfigException {
    FlatYaml yaml = FlatYaml.read(file);
    List<String> names = List.of(yaml.require("as.x"), yaml.require("as.y"));
    int n = yaml.requireInt("replicas_per_as", 4, 64);
    int g = yaml.requireInt("gateways_per_as", 1, 16);
    Map<Integer, Node> nodes = new LinkedHashMap<>();
    for (int id = 0; id < 2 * (n + g); id++) {
      String prefix = "node." + id + ".";
      nodes.put(
          id,
          new Node(
              id,
              id < 2 * n ? Role.REPLICA : Role.GATEWAY,
              id < 2 * n ? id / n : (id - 2 * n) / g,
              yaml.require(prefix + "grpc"),
              yaml.require(prefix + "http"),
              yaml.requirePath(prefix + "cert")));
    }
    return new Network(
        file,
        names,
        n,
        g,
        yaml.requirePath("seed_file"),
        yaml.requireLong("epoch_ms", 0, Long.MAX_VALUE),
        yaml.requirePath("ca_cert"),
        java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(nodes)));
  }

  /** The index (0 for X, 1 for Y) of the AS called {@code name}, if it is one of the two. */
  public java.util.Optional<Integer> asIndex(String name) {
    int index = asNames.indexOf(name);
    return index < 0 ? java.util.Optional.empty() : java.util.Optional.of(index);
  }

  /**
   * The protocol id of AS {@code index} (0 is X): {@code index + 1}, as the simulator's cross-AS
   * world numbers them ({@link NodeProcess} checks that the world it builds agrees).
   */
  public org.intertrust.crypto.encoding.AsId asId(int index) {
    return new org.intertrust.crypto.encoding.AsId(index + 1);
  }

  /** The node ids of AS {@code as}'s replicas or gateways. */
  public List<Integer> ids(Role role, int as) {
    return nodes.values().stream()
        .filter(node -> node.role() == role && node.as() == as)
        .map(Node::id)
        .toList();
  }

  public Node node(int id) throws ConfigException {
    Node node = nodes.get(id);
    if (node == null) {
      throw new ConfigException(file + ": no node " + id);
    }
    return node;
  }

  /** The group of node {@code id}: 0 X's replicas, 1 Y's, 2 X's gateways, 3 Y's. */
  public int group(int id) {
    return id < 2 * replicasPerAs
        ? id / replicasPerAs
        : 2 + (id - 2 * replicasPerAs) / gatewaysPerAs;
  }

  /** The first id of group {@code group}. */
  public int groupStart(int group) {
    return group < 2 ? group * replicasPerAs : 2 * replicasPerAs + (group - 2) * gatewaysPerAs;
  }

  /**
   * The settings every process builds the world's protocol keys and nodes from (per-session dealing
   * with batch certificates, all three kinds, no scripted faults).
   */
  public CrossAsScenario.Options scenario(long seed) {
    return new CrossAsScenario.Options(
        replicasPerAs,
        gatewaysPerAs,
        0,
        seed,
        DealingContext.Mode.PER_SESSION,
        true,
        CrossAsScenario.IMPLEMENTED_KINDS,
        EnumSet.noneOf(CrossAsScenario.Fault.class),
        1,
        30_000,
        Long.MAX_VALUE / 1_000_000L);
  }

  /** Reads the protocol-key seed (a decimal number in an owner-only file). */
  public long seed() throws ConfigException {
    try {
      if (PemFiles.readableByOthers(seedFile)) {
        throw new ConfigException(seedFile + " is readable by others: chmod 600 it");
      }
      return Long.parseLong(java.nio.file.Files.readString(seedFile).strip());
    } catch (java.io.IOException | NumberFormatException e) {
      throw new ConfigException("cannot read the seed in " + seedFile + ": " + e.getMessage(), e);
    }
  }
}
