/**
 * Which gateways carry a transaction (paper §IV-A, §V-C): several gateways per AS, a pair chosen
 * per transaction by a seeded random draw, and failover to another gateway of the side that timed
 * out.
 */
package org.intertrust.gateway.protocol.routing;
