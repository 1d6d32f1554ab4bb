/**
 * Authentication and authorisation: JWT access tokens from the configured trusted issuers, the member they
 * identify, one security filter chain per surface (docs/identity.md).
 */
package org.trilateral.exchange.security;
