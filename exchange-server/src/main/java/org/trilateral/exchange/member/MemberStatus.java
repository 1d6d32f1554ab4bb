package org.trilateral.exchange.member;

/** Whether a member's tokens are accepted. */
public enum MemberStatus {
    ACTIVE, SUSPENDED;

    /** The name used in JSON and the database. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
