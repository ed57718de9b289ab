package org.intertrust.node.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.node.api.ApiProblem;
import org.intertrust.node.api.ClientRequests;
import org.intertrust.node.ops.ConfigException;
import org.intertrust.node.ops.FlatYaml;

/**
 * Fuzzes the node's decoders of outside input with Jazzer: the client API's request bodies ({@link
 * ClientRequests}, over the strict JSON reader) and the process configuration files ({@link
 * FlatYaml}). Property: each returns a value or throws only its typed refusal ({@link ApiProblem},
 * {@link ConfigException}); any other throwable is a bug. Regression inputs live under {@code
 * OutsideInputFuzzTestInputs/METHOD} in the test resources; {@code mvn verify -Pfuzz
 * -Dtest=OutsideInputFuzzTest} fuzzes for real (docs/RELIABILITY.md).
 */
class OutsideInputFuzzTest {
  private static final int MAX_INPUT_BYTES = 96 * 1024;
  private static final ClientRequests REQUESTS =
      new ClientRequests(Map.of("A", new AsId(1), "B", new AsId(2)));

  @FuzzTest(maxDuration = "60s")
  void clientRequestBodies(byte[] input) {
    if (input.length > MAX_INPUT_BYTES || input.length == 0) {
      return;
    }
    String body = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
    try {
      switch (Math.floorMod(input[0], 5)) {
        case 0 -> REQUESTS.readTransfer(body);
        case 1 -> REQUESTS.readSwap(body);
        case 2 -> REQUESTS.readMessage(body);
        case 3 -> REQUESTS.readLocalTransfer(body);
        default -> REQUESTS.lane(body);
      }
    } catch (ApiProblem refused) {
      assertEquals(refused.code().status() >= 400, true, refused.code().toString());
    }
  }

  @FuzzTest(maxDuration = "60s")
  void configFiles(byte[] input) {
    if (input.length > MAX_INPUT_BYTES) {
      return;
    }
    try {
      FlatYaml config =
          FlatYaml.parse(Path.of("fuzz.yaml"), new String(input, StandardCharsets.UTF_8));
      config.optional("role");
      try {
        config.requireLong("node", 0, 1_000);
        config.requireAddress("listen");
      } catch (ConfigException missingOrBad) {
        // a parsed file may still lack or misstate a key: a typed refusal
      }
    } catch (ConfigException refused) {
      // typed refusal
    }
  }
}
