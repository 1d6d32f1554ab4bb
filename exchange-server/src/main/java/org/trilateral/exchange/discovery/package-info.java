/** TAXII 2.1 server discovery (§4.1) and the API root resource (§4.2). */
package org.trilateral.exchange.discovery;
