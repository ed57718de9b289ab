package org.intertrust.cli;

/** Entry point of the intertrust command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("intertrust");
  }
}
