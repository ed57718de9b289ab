package org.intertrust.consensus.archfixture;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.Timer;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * One class per forbidden habit of a protocol core. None of these methods is ever called; the
 * architecture tests only read their bytecode.
 */
public final class CoreRuleViolations {
  private CoreRuleViolations() {}

  /** Opens a network connection. */
  public static final class OpensSocket {
    Socket connect() {
      return new Socket();
    }
  }

  /** Reads a file through {@code java.nio.file}. */
  public static final class ReadsFile {
    byte[] read(Path path) throws IOException {
      return Files.readAllBytes(path);
    }
  }

  /** Touches the file system through {@code java.io.File}. */
  public static final class UsesJavaIoFile {
    boolean exists(String name) {
      return new File(name).exists();
    }
  }

  /** Starts a thread. */
  public static final class StartsThread {
    void start(Runnable task) {
      new Thread(task).start();
    }
  }

  /** Hands work to an executor. */
  public static final class UsesExecutor {
    void submit(ExecutorService executor, Runnable task) {
      executor.execute(task);
    }
  }

  /** Schedules with {@code java.util.Timer}. */
  public static final class UsesTimer {
    Timer timer() {
      return new Timer();
    }
  }

  /** Reads time from a {@code java.time.Clock}. */
  public static final class ReadsClock {
    long now(Clock clock) {
      return clock.millis();
    }
  }

  /** Reads the wall clock in milliseconds. */
  public static final class ReadsCurrentTimeMillis {
    long now() {
      return System.currentTimeMillis();
    }
  }

  /** Reads the monotonic clock. */
  public static final class ReadsNanoTime {
    long now() {
      return System.nanoTime();
    }
  }

  /** Reads the wall clock through {@code Instant.now()}. */
  public static final class CallsInstantNow {
    Instant now() {
      return Instant.now();
    }
  }

  /** Draws from the operating system's entropy. */
  public static final class UsesSecureRandom {
    byte[] nonce() {
      byte[] nonce = new byte[16];
      new SecureRandom().nextBytes(nonce);
      return nonce;
    }
  }

  /** Creates a {@code Random} without a seed. */
  public static final class UsesUnseededRandom {
    int draw() {
      return new Random().nextInt();
    }
  }

  /** Uses {@code Math.random()}. */
  public static final class UsesMathRandom {
    double draw() {
      return Math.random();
    }
  }

  /** Uses a random UUID. */
  public static final class UsesRandomUuid {
    UUID id() {
      return UUID.randomUUID();
    }
  }
}
