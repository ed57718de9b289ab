package org.intertrust.node.ops;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Structured logs: one JSON object per line ({@code ts}, {@code level}, {@code logger}, {@code
 * node}, {@code role}, {@code msg}, and {@code error} with the stack trace when there is one), for
 * log shippers that index fields. Messages never carry secrets (the classes that hold keys print
 * none).
 */
public final class JsonLogFormatter extends Formatter {
  private final int node;
  private final String role;

  public JsonLogFormatter(int node, String role) {
    this.node = node;
    this.role = role;
  }

  @Override
  public String format(LogRecord record) {
    JsonObject line = new JsonObject();
    line.addProperty("ts", Instant.ofEpochMilli(record.getMillis()).toString());
    line.addProperty("level", record.getLevel().getName());
    line.addProperty("logger", record.getLoggerName());
    line.addProperty("node", node);
    line.addProperty("role", role);
    line.addProperty("msg", formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.addProperty("error", trace.toString());
    }
    return line + System.lineSeparator();
  }

  /** Sends every log record of this process to standard error as JSON lines, at INFO and above. */
  public static void install(int node, String role) {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    for (java.util.logging.Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
    console.setFormatter(new JsonLogFormatter(node, role));
    console.setLevel(java.util.logging.Level.INFO);
    root.addHandler(console);
    root.setLevel(java.util.logging.Level.INFO);
  }
}
