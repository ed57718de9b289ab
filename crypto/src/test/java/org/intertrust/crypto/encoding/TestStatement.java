package org.intertrust.crypto.encoding;

/** A statement whose body is given as a lambda, for tests. */
record TestStatement(SigningDomain domain, AsId sourceAs, AsId destinationAs, BodyWriter body)
    implements Statement {

  /** Writes a body; may throw like the writer does. */
  @FunctionalInterface
  interface BodyWriter {
    void write(CanonicalWriter w) throws EncodingException;
  }

  static TestStatement of(SigningDomain domain, int source, int destination, BodyWriter body) {
    return new TestStatement(domain, new AsId(source), new AsId(destination), body);
  }

  @Override
  public void writeBody(CanonicalWriter w) throws EncodingException {
    body.write(w);
  }
}
