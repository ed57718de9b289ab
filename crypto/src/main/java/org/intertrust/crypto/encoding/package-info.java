/**
 * Domain separation and canonical encoding of everything InterTrust signs.
 *
 * <p>{@link org.intertrust.crypto.encoding.SigningDomain} fixes one tag byte and one BLS
 * hash-to-curve DST per message kind. {@link org.intertrust.crypto.encoding.CanonicalWriter} and
 * {@link org.intertrust.crypto.encoding.CanonicalReader} define the one byte layout (big-endian,
 * length-prefixed, bounded) and {@link org.intertrust.crypto.encoding.Statements} wraps a statement
 * body in the common envelope: magic, version, domain tag, source and destination AS. Two honest
 * replicas encoding the same statement produce the same bytes; golden-vector tests pin the layout.
 */
package org.intertrust.crypto.encoding;
