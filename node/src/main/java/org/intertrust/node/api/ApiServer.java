package org.intertrust.node.api;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.intertrust.gateway.protocol.governor.Governor;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * The HTTP face of one process (JDK {@code com.sun.net.httpserver}): {@code GET /health}, {@code
 * GET /metrics} (Prometheus text format 0.0.4) and the client API under {@code /v1}.
 *
 * <ul>
 *   <li>{@code POST /v1/transfers}, {@code /v1/swaps}, {@code /v1/messages} (gateways of the source
 *       AS): cross-AS requests; 202 with the transaction id;
 *   <li>{@code POST /v1/local-transfers} (replicas): a transfer within the AS; 202 with its id;
 *   <li>{@code GET /v1/accounts/HEX} (replicas): balance and next nonce;
 *   <li>{@code GET /v1/transactions/HEX}: the lifecycle a gateway sees, or a replica's ledger
 *       record;
 *   <li>{@code POST /v1/admin/pause}, {@code /v1/admin/resume} (gateways with an admin token):
 *       pause or resume every lane, or one ({@code {"lane": "A->B"}}), with {@code Authorization:
 *       Bearer TOKEN}.
 * </ul>
 *
 * <p>A gateway passes every cross-AS request through its {@link GovernorGate} first: {@code
 * rate-limited} (429) or {@code paused} (503), with {@code Retry-After} when waiting helps.
 *
 * <p>Bodies are bounded ({@link #MAX_BODY_BYTES}) and must be {@code application/json}; every
 * refusal is an RFC 9457 {@code application/problem+json} with a stable {@link ProblemCode}, and
 * nothing is submitted when one is returned.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

  /** The largest request body accepted. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private final HttpServer server;
  private final ApiBackend backend;
  private final ClientRequests requests;
  private final ThreadPoolExecutor workers;
  private final Optional<GovernorGate> governor;
  private final Map<Integer, LongAdder> responses = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> problems = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  private ApiServer(
      HttpServer server,
      ApiBackend backend,
      ClientRequests requests,
      ThreadPoolExecutor workers,
      Optional<GovernorGate> governor) {
    this.server = server;
    this.backend = backend;
    this.requests = requests;
    this.workers = workers;
    this.governor = governor;
  }

  /** Starts serving on {@code bind} (port 0: an ephemeral port), without a governor. */
  public static ApiServer start(InetSocketAddress bind, ApiBackend backend, ClientRequests requests)
      throws IOException {
    return start(bind, backend, requests, Optional.empty());
  }

  /** Starts serving on {@code bind}; cross-AS requests pass {@code governor} first. */
  public static ApiServer start(
      InetSocketAddress bind,
      ApiBackend backend,
      ClientRequests requests,
      Optional<GovernorGate> governor)
      throws IOException {
    HttpServer server = HttpServer.create(bind, 64);
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            2,
            4,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256),
            runnable -> {
              Thread thread = new Thread(runnable, "http-api");
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    ApiServer api = new ApiServer(server, backend, requests, workers, governor);
    server.createContext("/", api::handle);
    server.setExecutor(workers);
    server.start();
    return api;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Refuses new client requests ({@code unavailable}); health reports stopping. */
  public void stopAccepting() {
    stopping = true;
  }

  @Override
  public void close() {
    stopping = true;
    server.stop(1);
    workers.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(exchange);
      } catch (ApiProblem problem) {
        problem(exchange, problem);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "request failed: " + exchange.getRequestURI().getPath(), e);
        problem(exchange, new ApiProblem(ProblemCode.INTERNAL, "see the node's log"));
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException, ApiProblem {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    switch (path) {
      case "/health" -> health(exchange, method);
      case "/metrics" -> metrics(exchange, method);
      case "/v1/transfers" -> submit(exchange, method, requests::readTransfer);
      case "/v1/swaps" -> submit(exchange, method, requests::readSwap);
      case "/v1/messages" -> submit(exchange, method, requests::readMessage);
      case "/v1/local-transfers" -> localTransfer(exchange, method);
      case "/v1/admin/pause" -> admin(exchange, method, true);
      case "/v1/admin/resume" -> admin(exchange, method, false);
      default -> routeQuery(exchange, method, path);
    }
  }

  private void routeQuery(HttpExchange exchange, String method, String path)
      throws IOException, ApiProblem {
    if (path.startsWith("/v1/accounts/")) {
      requireMethod(method, "GET");
      var account = ClientRequests.account(path.substring("/v1/accounts/".length()));
      JsonObject view =
          backend
              .account(account)
              .orElseThrow(
                  () -> new ApiProblem(ProblemCode.UNKNOWN_ACCOUNT, "no such account here"));
      json(exchange, 200, view);
    } else if (path.startsWith("/v1/transactions/")) {
      requireMethod(method, "GET");
      CrossAsTxId tx =
          ClientRequests.txId(path.substring("/v1/transactions/".length()))
              .orElseThrow(() -> new ApiProblem(ProblemCode.NOT_FOUND, "not a transaction id"));
      JsonObject view =
          backend
              .status(tx)
              .orElseThrow(
                  () -> new ApiProblem(ProblemCode.NOT_FOUND, "this node knows no such tx"));
      json(exchange, 200, view);
    } else {
      throw new ApiProblem(ProblemCode.NOT_FOUND, "no such route");
    }
  }

  @FunctionalInterface
  private interface Reader {
    ClientRequests.CrossAs read(String body) throws ApiProblem;
  }

  private void submit(HttpExchange exchange, String method, Reader reader)
      throws IOException, ApiProblem {
    requireMethod(method, "POST");
    requireAccepting();
    ClientRequests.CrossAs request = reader.read(body(exchange));
    if (governor.isPresent()) {
      governor.get().admit(request.terms());
    }
    backend.submit(request);
    JsonObject accepted = new JsonObject();
    String id = request.id().hash().toHex();
    accepted.addProperty("tx", id);
    accepted.addProperty("status", "/v1/transactions/" + id);
    LOG.info(() -> "accepted cross-AS tx " + id);
    json(exchange, 202, accepted);
  }

  /** Pauses or resumes every lane, or the body's {@code lane} ("A->B"), for the operator. */
  private void admin(HttpExchange exchange, String method, boolean pause)
      throws IOException, ApiProblem {
    if (governor.isEmpty() || !governor.get().adminEnabled()) {
      throw new ApiProblem(ProblemCode.NOT_FOUND, "no admin API on this node");
    }
    requireMethod(method, "POST");
    if (!governor.get().authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
      throw new ApiProblem(ProblemCode.UNAUTHORIZED, "send Authorization: Bearer TOKEN");
    }
    Optional<Governor.Lane> lane = requests.lane(body(exchange));
    if (pause) {
      governor.get().pause(lane);
    } else {
      governor.get().resume(lane);
    }
    String scope = lane.map(Governor.Lane::toString).orElse("every lane");
    LOG.warning(() -> "operator " + (pause ? "paused " : "resumed ") + scope);
    JsonObject done = new JsonObject();
    done.addProperty("paused", pause);
    done.addProperty("lane", lane.map(Governor.Lane::toString).orElse("*"));
    json(exchange, 200, done);
  }

  private void localTransfer(HttpExchange exchange, String method) throws IOException, ApiProblem {
    requireMethod(method, "POST");
    requireAccepting();
    Transfer transfer = requests.readLocalTransfer(body(exchange));
    backend.submit(transfer);
    JsonObject accepted = new JsonObject();
    accepted.addProperty("tx", TransactionCodec.txId(transfer).hash().toHex());
    json(exchange, 202, accepted);
  }

  private void health(HttpExchange exchange, String method) throws IOException, ApiProblem {
    requireMethod(method, "GET");
    boolean up = backend.healthy() && !stopping;
    JsonObject health = new JsonObject();
    health.addProperty("status", up ? "up" : stopping ? "stopping" : "failed");
    health.addProperty("role", backend.role());
    health.addProperty("as", backend.as().value());
    json(exchange, up ? 200 : 503, health);
  }

  private void metrics(HttpExchange exchange, String method) throws IOException, ApiProblem {
    requireMethod(method, "GET");
    StringBuilder text = new StringBuilder();
    text.append("# TYPE intertrust_up gauge\n")
        .append("intertrust_up ")
        .append(backend.healthy() && !stopping ? 1 : 0)
        .append('\n');
    governor.ifPresent(
        g ->
            g.metrics()
                .forEach(
                    (name, value) ->
                        text.append("intertrust_")
                            .append(name)
                            .append(' ')
                            .append(value)
                            .append('\n')));
    backend
        .metrics()
        .forEach(
            (name, value) ->
                text.append("intertrust_").append(name).append(' ').append(value).append('\n'));
    text.append("# TYPE intertrust_api_responses_total counter\n");
    responses.forEach(
        (status, count) ->
            text.append("intertrust_api_responses_total{status=\"")
                .append(status)
                .append("\"} ")
                .append(count.sum())
                .append('\n'));
    text.append("# TYPE intertrust_api_problems_total counter\n");
    problems.forEach(
        (code, count) ->
            text.append("intertrust_api_problems_total{code=\"")
                .append(code)
                .append("\"} ")
                .append(count.sum())
                .append('\n'));
    send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", text.toString());
  }

  private void requireAccepting() throws ApiProblem {
    if (stopping || !backend.healthy()) {
      throw new ApiProblem(ProblemCode.UNAVAILABLE, "this node is not accepting requests");
    }
  }

  private static void requireMethod(String method, String allowed) throws ApiProblem {
    if (!method.equals(allowed)) {
      throw new ApiProblem(ProblemCode.METHOD_NOT_ALLOWED, "use " + allowed);
    }
  }

  /** Reads at most {@link #MAX_BODY_BYTES} of a JSON body. */
  private static String body(HttpExchange exchange) throws IOException, ApiProblem {
    String type =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiProblem(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "send application/json");
    }
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && length.length() > 9) {
      throw new ApiProblem(ProblemCode.BODY_TOO_LARGE, "at most " + MAX_BODY_BYTES + " bytes");
    }
    if (length != null && length.matches("[0-9]+") && Integer.parseInt(length) > MAX_BODY_BYTES) {
      throw new ApiProblem(ProblemCode.BODY_TOO_LARGE, "at most " + MAX_BODY_BYTES + " bytes");
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new ApiProblem(ProblemCode.BODY_TOO_LARGE, "at most " + MAX_BODY_BYTES + " bytes");
      }
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
      try {
        return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new ApiProblem(ProblemCode.BAD_JSON, "the body is not UTF-8");
      }
    }
  }

  private void problem(HttpExchange exchange, ApiProblem problem) throws IOException {
    ProblemCode code = problem.code();
    problems.computeIfAbsent(code.code(), c -> new LongAdder()).increment();
    LOG.info(
        () ->
            "refused "
                + exchange.getRequestMethod()
                + " "
                + exchange.getRequestURI().getPath()
                + ": "
                + code.code()
                + " ("
                + problem.detail()
                + ")");
    JsonObject body = new JsonObject();
    body.addProperty("type", code.type());
    body.addProperty("title", code.title());
    body.addProperty("status", code.status());
    body.addProperty("detail", problem.detail());
    body.addProperty("code", code.code());
    body.addProperty("instance", exchange.getRequestURI().getPath());
    problem
        .retryAfterMillis()
        .ifPresent(
            millis -> {
              body.addProperty("retry_after_ms", millis);
              exchange
                  .getResponseHeaders()
                  .set("Retry-After", Long.toString((millis + 999) / 1000));
            });
    if (code == ProblemCode.METHOD_NOT_ALLOWED) {
      exchange.getResponseHeaders().set("Allow", "GET, POST");
    }
    send(exchange, code.status(), "application/problem+json", body.toString());
  }

  private void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
    send(exchange, status, "application/json", body.toString());
  }

  private void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    responses.computeIfAbsent(status, s -> new LongAdder()).increment();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
