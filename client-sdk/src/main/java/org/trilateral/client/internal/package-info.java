/** Implementation of the client library: HTTP, retries, tokens, paging. Not API; may change without notice. */
package org.trilateral.client.internal;
