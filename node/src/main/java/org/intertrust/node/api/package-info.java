/**
 * The client API over HTTP: REST/JSON requests to submit transfers within an AS, cross-AS
 * transfers, swaps and messages, and to query balances and transaction status; errors as RFC 9457
 * {@code application/problem+json} with stable codes ({@link org.intertrust.node.api.ProblemCode});
 * {@code /health} and Prometheus {@code /metrics} (ADR 0012).
 */
package org.intertrust.node.api;
