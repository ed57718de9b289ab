/**
 * The governor: per-lane and per-asset rate limits on cross-AS requests and an operator pause, in
 * front of the gateway core (the role Wormhole's Governor and CCIP's rate limits play). Pure: time
 * comes with each call.
 */
package org.intertrust.gateway.protocol.governor;
