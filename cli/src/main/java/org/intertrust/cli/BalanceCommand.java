package org.intertrust.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.node.ops.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code intertrust balance}: an account's balance and next nonce on one AS, from the first of its
 * replicas that answers (with {@code --all}, from each).
 */
@Command(
    name = "balance",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "Print an account's balance and next nonce on an AS, as its replicas report it.")
public final class BalanceCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--network",
      description = "The testnet's network.yaml (default: testnet/network.yaml).")
  Path network = Path.of("testnet", "network.yaml");

  @Option(names = "--as", required = true, description = "The AS (its name).")
  String as;

  @Option(names = "--key", description = "The account of this client key file.")
  Path key;

  @Option(names = "--account", description = "The account, 64 hex digits.")
  String account;

  @Option(names = "--all", description = "Ask every replica, one line each.")
  boolean all;

  @Override
  public Integer call() throws Exception {
    if ((key == null) == (account == null)) {
      throw new ParameterException(spec.commandLine(), "give one of --key and --account");
    }
    ApiClient client = new ApiClient(network);
    String hex =
        key != null
            ? HexFormat.of().formatHex(AccountId.of(ApiClient.key(key).publicKey()).toBytes())
            : account;
    int code = 1;
    boolean answered = false;
    for (URI replica : client.nodes(Network.Role.REPLICA, client.as(as))) {
      try {
        ApiClient.Answer answer = client.get(replica, "/v1/accounts/" + hex);
        answered = true;
        code = TxCommand.print(spec, answer);
        if (!all) {
          return code;
        }
      } catch (java.io.IOException e) {
        // next replica
      }
    }
    if (!answered) {
      throw new java.io.IOException("no replica of " + as + " answered");
    }
    return code;
  }
}
