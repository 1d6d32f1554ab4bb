/** The membership registry: member organisations, their nation, sector, roles and identity-provider subjects, and the admin API. */
package org.trilateral.exchange.member;
