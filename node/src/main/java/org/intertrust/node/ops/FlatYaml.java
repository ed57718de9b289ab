package org.intertrust.node.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configuration format: a flat subset of YAML, one {@code key: value} per line, {@code #}
 * comments, no nesting, no quoting, no anchors. Any YAML parser reads these files as a map of
 * strings; this reader accepts nothing else, so a typo fails loudly instead of meaning something.
 * Relative paths in values are resolved against the file's folder.
 */
public final class FlatYaml {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_.]*");
  private static final int MAX_BYTES = 1 << 20;

  private final Path file;
  private final Map<String, String> values;

  private FlatYaml(Path file, Map<String, String> values) {
    this.file = file;
    this.values = values;
  }

  /** Reads {@code file}; refuses lines that are not {@code key: value} and repeated keys. */
  public static FlatYaml read(Path file) throws ConfigException {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(file + ": larger than " + MAX_BYTES + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(file, text);
  }

  /**
   * Parses {@code text} as the contents of {@code file} (named in errors): one {@code key: value}
   * per line, comments and blank lines skipped, no key twice.
   */
  public static FlatYaml parse(Path file, String text) throws ConfigException {
    if (text.length() > MAX_BYTES) {
      throw new ConfigException(file + ": larger than " + MAX_BYTES + " bytes");
    }
    Map<String, String> values = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(": ");
      String key = colon < 0 ? line : line.substring(0, colon);
      if (colon < 0 || !KEY.matcher(key).matches()) {
        throw new ConfigException(file + ":" + (i + 1) + ": expected 'key: value'");
      }
      if (values.put(key, line.substring(colon + 2).strip()) != null) {
        throw new ConfigException(file + ":" + (i + 1) + ": '" + key + "' given twice");
      }
    }
    return new FlatYaml(file, values);
  }

  /** Writes {@code values} under a comment header; refuses to overwrite an existing file. */
  public static void write(Path file, String header, Map<String, String> values)
      throws IOException {
    StringBuilder text = new StringBuilder();
    header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
    values.forEach(
        (key, value) -> {
          if (!KEY.matcher(key).matches() || value.contains("\n")) {
            throw new IllegalArgumentException("not a flat YAML entry: " + key);
          }
          text.append(key).append(": ").append(value).append('\n');
        });
    Files.writeString(
        file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
  }

  public Path file() {
    return file;
  }

  public Optional<String> optional(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public String require(String key) throws ConfigException {
    String value = values.get(key);
    if (value == null || value.isEmpty()) {
      throw new ConfigException(file + ": '" + key + "' is missing");
    }
    return value;
  }

  public int requireInt(String key, int min, int max) throws ConfigException {
    return (int) requireLong(key, min, max);
  }

  public long requireLong(String key, long min, long max) throws ConfigException {
    String value = require(key);
    try {
      long parsed = Long.parseLong(value);
      if (parsed < min || parsed > max) {
        throw new ConfigException(
            file + ": '" + key + "' must be in " + min + ".." + max + ", not " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new ConfigException(file + ": '" + key + "' is not a number: " + value, e);
    }
  }

  /** The path under {@code key}, resolved against this file's folder. */
  public Path requirePath(String key) throws ConfigException {
    Path folder = file.toAbsolutePath().getParent();
    return folder.resolve(require(key)).normalize();
  }

  /** The {@code host:port} under {@code key}. */
  public java.net.InetSocketAddress requireAddress(String key) throws ConfigException {
    return address(file + ": '" + key + "'", require(key));
  }

  /** Parses {@code host:port}; {@code what} names it in the error. */
  public static java.net.InetSocketAddress address(String what, String value)
      throws ConfigException {
    int colon = value.lastIndexOf(':');
    if (colon <= 0) {
      throw new ConfigException(what + " is not host:port: " + value);
    }
    try {
      int port = Integer.parseInt(value.substring(colon + 1));
      if (port < 0 || port > 65_535) {
        throw new ConfigException(what + ": port out of range: " + value);
      }
      return java.net.InetSocketAddress.createUnresolved(value.substring(0, colon), port);
    } catch (NumberFormatException e) {
      throw new ConfigException(what + " is not host:port: " + value, e);
    }
  }

  @Override
  public String toString() {
    return "FlatYaml[" + file + ", " + values.size() + " keys]";
  }
}
