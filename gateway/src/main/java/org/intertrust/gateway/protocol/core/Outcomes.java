package org.intertrust.gateway.protocol.core;

import java.util.List;
import java.util.Optional;
import org.intertrust.gateway.protocol.certificate.CrossAsCertificate;
import org.intertrust.gateway.protocol.collect.Blame;
import org.intertrust.gateway.protocol.collect.CollectOutcome;
import org.intertrust.gateway.protocol.collect.ShareCollector;

/**
 * Offers replicas' shares to a transaction's collector and turns the outcomes that refuse or blame
 * into Reject actions, for the log.
 */
final class Outcomes {
  private Outcomes() {}

  /**
   * Offers {@code submission}'s share to {@code collector} (empty: nothing is being collected for
   * the transaction, rejected with {@code unknownDetail}); returns the certificate once it forms.
   */
  static Optional<CrossAsCertificate> offer(
      CoreContext context,
      Sender from,
      Optional<ShareCollector> collector,
      GatewayMessage.ShareSubmission submission,
      String unknownDetail) {
    if (collector.isEmpty()) {
      context.reject(from, RejectReason.UNKNOWN_TRANSACTION, unknownDetail);
      return Optional.empty();
    }
    if (!collector.get().statement().equals(submission.statement())) {
      context.reject(from, RejectReason.BAD_SHARE, "share on another statement");
      return Optional.empty();
    }
    CollectOutcome outcome = collector.get().offer(submission.share());
    report(context, from, outcome);
    if (outcome instanceof CollectOutcome.Certified certified) {
      context.combined();
      return Optional.of(certified.certificate());
    }
    return Optional.empty();
  }

  static void report(CoreContext context, Sender from, CollectOutcome outcome) {
    if (outcome instanceof CollectOutcome.Rejected rejected) {
      if (rejected.rejection() != CollectOutcome.Rejection.DUPLICATE
          && rejected.rejection() != CollectOutcome.Rejection.ALREADY_CERTIFIED) {
        context.reject(
            from, RejectReason.BAD_SHARE, rejected.rejection() + ": " + rejected.detail());
      }
    } else if (outcome instanceof CollectOutcome.Blamed blamed) {
      reportBlamed(context, blamed.blamed());
    } else if (outcome instanceof CollectOutcome.Certified certified) {
      reportBlamed(context, certified.blamed());
    }
  }

  private static void reportBlamed(CoreContext context, List<Blame> blamed) {
    for (Blame blame : blamed) {
      context.reject(
          new Sender.Replica(blame.sender()),
          RejectReason.BAD_SHARE,
          "blamed for an invalid share " + blame.index());
    }
  }
}
