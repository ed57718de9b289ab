package org.intertrust.cli;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.MessageSend;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.SwapLock;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.node.api.ClientRequests;
import org.intertrust.node.ops.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code intertrust tx transfer|swap|message|status}: signs a transaction with a client key and
 * submits it through the client API of a testnet's nodes; prints the API's JSON answer. Exit code 1
 * when the API refuses (the problem's code and detail on standard error).
 */
@Command(
    name = "tx",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "Submit and follow transactions through a testnet's client API.",
    subcommands = {
      TxCommand.TransferCommand.class,
      TxCommand.SwapCommand.class,
      TxCommand.MessageCommand.class,
      TxCommand.StatusCommand.class
    })
public final class TxCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return MissingSubcommand.report(spec);
  }

  /** Options every client command shares. */
  static final class Target {
    @Option(
        names = "--network",
        description = "The testnet's network.yaml (default: testnet/network.yaml).")
    Path network = Path.of("testnet", "network.yaml");

    @Option(names = "--from-as", required = true, description = "The source AS (its name).")
    String fromAs;
  }

  /** Options of the commands that sign. */
  static final class Signing {
    @Option(names = "--key", required = true, description = "The client key file (from init).")
    Path key;

    @Option(names = "--nonce", description = "The account's nonce (default: ask a replica).")
    Long nonce;

    @Option(
        names = "--deadline-ms",
        description = "Deadline, from now, in the destination's time (default: 30000).")
    long deadlineMillis = 30_000;
  }

  /** The account's next nonce, from the first replica of {@code as} that answers. */
  static long nextNonce(ApiClient client, int as, AccountId account) throws Exception {
    for (URI replica : client.nodes(Network.Role.REPLICA, as)) {
      try {
        ApiClient.Answer answer =
            client.get(
                replica, "/v1/accounts/" + java.util.HexFormat.of().formatHex(account.toBytes()));
        if (answer.ok()) {
          return answer.body().get("next_nonce").getAsLong();
        }
        if (answer.status() == 404) {
          throw new IllegalStateException("the account does not exist: " + answer.problem());
        }
      } catch (java.io.IOException e) {
        // next replica
      }
    }
    throw new IllegalStateException("no replica of the source AS answered");
  }

  /** Posts {@code body} to the first node of {@code nodes} that answers; prints the answer. */
  static int submit(
      picocli.CommandLine.Model.CommandSpec spec,
      ApiClient client,
      List<URI> nodes,
      String path,
      JsonObject body)
      throws Exception {
    java.io.IOException last = null;
    for (URI node : nodes) {
      try {
        return print(spec, client.post(node, path, body));
      } catch (java.io.IOException e) {
        last = e;
      }
    }
    throw new java.io.IOException("no node answered at " + nodes, last);
  }

  static int print(picocli.CommandLine.Model.CommandSpec spec, ApiClient.Answer answer) {
    if (!answer.ok()) {
      spec.commandLine().getErr().println("refused: " + answer.problem());
      spec.commandLine().getErr().flush();
      return 1;
    }
    spec.commandLine().getOut().println(answer.body());
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** {@code tx transfer}: a cross-AS transfer, or a transfer within the AS with {@code --to}. */
  @Command(
      name = "transfer",
      mixinStandardHelpOptions = true,
      description =
          "Transfer coins: to the same account on --to-as (cross-AS, escrow and voucher), or to"
              + " account --to within --from-as.")
  static final class TransferCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Target target = new Target();
    @Mixin Signing signing = new Signing();

    @Option(names = "--to-as", description = "The destination AS (a cross-AS transfer).")
    String toAs;

    @Option(names = "--to", description = "The receiving account in hex (within --from-as).")
    String to;

    @Option(names = "--amount", required = true, description = "Coins to transfer.")
    long amount;

    @Override
    public Integer call() throws Exception {
      ApiClient client = new ApiClient(target.network);
      int source = client.as(target.fromAs);
      IdentityKeyPair key = ApiClient.key(signing.key);
      AccountId owner = AccountId.of(key.publicKey());
      long nonce = signing.nonce != null ? signing.nonce : nextNonce(client, source, owner);
      AsId sourceId = asId(client, source);
      if (to != null) {
        Transfer transfer =
            Transfer.sign(
                key,
                sourceId,
                ClientRequests.account(to),
                ClientRequests.coin(),
                Amount.of(amount),
                new Nonce(nonce));
        return submitEverywhere(
            client, source, ClientRequests.localTransfer(target.fromAs, transfer));
      }
      if (toAs == null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "give --to-as (cross-AS) or --to (within the AS)");
      }
      int destination = client.as(toAs);
      ConsensusTime deadline = ConsensusTime.ofMillis(client.nowMillis() + signing.deadlineMillis);
      TransferTerms terms =
          new TransferTerms(
              sourceId,
              asId(client, destination),
              owner,
              ClientRequests.coin(),
              Amount.of(amount),
              deadline,
              new Nonce(nonce));
      EscrowLock lock =
          EscrowLock.sign(
              key,
              new EscrowLock.Terms(
                  sourceId,
                  terms.id(),
                  ClientRequests.coin(),
                  Amount.of(amount),
                  asId(client, destination),
                  deadline,
                  new Nonce(nonce)));
      return submit(
          spec,
          client,
          client.nodes(Network.Role.GATEWAY, source),
          "/v1/transfers",
          ClientRequests.transfer(target.fromAs, toAs, lock));
    }

    /** A transfer within an AS goes to every replica (whichever leads next proposes it). */
    private int submitEverywhere(ApiClient client, int as, JsonObject body) throws Exception {
      ApiClient.Answer first = null;
      for (URI replica : client.nodes(Network.Role.REPLICA, as)) {
        try {
          ApiClient.Answer answer = client.post(replica, "/v1/local-transfers", body);
          if (first == null || (!first.ok() && answer.ok())) {
            first = answer;
          }
        } catch (java.io.IOException e) {
          // a replica that is down; the others take it
        }
      }
      if (first == null) {
        throw new java.io.IOException("no replica of the AS answered");
      }
      return print(spec, first);
    }
  }

  /** {@code tx swap}: coins on the source for coins on the destination, both or neither. */
  @Command(
      name = "swap",
      mixinStandardHelpOptions = true,
      description =
          "Swap --give coins of --key's account on --from-as for --get coins of --counterparty-key's"
              + " account on --to-as (both sign).")
  static final class SwapCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Target target = new Target();
    @Mixin Signing signing = new Signing();

    @Option(names = "--to-as", required = true, description = "The counterparty's AS.")
    String toAs;

    @Option(names = "--counterparty-key", required = true, description = "Its key file.")
    Path counterpartyKey;

    @Option(names = "--give", required = true, description = "Coins given on the source.")
    long give;

    @Option(names = "--get", required = true, description = "Coins received on the destination.")
    long get;

    @Override
    public Integer call() throws Exception {
      ApiClient client = new ApiClient(target.network);
      int source = client.as(target.fromAs);
      int destination = client.as(toAs);
      IdentityKeyPair alice = ApiClient.key(signing.key);
      IdentityKeyPair bob = ApiClient.key(counterpartyKey);
      AccountId initiator = AccountId.of(alice.publicKey());
      long nonce = signing.nonce != null ? signing.nonce : nextNonce(client, source, initiator);
      SwapTerms terms =
          new SwapTerms(
              asId(client, source),
              asId(client, destination),
              initiator,
              ClientRequests.coin(),
              Amount.of(give),
              AccountId.of(bob.publicKey()),
              ClientRequests.coin(),
              Amount.of(get),
              ConsensusTime.ofMillis(client.nowMillis() + signing.deadlineMillis),
              new Nonce(nonce));
      SwapLock lock = SwapLock.sign(alice, terms, terms.signAsCounterparty(bob));
      return submit(
          spec,
          client,
          client.nodes(Network.Role.GATEWAY, source),
          "/v1/swaps",
          ClientRequests.swap(target.fromAs, toAs, lock));
    }
  }

  /** {@code tx message}: a payload delivered to an inbox on the destination. */
  @Command(
      name = "message",
      mixinStandardHelpOptions = true,
      description =
          "Send --data (UTF-8) to --inbox on --to-as, committed on both sides or neither.")
  static final class MessageCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Target target = new Target();
    @Mixin Signing signing = new Signing();

    @Option(names = "--to-as", required = true, description = "The destination AS.")
    String toAs;

    @Option(names = "--inbox", description = "The inbox on the destination (default: app.inbox).")
    String inbox = "app.inbox";

    @Option(names = "--data", required = true, description = "The payload, as UTF-8 text.")
    String data;

    @Override
    public Integer call() throws Exception {
      ApiClient client = new ApiClient(target.network);
      int source = client.as(target.fromAs);
      int destination = client.as(toAs);
      IdentityKeyPair sender = ApiClient.key(signing.key);
      AccountId account = AccountId.of(sender.publicKey());
      long nonce = signing.nonce != null ? signing.nonce : nextNonce(client, source, account);
      MessagePayload payload = MessagePayload.of(data.getBytes(StandardCharsets.UTF_8));
      MessageTerms terms =
          new MessageTerms(
              asId(client, source),
              asId(client, destination),
              account,
              new InboxId(inbox),
              payload.hash(),
              ConsensusTime.ofMillis(client.nowMillis() + signing.deadlineMillis),
              new Nonce(nonce));
      return submit(
          spec,
          client,
          client.nodes(Network.Role.GATEWAY, source),
          "/v1/messages",
          ClientRequests.message(target.fromAs, toAs, MessageSend.sign(sender, terms), payload));
    }
  }

  /** {@code tx status}: what the source's gateways and replicas know of a transaction. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Print what the gateways (lifecycle phase) and the first replica that knows it (ledger"
              + " record) of --from-as report for a cross-AS transaction.")
  static final class StatusCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Target target = new Target();

    @Parameters(index = "0", description = "The transaction id (64 hex digits).")
    String tx;

    @Override
    public Integer call() throws Exception {
      ApiClient client = new ApiClient(target.network);
      int as = client.as(target.fromAs);
      JsonObject out = new JsonObject();
      out.addProperty("tx", tx);
      for (Network.Role role : Network.Role.values()) {
        for (URI node : client.nodes(role, as)) {
          try {
            ApiClient.Answer answer = client.get(node, "/v1/transactions/" + tx);
            if (answer.ok()) {
              out.add(role == Network.Role.GATEWAY ? "gateway" : "ledger", answer.body());
              break;
            }
            if (answer.status() == 400) {
              return print(spec, answer);
            }
          } catch (java.io.IOException e) {
            // next node
          }
        }
      }
      if (out.size() == 1) {
        spec.commandLine().getErr().println("not-found: no node of " + target.fromAs + " knows it");
        return 1;
      }
      spec.commandLine().getOut().println(out);
      return 0;
    }
  }

  /** The protocol id of AS number {@code as}. */
  static AsId asId(ApiClient client, int as) {
    return client.network().asId(as);
  }
}
