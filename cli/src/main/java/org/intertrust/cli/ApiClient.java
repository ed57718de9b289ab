package org.intertrust.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.secret.SecretAccess;
import org.intertrust.node.ops.ConfigException;
import org.intertrust.node.ops.Network;
import org.intertrust.node.ops.PemFiles;

/**
 * The CLI's side of the client API: finds the nodes of an AS in {@code network.yaml}, calls their
 * HTTP API, and reads client keys. A refusal comes back as the problem's {@code code} and detail.
 */
final class ApiClient {
  /** One HTTP answer. */
  record Answer(int status, JsonObject body) {
    boolean ok() {
      return status / 100 == 2;
    }

    String problem() {
      return (body.has("code") ? body.get("code").getAsString() : "http-" + status)
          + (body.has("detail") ? ": " + body.get("detail").getAsString() : "");
    }
  }

  private final Network network;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  ApiClient(Path networkFile) throws ConfigException {
    this.network = Network.read(networkFile);
  }

  Network network() {
    return network;
  }

  /** The index of AS {@code name}, or a usage error. */
  int as(String name) throws ConfigException {
    return network
        .asIndex(name)
        .orElseThrow(
            () -> new ConfigException("no AS '" + name + "' (have " + network.asNames() + ")"));
  }

  /** The base URLs of AS {@code as}'s nodes of {@code role}. */
  List<URI> nodes(Network.Role role, int as) {
    List<URI> uris = new ArrayList<>();
    for (int id : network.ids(role, as)) {
      uris.add(URI.create("http://" + network.nodes().get(id).http()));
    }
    return uris;
  }

  /** Consensus time now, in milliseconds since the testnet's epoch. */
  long nowMillis() {
    return System.currentTimeMillis() - network.epochMillis();
  }

  Answer post(URI base, String path, JsonObject body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  Answer get(URI base, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
    return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  private static Answer answer(HttpResponse<String> response) {
    JsonObject body;
    try {
      body = JsonParser.parseString(response.body()).getAsJsonObject();
    } catch (RuntimeException e) {
      body = new JsonObject();
    }
    return new Answer(response.statusCode(), body);
  }

  /** Reads a client key file (32-byte Ed25519 seed in hex, owner-only) written by init. */
  static IdentityKeyPair key(Path file) throws ConfigException {
    try {
      if (PemFiles.readableByOthers(file)) {
        throw new ConfigException(file + " is readable by others: chmod 600 it");
      }
      byte[] seed = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.UTF_8).strip());
      try {
        return IdentityKeyPair.fromSeed(seed, SecretAccess.get());
      } finally {
        java.util.Arrays.fill(seed, (byte) 0);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read the key in " + file + ": " + e.getMessage(), e);
    }
  }
}
