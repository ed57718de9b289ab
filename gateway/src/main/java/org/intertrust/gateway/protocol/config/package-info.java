/**
 * The public configuration of an AS as gateways exchange it at setup: its replicas' identity and
 * agreement keys, n, f and the cross-AS threshold k, with a canonical encoding and its hash.
 */
package org.intertrust.gateway.protocol.config;
