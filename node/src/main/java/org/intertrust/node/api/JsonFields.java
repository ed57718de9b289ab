package org.intertrust.node.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Set;

/**
 * A request's JSON object with typed, checked getters: every problem becomes an {@link ApiProblem}
 * naming the field, never an exception from the parser. Strict JSON (RFC 8259), one object, no
 * trailing data, no unknown fields.
 */
public final class JsonFields {
  private static final BigInteger MAX_AMOUNT = BigInteger.valueOf(Long.MAX_VALUE);
  private static final com.google.gson.TypeAdapter<JsonElement> ELEMENTS =
      new com.google.gson.Gson().getAdapter(JsonElement.class);
  private final JsonObject object;

  private JsonFields(JsonObject object) {
    this.object = object;
  }

  /** Parses {@code text} as one JSON object whose members are all among {@code allowed}. */
  public static JsonFields parse(String text, Set<String> allowed) throws ApiProblem {
    JsonObject object;
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      reader.setNestingLimit(8);
      JsonElement element = ELEMENTS.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new ApiProblem(ProblemCode.BAD_JSON, "data after the JSON object");
      }
      if (!element.isJsonObject()) {
        throw new ApiProblem(ProblemCode.BAD_JSON, "the body must be one JSON object");
      }
      object = element.getAsJsonObject();
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new ApiProblem(ProblemCode.BAD_JSON, "not valid JSON");
    }
    for (String key : object.keySet()) {
      if (!allowed.contains(key)) {
        throw new ApiProblem(ProblemCode.INVALID_FIELD, "unknown field '" + key + "'");
      }
    }
    return new JsonFields(object);
  }

  /** A string member. */
  public String string(String name, int maxLength) throws ApiProblem {
    JsonPrimitive value = primitive(name);
    if (!value.isString() || value.getAsString().length() > maxLength) {
      throw invalid(name, "a string of at most " + maxLength + " characters");
    }
    return value.getAsString();
  }

  /** A string member, or {@code fallback} when absent. */
  public String string(String name, int maxLength, String fallback) throws ApiProblem {
    return object.has(name) ? string(name, maxLength) : fallback;
  }

  /** Exactly {@code length} bytes as lower- or upper-case hex. */
  public byte[] hex(String name, int length) throws ApiProblem {
    String text = string(name, 2 * length);
    if (text.length() != 2 * length) {
      throw invalid(name, length + " bytes as " + 2 * length + " hex digits");
    }
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      throw invalid(name, length + " bytes as " + 2 * length + " hex digits");
    }
  }

  /** A whole number in {@code 0..Long.MAX_VALUE}. */
  public long natural(String name) throws ApiProblem {
    BigInteger value = integer(name, ProblemCode.INVALID_FIELD);
    if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0) {
      throw invalid(name, "a whole number from 0 to " + Long.MAX_VALUE);
    }
    return value.longValueExact();
  }

  /** An amount: a whole number in {@code 1..Long.MAX_VALUE}; otherwise {@code invalid-amount}. */
  public long amount(String name) throws ApiProblem {
    BigInteger value = integer(name, ProblemCode.INVALID_AMOUNT);
    if (value.signum() <= 0 || value.compareTo(MAX_AMOUNT) > 0) {
      throw new ApiProblem(
          ProblemCode.INVALID_AMOUNT,
          "'" + name + "' must be a whole number from 1 to " + Long.MAX_VALUE + ", not " + value);
    }
    return value.longValueExact();
  }

  private BigInteger integer(String name, ProblemCode code) throws ApiProblem {
    JsonPrimitive value = primitive(name);
    if (!value.isNumber()) {
      throw new ApiProblem(code, "'" + name + "' must be a JSON number");
    }
    String text = value.getAsString();
    if (text.length() > 40 || !text.matches("-?(0|[1-9][0-9]*)")) {
      throw new ApiProblem(code, "'" + name + "' must be a whole number without exponent");
    }
    return new BigInteger(text);
  }

  private JsonPrimitive primitive(String name) throws ApiProblem {
    JsonElement element = object.get(name);
    if (element == null || element.isJsonNull()) {
      throw new ApiProblem(ProblemCode.INVALID_FIELD, "'" + name + "' is missing");
    }
    if (!element.isJsonPrimitive()) {
      throw invalid(name, "a string or a number");
    }
    return element.getAsJsonPrimitive();
  }

  private static ApiProblem invalid(String name, String expected) {
    return new ApiProblem(ProblemCode.INVALID_FIELD, "'" + name + "' must be " + expected);
  }
}
