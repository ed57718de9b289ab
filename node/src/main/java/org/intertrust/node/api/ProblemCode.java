package org.intertrust.node.api;

import java.util.Locale;

/**
 * The stable error codes of the client API. The code (lower-case, dashes) is the last segment of
 * the problem's {@code type} URI ({@code urn:intertrust:problem:CODE}) and its {@code code} member;
 * clients branch on it, never on the {@code detail} text. Never rename or reuse a code.
 */
public enum ProblemCode {
  /** The body is not one JSON object. */
  BAD_JSON(400, "Malformed JSON"),
  /** A field is missing, has the wrong type or an invalid value. */
  INVALID_FIELD(400, "Invalid field"),
  /** The body is larger than the API accepts. */
  BODY_TOO_LARGE(413, "Request body too large"),
  /** The body is not {@code application/json}. */
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  /** The AS named is not one of this network's, or not one this node serves. */
  UNKNOWN_AS(404, "Unknown AS"),
  /** The account does not exist on this AS. */
  UNKNOWN_ACCOUNT(404, "Unknown account"),
  /** An amount that is zero, negative or does not fit in 63 bits. */
  INVALID_AMOUNT(422, "Invalid amount"),
  /** The client signature does not verify over the request. */
  BAD_SIGNATURE(422, "Bad signature"),
  /** This transaction was submitted before. */
  REPLAYED(409, "Transaction already submitted"),
  /** No such transaction or route. */
  NOT_FOUND(404, "Not found"),
  /** The lane's request rate or value limit is spent for now ({@code Retry-After} says when). */
  RATE_LIMITED(429, "Rate limited"),
  /** The operator paused this lane; nothing is taken until it is resumed. */
  PAUSED(503, "Paused by the operator"),
  /** The admin route needs the operator's bearer token. */
  UNAUTHORIZED(401, "Unauthorized"),
  /** The method is not allowed on this route. */
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  /** The node cannot serve this request now (stopping, failed, or it is the wrong role). */
  UNAVAILABLE(503, "Unavailable"),
  /** A fault in this node; its log has the details. */
  INTERNAL(500, "Internal error");

  private final int status;
  private final String title;

  ProblemCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The stable code, e.g. {@code bad-signature}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The RFC 9457 {@code type} URI. */
  public String type() {
    return "urn:intertrust:problem:" + code();
  }
}
