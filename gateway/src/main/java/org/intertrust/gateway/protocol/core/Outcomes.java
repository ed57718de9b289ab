package org.intertrust.gateway.protocol.core;

import org.intertrust.gateway.protocol.collect.CollectOutcome;

/** Turns collector outcomes that refuse or blame into Reject actions, for the log. */
final class Outcomes {
  private Outcomes() {}

  static void report(CoreContext context, Sender from, CollectOutcome outcome) {
    if (outcome instanceof CollectOutcome.Rejected rejected) {
      if (rejected.rejection() != CollectOutcome.Rejection.DUPLICATE
          && rejected.rejection() != CollectOutcome.Rejection.ALREADY_CERTIFIED) {
        context.reject(
            from, RejectReason.BAD_SHARE, rejected.rejection() + ": " + rejected.detail());
      }
    } else if (outcome instanceof CollectOutcome.Blamed blamed) {
      blamed
          .blamed()
          .forEach(
              blame ->
                  context.reject(
                      new Sender.Replica(blame.sender()),
                      RejectReason.BAD_SHARE,
                      "blamed for an invalid share " + blame.index()));
    } else if (outcome instanceof CollectOutcome.Certified certified) {
      certified
          .blamed()
          .forEach(
              blame ->
                  context.reject(
                      new Sender.Replica(blame.sender()),
                      RejectReason.BAD_SHARE,
                      "blamed for an invalid share " + blame.index()));
    }
  }
}
