package org.intertrust.crypto.identity;

/** A signature encoding was rejected because it does not have the fixed signature length. */
public class SignatureDecodingException extends Exception {

  SignatureDecodingException(String message) {
    super(message);
  }
}
