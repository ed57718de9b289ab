package org.intertrust.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.intertrust.node.ops.Network;

/**
 * A testnet of child JVMs for tests: {@code intertrust init} into a folder, then one {@code
 * intertrust replica|gateway --config FILE} process per node, on loopback ports picked free.
 */
final class ChildTestnet implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

  final Path root;
  final Network network;
  private final Map<Integer, Process> processes = new TreeMap<>();
  private final Map<Integer, Integer> starts = new TreeMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ChildTestnet(Path root, Network network) {
    this.root = root;
    this.network = network;
  }

  /** Runs {@code init} into {@code folder}/testnet on free ports. */
  static ChildTestnet init(Path folder, int gateways) throws Exception {
    Path root = folder.resolve("testnet");
    int nodes = 2 * (4 + gateways);
    int base = freeBase(nodes);
    CliRun run =
        CliRun.of(
            "init",
            "--as",
            "A:4",
            "--as",
            "B:4",
            "--gateways",
            Integer.toString(gateways),
            "--base-port",
            Integer.toString(base),
            "--out",
            root.toString());
    if (run.exitCode() != 0) {
      throw new IllegalStateException("init failed: " + run.err());
    }
    return new ChildTestnet(root, Network.read(root.resolve("network.yaml")));
  }

  private static int freeBase(int nodes) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
      if (free(base, nodes) && free(base + 1000, nodes)) {
        return base;
      }
    }
    throw new IOException("no free range of ports");
  }

  private static boolean free(int from, int count) {
    for (int port = from; port < from + count; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  Path config(int id) throws IOException {
    Network.Node node = network.nodes().get(id);
    String role = node.role().name().toLowerCase(java.util.Locale.ROOT);
    int index = network.ids(node.role(), node.as()).indexOf(id);
    return root.resolve(
        "config/" + role + "-" + network.asNames().get(node.as()) + "-" + index + ".yaml");
  }

  /** Starts node {@code id} as a child JVM (its log in {@code logs/node-ID.N.log}). */
  void start(int id) throws IOException {
    Network.Node node = network.nodes().get(id);
    int start = starts.merge(id, 1, Integer::sum);
    Path logs = Files.createDirectories(root.resolve("logs"));
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            javaBin,
            "-Xmx192m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            node.role().name().toLowerCase(java.util.Locale.ROOT),
            "--config",
            config(id).toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(logs.resolve("node-" + id + "." + start + ".log").toFile());
    processes.put(id, builder.start());
  }

  void startAll() throws IOException {
    for (int id : network.nodes().keySet()) {
      start(id);
    }
  }

  /** SIGKILL: no shutdown hook, no flush. */
  void kill(int id) throws InterruptedException {
    Process process = processes.get(id);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, then waits for the exit; returns the exit code. */
  int stop(int id) throws InterruptedException {
    Process process = processes.get(id);
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  String log(int id) throws IOException {
    return Files.readString(root.resolve("logs/node-" + id + "." + starts.get(id) + ".log"));
  }

  /** Waits until every node's {@code /health} says up. */
  void awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    for (int id : network.nodes().keySet()) {
      while (true) {
        Optional<HttpResponse<String>> health = get(id, "/health");
        if (health.isPresent() && health.get().statusCode() == 200) {
          break;
        }
        Process process = processes.get(id);
        if (process != null && !process.isAlive()) {
          throw new IllegalStateException("node " + id + " exited: " + log(id));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("node " + id + " not healthy: " + log(id));
        }
        Thread.sleep(500);
      }
    }
  }

  URI uri(int id, String path) {
    return URI.create("http://" + network.nodes().get(id).http() + path);
  }

  Optional<HttpResponse<String>> get(int id, String path) throws InterruptedException {
    try {
      return Optional.of(
          http.send(
              HttpRequest.newBuilder(uri(id, path)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  Optional<HttpResponse<String>> post(int id, String path, String body)
      throws InterruptedException {
    try {
      return Optional.of(
          http.send(
              HttpRequest.newBuilder(uri(id, path))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  List<Integer> replicas(int as) {
    return network.ids(Network.Role.REPLICA, as);
  }

  List<Integer> gateways(int as) {
    return network.ids(Network.Role.GATEWAY, as);
  }

  @Override
  public void close() {
    List<Process> all = new ArrayList<>(processes.values());
    all.forEach(Process::destroy);
    for (Process process : all) {
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
