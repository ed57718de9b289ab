/** The capability that gates every read of secret key material. */
package org.intertrust.crypto.secret;
