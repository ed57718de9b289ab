package org.intertrust.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Nonce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client API's input validation over real HTTP: every malformed, oversized, unknown, negative,
 * overflowing, badly signed or replayed request gets its typed problem and reaches no node.
 */
class ApiServerTest {
  private static final AsId A = new AsId(1);
  private static final AsId B = new AsId(2);

  private final RecordingBackend backend = new RecordingBackend();
  private final HttpClient http = HttpClient.newHttpClient();
  private final IdentityKeyPair alice = IdentityKeyPair.generate(new SecureRandom());
  private ApiServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        ApiServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            backend,
            new ClientRequests(Map.of("A", A, "B", B)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void validTransfer_acceptedAndHandedToTheNodeOnce() throws Exception {
    JsonObject body = ClientRequests.transfer("A", "B", lock(25, 0));
    HttpResponse<String> response = post("/v1/transfers", body.toString());
    assertEquals(202, response.statusCode(), response.body());
    assertEquals(1, backend.crossAs.size());
    assertEquals(
        backend.crossAs.get(0).id().hash().toHex(), json(response).get("tx").getAsString());
  }

  @Test
  void replayedTransfer_refusedWithReplayed() throws Exception {
    String body = ClientRequests.transfer("A", "B", lock(25, 0)).toString();
    assertEquals(202, post("/v1/transfers", body).statusCode());
    assertProblem(post("/v1/transfers", body), 409, "replayed");
    assertEquals(1, backend.crossAs.size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "{", "[]", "null", "{\"source\":\"A\"} trailing", "{'source':'A'}", "\"x\""})
  void malformedJson_refusedWithBadJson(String body) throws Exception {
    assertProblem(post("/v1/transfers", body), 400, "bad-json");
    assertTrue(backend.nothingSubmitted());
  }

  @Test
  void oversizedBody_refusedWithBodyTooLarge() throws Exception {
    String body = "{\"source\":\"" + "A".repeat(ApiServer.MAX_BODY_BYTES) + "\"}";
    assertProblem(post("/v1/transfers", body), 413, "body-too-large");
    assertTrue(backend.nothingSubmitted());
  }

  @Test
  void notJson_refusedWithUnsupportedMediaType() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri("/v1/transfers"))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    assertProblem(
        http.send(request, HttpResponse.BodyHandlers.ofString()), 415, "unsupported-media-type");
  }

  @Test
  void unknownAs_refusedWithUnknownAs() throws Exception {
    JsonObject body = ClientRequests.transfer("A", "B", lock(25, 0));
    body.addProperty("destination", "Q");
    assertProblem(post("/v1/transfers", body.toString()), 404, "unknown-as");
    assertTrue(backend.nothingSubmitted());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "0", "9223372036854775808", "1e3", "1.5", "\"7\""})
  void badAmounts_refusedWithInvalidAmount(String amount) throws Exception {
    String body =
        ClientRequests.transfer("A", "B", lock(25, 0))
            .toString()
            .replace("\"amount\":25", "\"amount\":" + amount);
    assertProblem(post("/v1/transfers", body), 422, "invalid-amount");
    assertTrue(backend.nothingSubmitted());
  }

  @Test
  void amountChangedAfterSigning_refusedWithBadSignature() throws Exception {
    String body =
        ClientRequests.transfer("A", "B", lock(25, 0))
            .toString()
            .replace("\"amount\":25", "\"amount\":26");
    assertProblem(post("/v1/transfers", body), 422, "bad-signature");
    assertTrue(backend.nothingSubmitted());
  }

  @Test
  void signatureOfAnotherKey_refusedWithBadSignature() throws Exception {
    IdentityKeyPair mallory = IdentityKeyPair.generate(new SecureRandom());
    EscrowLock lock = lock(25, 0);
    JsonObject body = ClientRequests.transfer("A", "B", lock);
    body.addProperty("owner", ClientRequests.hex(AccountId.of(mallory.publicKey()).toBytes()));
    assertProblem(post("/v1/transfers", body.toString()), 422, "bad-signature");
    assertTrue(backend.nothingSubmitted());
  }

  @Test
  void unknownField_refusedWithInvalidField() throws Exception {
    JsonObject body = ClientRequests.transfer("A", "B", lock(25, 0));
    body.addProperty("asset", "GOLD");
    assertProblem(post("/v1/transfers", body.toString()), 400, "invalid-field");
  }

  @Test
  void localTransferFromUnknownAccount_refusedWithUnknownAccount() throws Exception {
    IdentityKeyPair stranger = IdentityKeyPair.generate(new SecureRandom());
    Transfer transfer =
        Transfer.sign(
            stranger,
            A,
            AccountId.of(alice.publicKey()),
            ClientRequests.coin(),
            Amount.of(3),
            new Nonce(0));
    backend.unknownAccounts = true;
    assertProblem(
        post("/v1/local-transfers", ClientRequests.localTransfer("A", transfer).toString()),
        404,
        "unknown-account");
    assertTrue(backend.nothingSubmitted());
  }

  @Test
  void localTransfer_acceptedWithItsId() throws Exception {
    Transfer transfer =
        Transfer.sign(
            alice,
            A,
            AccountId.of(alice.publicKey()),
            ClientRequests.coin(),
            Amount.of(3),
            new Nonce(0));
    HttpResponse<String> response =
        post("/v1/local-transfers", ClientRequests.localTransfer("A", transfer).toString());
    assertEquals(202, response.statusCode(), response.body());
    assertEquals(64, json(response).get("tx").getAsString().length());
    assertEquals(1, backend.local.size());
  }

  @Test
  void wrongMethodAndRoute_typedProblems() throws Exception {
    assertProblem(get("/v1/transfers"), 405, "method-not-allowed");
    assertProblem(get("/v2/nothing"), 404, "not-found");
    assertProblem(get("/v1/transactions/xyz"), 404, "not-found");
    assertProblem(get("/v1/accounts/00"), 400, "invalid-field");
  }

  @Test
  void healthAndMetrics_served() throws Exception {
    HttpResponse<String> health = get("/health");
    assertEquals(200, health.statusCode());
    assertEquals("up", json(health).get("status").getAsString());
    post("/v1/transfers", "{");
    HttpResponse<String> metrics = get("/metrics");
    assertTrue(metrics.body().contains("intertrust_up 1"), metrics.body());
    assertTrue(
        metrics.body().contains("intertrust_api_problems_total{code=\"bad-json\"} 1"),
        metrics.body());
    server.stopAccepting();
    assertEquals(503, get("/health").statusCode());
    assertProblem(
        post("/v1/transfers", ClientRequests.transfer("A", "B", lock(1, 0)).toString()),
        503,
        "unavailable");
  }

  private EscrowLock lock(long amount, long nonce) {
    ConsensusTime deadline = ConsensusTime.ofMillis(60_000 + new SplittableRandom(7).nextInt(9));
    TransferTerms terms =
        new TransferTerms(
            A,
            B,
            AccountId.of(alice.publicKey()),
            ClientRequests.coin(),
            Amount.of(amount),
            deadline,
            new Nonce(nonce));
    return EscrowLock.sign(
        alice,
        new EscrowLock.Terms(
            A,
            terms.id(),
            ClientRequests.coin(),
            Amount.of(amount),
            B,
            deadline,
            new Nonce(nonce)));
  }

  @Test
  void governedGateway_rateLimitsPausesAndResumes_onlyForTheOperator() throws Exception {
    java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
    String token = "0123456789abcdef0123456789abcdef";
    GovernorGate gate =
        new GovernorGate(
            new org.intertrust.gateway.protocol.governor.Governor(
                org.intertrust.gateway.protocol.governor.Governor.Limits.requests(1, 2)),
            clock::get,
            Optional.of(token));
    server.close();
    server =
        ApiServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            backend,
            new ClientRequests(Map.of("A", A, "B", B)),
            Optional.of(gate));
    assertEquals(202, post("/v1/transfers", transfer(1)).statusCode());
    assertEquals(202, post("/v1/transfers", transfer(2)).statusCode());
    HttpResponse<String> limited = post("/v1/transfers", transfer(3));
    assertProblem(limited, 429, "rate-limited");
    assertEquals("1", limited.headers().firstValue("Retry-After").orElse(""));
    assertEquals(1000, json(limited).get("retry_after_ms").getAsLong());
    assertEquals(2, backend.crossAs.size(), "the refused request reached no node");

    assertProblem(post("/v1/admin/pause", "{}"), 401, "unauthorized");
    assertProblem(
        admin("/v1/admin/pause", "Bearer wrong-token-wrong-token", "{}"), 401, "unauthorized");
    HttpResponse<String> paused =
        admin("/v1/admin/pause", "Bearer " + token, "{\"lane\":\"A->B\"}");
    assertEquals(200, paused.statusCode(), paused.body());
    clock.set(10_000);
    HttpResponse<String> refused = post("/v1/transfers", transfer(4));
    assertProblem(refused, 503, "paused");
    assertTrue(refused.headers().firstValue("Retry-After").isEmpty(), "waiting does not help");
    assertProblem(
        admin("/v1/admin/pause", "Bearer " + token, "{\"lane\":\"A->C\"}"), 404, "unknown-as");
    assertEquals(200, admin("/v1/admin/resume", "Bearer " + token, "").statusCode());
    assertEquals(202, post("/v1/transfers", transfer(5)).statusCode());
    assertEquals(3, backend.crossAs.size());
    String metrics = get("/metrics").body();
    assertTrue(metrics.contains("intertrust_governor_refused_total{reason=\"paused\"} 1"), metrics);
    assertTrue(metrics.contains("intertrust_governor_admitted_total 3"), metrics);
  }

  @Test
  void adminRoutes_withoutAToken_doNotExist() throws Exception {
    assertProblem(post("/v1/admin/pause", "{}"), 404, "not-found");
    assertTrue(backend.nothingSubmitted());
  }

  private String transfer(int nonce) {
    return ClientRequests.transfer("A", "B", lock(25, nonce)).toString();
  }

  private HttpResponse<String> admin(String path, String authorization, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private void assertProblem(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    JsonObject problem = json(response);
    assertEquals(code, problem.get("code").getAsString());
    assertEquals("urn:intertrust:problem:" + code, problem.get("type").getAsString());
    assertEquals(status, problem.get("status").getAsInt());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Records what reaches the node; refuses a cross-AS id it saw, as a gateway does. */
  private static final class RecordingBackend implements ApiBackend {
    final List<ClientRequests.CrossAs> crossAs = new ArrayList<>();
    final List<Transfer> local = new ArrayList<>();
    volatile boolean unknownAccounts;

    boolean nothingSubmitted() {
      return crossAs.isEmpty() && local.isEmpty();
    }

    @Override
    public String role() {
      return "gateway";
    }

    @Override
    public AsId as() {
      return A;
    }

    @Override
    public boolean healthy() {
      return true;
    }

    @Override
    public Map<String, Number> metrics() {
      return Map.of();
    }

    @Override
    public synchronized void submit(ClientRequests.CrossAs request) throws ApiProblem {
      for (ClientRequests.CrossAs seen : crossAs) {
        if (seen.id().equals(request.id())) {
          throw new ApiProblem(ProblemCode.REPLAYED, "seen");
        }
      }
      crossAs.add(request);
    }

    @Override
    public synchronized void submit(Transfer transfer) throws ApiProblem {
      if (unknownAccounts) {
        throw new ApiProblem(ProblemCode.UNKNOWN_ACCOUNT, "no funds");
      }
      local.add(transfer);
    }

    @Override
    public Optional<JsonObject> account(AccountId account) {
      return Optional.empty();
    }

    @Override
    public Optional<JsonObject> status(CrossAsTxId tx) {
      return Optional.empty();
    }
  }
}
